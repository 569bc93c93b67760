// Numbering restarts with the records year, which for schools runs from 1 September.
#include "archive/numbering.hpp"

#include <charconv>

namespace prikaz::archive {

namespace {

int digits(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return s.empty() ? -1 : v;
}

constexpr std::string_view placeholder = "{n}";

}  // namespace

bool is_iso_date(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    const int y = digits(date.substr(0, 4)), m = digits(date.substr(5, 2)), d = digits(date.substr(8, 2));
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] && !(m == 2 && d == 29 && !leap);
}

std::string records_year(std::string_view iso_date, Restart restart) {
    const int y = digits(iso_date.substr(0, 4));
    if (restart == Restart::calendar_year) return std::to_string(y);
    const int m = digits(iso_date.substr(5, 2));
    const int start = m >= 9 ? y : y - 1;
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

std::optional<bool> date_in_year(std::string_view iso_date, std::string_view year) {
    if (year.size() == 4 && digits(year) > 0) return iso_date.substr(0, 4) == year;
    if (year.size() == 9 && year[4] == '-') {
        const int from = digits(year.substr(0, 4)), to = digits(year.substr(5, 4));
        if (from <= 0 || to != from + 1) return std::nullopt;
        return records_year(iso_date, Restart::school_year) == year;
    }
    return std::nullopt;
}

std::string format_number(std::string_view pattern, std::int64_t n) {
    std::string out(pattern);
    if (auto at = out.find(placeholder); at != std::string::npos) out.replace(at, placeholder.size(), std::to_string(n));
    return out;
}

std::optional<std::int64_t> parse_number(std::string_view pattern, std::string_view number) {
    const auto at = pattern.find(placeholder);
    if (at == std::string_view::npos) return std::nullopt;
    const std::string_view prefix = pattern.substr(0, at), suffix = pattern.substr(at + placeholder.size());
    if (number.size() <= prefix.size() + suffix.size() || number.substr(0, prefix.size()) != prefix ||
        number.substr(number.size() - suffix.size()) != suffix)
        return std::nullopt;
    const std::string_view middle = number.substr(prefix.size(), number.size() - prefix.size() - suffix.size());
    if (middle.front() == '0') return std::nullopt;  // "07-од" is not how the series writes 7
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(middle.data(), middle.data() + middle.size(), n);
    if (ec != std::errc() || end != middle.data() + middle.size() || n <= 0) return std::nullopt;
    return n;
}

}  // namespace prikaz::archive
