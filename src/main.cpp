// prikaz command line: parses arguments and calls the core library.
#include <CLI/CLI.hpp>
#include <iostream>
#include <prikaz/prikaz.hpp>

#include "cli_archive.hpp"
#include "cli_report.hpp"

int main(int argc, char** argv) {
    CLI::App app{"prikaz — приказы, дорожные карты и аналитические справки из XML-записей"};
    app.require_subcommand(1);
    app.fallthrough();  // --schemas may follow the command name
    app.set_help_flag("-h,--help", "показать эту справку");
    std::string schemas;
    app.add_option("--schemas", schemas, "папка со схемами записей (по умолчанию встроенная)");

    std::vector<std::string> inputs;
    auto* check = app.add_subcommand("check", "проверить записи: XML, схемы и правила");
    check->set_help_flag("-h,--help", "показать эту справку");
    check->add_option("paths", inputs, "файлы записей или папки с ними")->required();

    std::string record, templ, output, format, templates;
    auto* render = app.add_subcommand("render", "сделать документ из записи (или документы из папки записей)");
    render->set_help_flag("-h,--help", "показать эту справку");
    render->add_option("record", record, "файл записи или папка с записями")->required();
    render->add_option("-t,--template", templ, "шаблон .docx, .dotx, .odt или .ott (по умолчанию — по виду записи)");
    render->add_option(
        "-o,--output", output,
        "куда сохранить документ (по умолчанию <id записи>.<формат> в текущей папке); для папки записей — папка");
    render->add_option("--format", format, "docx, odt или pdf (PDF делает LibreOffice)")
        ->check(CLI::IsMember({"docx", "odt", "pdf"}));
    render->add_option("--templates", templates,
                       "папка шаблонов с docx/ и odt/ (по умолчанию PRIKAZ_TEMPLATES или встроенная)");
    bool verbatim = false;
    render->add_flag("--verbatim", verbatim,
                     "печатать значения буква в букву, без типографики (кавычки, тире, неразрывные пробелы)");
    const prikaz::ArchiveCommands archive(app);  // issue, verify, list, journal: src/cli_archive.cpp

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "prikaz: неверный вызов: " << e.what() << "\nСправка: prikaz --help\n";
        return static_cast<int>(prikaz::ExitCode::usage);
    }

    try {
        if (std::optional<int> code = archive.run(schemas)) return *code;
        if (*check) {
            prikaz::CheckOptions options;
            options.schema_dir = schemas;
            return prikaz::report(prikaz::check({inputs.begin(), inputs.end()}, options));
        }
        if (*render) {
            prikaz::RenderOptions options;
            options.schema_dir = schemas;
            options.template_path = templ;
            options.template_dir = templates;
            if (!format.empty()) options.format = prikaz::parse_format(format);
            options.output = output;
            options.typograph = !verbatim;
            auto result = prikaz::render_documents(record, options);
            int code = prikaz::report(result.diagnostics);
            for (const auto& written : result.written) std::cout << "Документ сохранён: " << written.string() << '\n';
            return code;
        }
    } catch (const prikaz::SetupError& e) {
        std::cerr << "prikaz: " << e.what() << '\n';
        return static_cast<int>(prikaz::ExitCode::io);
    } catch (const std::exception& e) {
        std::cerr << "prikaz: внутренняя ошибка: " << e.what() << ". Сообщите разработчикам, приложив входные файлы.\n";
        return static_cast<int>(prikaz::ExitCode::internal);
    }
    return static_cast<int>(prikaz::ExitCode::usage);
}
