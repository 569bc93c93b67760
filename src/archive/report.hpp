// Reading the journal back: entries chosen by year, kind and heading; the journal as CSV.
#pragma once

#include "archive/journal.hpp"

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

}  // namespace prikaz::archive
