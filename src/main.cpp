// prikaz command line: parses arguments and calls the core library.
#include <prikaz/prikaz.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

int run_check(const std::vector<std::string>& inputs, const std::string& schemas) {
    prikaz::CheckOptions options;
    options.schema_dir = schemas;
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    auto diagnostics = prikaz::check(paths, options);
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
        std::cout << prikaz::format(d) << '\n';
        (d.severity == prikaz::Severity::error ? errors : warnings)++;
    }
    std::cout << "Итог: ошибок — " << errors << ", предупреждений — " << warnings << ".\n";
    return static_cast<int>(prikaz::exit_code(diagnostics));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"prikaz — приказы, дорожные карты и аналитические справки из XML-записей"};
    app.require_subcommand(1);
    app.set_help_flag("-h,--help", "показать эту справку");

    std::vector<std::string> inputs;
    std::string schemas;
    auto* check = app.add_subcommand("check", "проверить записи: XML, схемы и правила");
    check->set_help_flag("-h,--help", "показать эту справку");
    check->add_option("paths", inputs, "файлы записей или папки с ними")->required();
    check->add_option("--schemas", schemas, "папка со схемами записей (по умолчанию встроенная)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "prikaz: неверный вызов: " << e.what() << "\nСправка: prikaz --help\n";
        return static_cast<int>(prikaz::ExitCode::usage);
    }

    try {
        if (*check) return run_check(inputs, schemas);
    } catch (const prikaz::SetupError& e) {
        std::cerr << "prikaz: " << e.what() << '\n';
        return static_cast<int>(prikaz::ExitCode::io);
    } catch (const std::exception& e) {
        std::cerr << "prikaz: внутренняя ошибка: " << e.what() << ". Сообщите разработчикам, приложив входные файлы.\n";
        return static_cast<int>(prikaz::ExitCode::internal);
    }
    return static_cast<int>(prikaz::ExitCode::usage);
}
