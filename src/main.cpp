// prikaz command line: parses arguments and calls the core library.
#include <prikaz/prikaz.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// Prints the diagnostics and a summary line; returns the exit code they call for.
int report(const std::vector<prikaz::Diagnostic>& diagnostics) {
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
        std::cout << prikaz::format(d) << '\n';
        (d.severity == prikaz::Severity::error ? errors : warnings)++;
    }
    std::cout << "Итог: ошибок — " << errors << ", предупреждений — " << warnings << ".\n";
    return static_cast<int>(prikaz::exit_code(diagnostics));
}

// The output name when -o is not given: the record's name with the document's extension.
std::filesystem::path default_output(const std::filesystem::path& record, const std::filesystem::path& templ) {
    std::string ext = templ.extension().string();
    if (ext == ".dotx") ext = ".docx";
    if (ext == ".ott") ext = ".odt";
    return record.stem().string() + ext;
}

}  // namespace

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

    std::string record, templ, output;
    auto* render = app.add_subcommand("render", "сделать документ из записи по шаблону DOCX или ODT");
    render->set_help_flag("-h,--help", "показать эту справку");
    render->add_option("record", record, "файл записи")->required();
    render->add_option("-t,--template", templ, "шаблон .docx, .dotx, .odt или .ott")->required();
    render->add_option("-o,--output", output, "куда сохранить документ (существующий файл не перезаписывается)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "prikaz: неверный вызов: " << e.what() << "\nСправка: prikaz --help\n";
        return static_cast<int>(prikaz::ExitCode::usage);
    }

    try {
        if (*check) {
            prikaz::CheckOptions options;
            options.schema_dir = schemas;
            return report(prikaz::check({inputs.begin(), inputs.end()}, options));
        }
        if (*render) {
            prikaz::RenderOptions options;
            options.schema_dir = schemas;
            options.template_path = templ;
            options.output = output.empty() ? default_output(record, templ) : std::filesystem::path(output);
            auto diagnostics = prikaz::render(record, options);
            int code = report(diagnostics);
            if (code == 0) std::cout << "Документ сохранён: " << options.output.string() << '\n';
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
