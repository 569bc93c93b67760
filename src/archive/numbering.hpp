// Registration numbers: the records year a date falls in, and a series' number pattern.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz::archive {

// When numbering starts again: 1 January, or 1 September for schools (organization.xsd RecordsYear).
enum class Restart { calendar_year, school_year };

// One series of an organization's orders: "od", "по основной деятельности", "{n}-од", case "01-07".
struct Series {
    std::string code;
    std::string title;
    std::string pattern;
    std::string case_index;  // from the номенклатура дел; may be empty
};

struct Registration {
    Restart restart = Restart::calendar_year;
    std::vector<Series> series;
};

// "2024-09-02" is a valid ISO date of the Gregorian calendar.
bool is_iso_date(std::string_view date);

// The records year of an ISO date: "2024" (calendar) or "2024-2025" (from 1 September).
std::string records_year(std::string_view iso_date, Restart restart);

// Does a date fall in a year as written for `--year`: "2024" or "2024-2025"? Nothing for a bad year.
std::optional<bool> date_in_year(std::string_view iso_date, std::string_view year);

// "{n}-од" with 7 → "7-од".
std::string format_number(std::string_view pattern, std::int64_t n);

// The sequence number in a number written by the pattern: "7-од" → 7; nothing when it does not fit.
std::optional<std::int64_t> parse_number(std::string_view pattern, std::string_view number);

}  // namespace prikaz::archive
