// Reading the journal back: entries chosen by year, kind and heading; the journal as CSV.
#pragma once

#include "archive/journal.hpp"

#include <prikaz/prikaz.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace prikaz::archive {

struct Filter {
    std::string year;  // "2024" (calendar) or "2024-2025" (school year), by the order's date, whatever the numbering
    std::string kind;  // series code ("od") or title ("по основной деятельности")
    std::string text;  // in the heading, ignoring letter case
};

// Is `year` written as --year takes it?
bool valid_year(const std::string& year);

std::vector<Entry> select(const std::vector<Entry>& entries, const Filter& filter);

// One line per order: "112-од  2022-09-02  od  О закреплении …".
std::string list_lines(const std::vector<Entry>& entries);

// The registration journal with its customary columns (рег. №, дата, заголовок,
// кем подписан, основание, исполнитель, отметка об ознакомлении, индекс дела,
// примечание); UTF-8 with BOM and ";" so that Excel in a Russian locale opens it as is.
std::string journal_csv(const std::vector<Entry>& entries, const std::vector<Entry>& all);

// The same journal as a document: the entries become a <journal> record
// (period, entry: number, date, heading, signatory, basis, executor,
// acknowledgement, case, note) merged into <templates>/docx|odt/journal.*, written to `output`.
std::vector<Diagnostic> journal_document(const std::vector<Entry>& entries, const std::vector<Entry>& all, const std::string& year,
                                         OutputFormat format, const std::filesystem::path& template_dir,
                                         const std::filesystem::path& output);

}  // namespace prikaz::archive
