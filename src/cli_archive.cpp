// The archive's subcommands. They print diagnostics the way `check` and `render` do.
#include "cli_archive.hpp"

#include "archive/error.hpp"
#include "archive/issue.hpp"
#include "archive/journal.hpp"
#include "archive/report.hpp"
#include "archive/verify.hpp"
#include "cli_report.hpp"
#include "output.hpp"

#include <prikaz/prikaz.hpp>

#include <cstdlib>
#include <iostream>

namespace prikaz {

namespace {

using Args = ArchiveArgs;

void cleaned(const std::vector<std::string>& lines) {
    for (const auto& line : lines) std::cout << "Архив: " << line << '\n';
}

int run_issue(const Args& a, const std::string& schemas) {
    archive::IssueOptions options;
    options.archive = a.archive;
    options.schema_dir = schemas;
    options.template_dir = a.templates;
    for (const auto& f : a.formats) options.formats.push_back(*parse_format(f));
    options.date = a.date;
    options.basis = a.basis;
    options.cancels = a.cancels;
    options.amends = a.amends;
    if (const char* fault = std::getenv("PRIKAZ_FAULT")) options.fault = fault;
    archive::IssueResult result = archive::issue(a.record, options);
    cleaned(result.cleaned);
    const int code = report(result.diagnostics);
    if (result.entry) {
        std::cout << "Приказ зарегистрирован: № " << result.entry->number << " от " << result.entry->date << '\n';
        for (const auto& f : result.entry->files) std::cout << "В архиве: " << (std::filesystem::path(a.archive) / f.path).string() << '\n';
    }
    return code;
}

int run_verify(const Args& a) {
    archive::VerifyResult result = archive::verify(a.archive);
    cleaned(result.cleaned);
    for (const auto& d : result.diagnostics) std::cout << format(d) << '\n';
    if (result.damaged()) {
        std::cout << "Итог: архив повреждён — замечаний " << result.diagnostics.size() << "; приказов " << result.entries
                  << ", файлов " << result.files << ".\n";
        return archive::exit_damaged;
    }
    if (!result.diagnostics.empty()) return static_cast<int>(exit_code(result.diagnostics));
    std::cout << "Итог: архив цел — приказов " << result.entries << ", файлов " << result.files << ".\n";
    return 0;
}

// The journal's entries for list and journal, or the diagnostic why there are none.
std::optional<std::vector<archive::Entry>> read_entries(const Args& a, std::vector<archive::Entry>& all, int& code) {
    if (!a.year.empty() && !archive::valid_year(a.year)) {
        std::cerr << "prikaz: неверный вызов: --year пишется как 2024 (календарный год) или 2024-2025 (учебный год)\n";
        code = static_cast<int>(ExitCode::usage);
        return std::nullopt;
    }
    try {
        archive::Journal journal(std::filesystem::path(a.archive) / archive::journal_file, archive::Journal::Mode::read);
        all = journal.entries();
    } catch (const archive::ArchiveError& e) {
        code = report({e.diagnostic()});
        return std::nullopt;
    }
    return archive::select(all, {a.year, a.kind, a.text});
}

int run_list(const Args& a) {
    std::vector<archive::Entry> all;
    int code = 0;
    auto chosen = read_entries(a, all, code);
    if (!chosen) return code;
    std::cout << archive::list_lines(*chosen) << "Всего: " << chosen->size() << ".\n";
    return 0;
}

int run_journal(const Args& a) {
    std::vector<archive::Entry> all;
    int code = 0;
    auto chosen = read_entries(a, all, code);
    if (!chosen) return code;
    if (a.format != "csv") {
        const std::string output = a.output.empty() ? "journal" + (a.year.empty() ? "" : "-" + a.year) + "." + a.format : a.output;
        auto problems = archive::journal_document(*chosen, all, a.year, *parse_format(a.format), a.templates, output);
        if (!problems.empty()) return report(problems);
        std::cout << "Журнал сохранён: " << output << '\n';
        return 0;
    }
    const std::string csv = archive::journal_csv(*chosen, all);
    if (a.output.empty()) {
        std::cout << csv;
        return 0;
    }
    auto written = publish(a.output, csv);
    if (!written.empty()) return report(written);
    std::cout << "Журнал сохранён: " << a.output << '\n';
    return 0;
}

}  // namespace

ArchiveCommands::ArchiveCommands(CLI::App& app) {
    Args* a = &args_;
    auto archive_option = [a](CLI::App* sub) {
        sub->set_help_flag("-h,--help", "показать эту справку");
        sub->add_option("--archive", a->archive, "папка архива (по умолчанию ./archive)");
    };

    CLI::App* issue = issue_ = app.add_subcommand("issue", "зарегистрировать приказ: номер, документы, архив и журнал");
    archive_option(issue);
    issue->add_option("record", a->record, "файл записи приказа")->required();
    issue->add_option("--date", a->date, "дата приказа ГГГГ-ММ-ДД, если её нет в записи (по умолчанию сегодня)");
    issue->add_option("--basis", a->basis, "основание — для графы журнала");
    issue->add_option("--cancels", a->cancels, "номер приказа, который этот приказ отменяет");
    issue->add_option("--amends", a->amends, "номер приказа, который этот приказ изменяет");
    issue->add_option("--format", a->formats, "docx, odt или pdf; можно несколько раз (по умолчанию docx)")
        ->check(CLI::IsMember({"docx", "odt", "pdf"}));
    issue->add_option("--templates", a->templates, "папка шаблонов с docx/ и odt/");

    CLI::App* verify = verify_ = app.add_subcommand("verify", "проверить архив: контрольные суммы и журнал против папки");
    archive_option(verify);
    verify->add_option("archive", a->archive, "папка архива (то же, что --archive)");

    auto filters = [a](CLI::App* sub) {
        sub->add_option("--year", a->year, "год: 2024 (календарный) или 2024-2025 (учебный, с 1 сентября)");
        sub->add_option("--kind", a->kind, "серия: код (od) или название");
        sub->add_option("--text", a->text, "слова из заголовка");
    };
    CLI::App* list = list_ = app.add_subcommand("list", "приказы архива");
    archive_option(list);
    filters(list);

    CLI::App* journal = journal_ = app.add_subcommand("journal", "журнал регистрации приказов");
    archive_option(journal);
    filters(journal);
    journal->add_option("--format", a->format, "csv (по умолчанию), docx или odt")->check(CLI::IsMember({"csv", "docx", "odt"}));
    journal->add_option("-o,--output", a->output,
                        "файл для журнала (по умолчанию CSV — на экран, DOCX и ODT — journal[-год].docx|odt в текущей папке)");
    journal->add_option("--templates", a->templates, "папка шаблонов с docx/ и odt/");
}

std::optional<int> ArchiveCommands::run(const std::string& schemas) const {
    if (*issue_) return run_issue(args_, schemas);
    if (*verify_) return run_verify(args_);
    if (*list_) return run_list(args_);
    if (*journal_) return run_journal(args_);
    return std::nullopt;
}

}  // namespace prikaz
