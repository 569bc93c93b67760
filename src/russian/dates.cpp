// Dates in Russian with ICU SimpleDateFormat and explicit patterns.
#include "russian/dates.hpp"

#include "russian/text.hpp"
#include "../text.hpp"  // src/text.hpp, not russian/text.hpp next to this file

#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <memory>

namespace prikaz::russian {

namespace {

constexpr std::string_view nbsp = "\u00A0";
constexpr std::string_view year_mark = "\u00A0г.";
constexpr std::string_view years_mark = "\u00A0гг.";
constexpr std::string_view en_dash = "\u2013";
constexpr std::string_view spaced_dash = " \u2013 ";

// ICU 72 puts U+202F (narrow no-break space) in some patterns; fonts lack it.
std::string without_narrow_spaces(std::string s) {
    constexpr std::string_view narrow = "\u202F";
    for (std::size_t at = s.find(narrow); at != std::string::npos; at = s.find(narrow, at))
        s.replace(at, narrow.size(), nbsp);
    return s;
}

// Formats one date with an explicit ICU pattern, in GMT so no zone shifts the day.
std::string format(const Date& date, const char16_t* pattern, bool capital = false) {
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat formatter(icu::UnicodeString(pattern), icu::Locale("ru"), status);
    if (capital) formatter.setContext(UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE, status);
    icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), icu::Locale("ru"), status);
    if (U_FAILURE(status))
        throw DataError(std::string("не удалось загрузить русский календарь из данных ICU (") + u_errorName(status) + ")");
    formatter.setTimeZone(*icu::TimeZone::getGMT());
    calendar.clear();
    calendar.set(date.year, date.month - 1, date.day);
    icu::UnicodeString out;
    icu::FieldPosition position;
    formatter.format(calendar, out, position);
    std::string text;
    out.toUTF8String(text);
    return without_narrow_spaces(std::move(text));
}

// Whether ICU gave Russian month names (without the ru data it gives "M11" or English).
void require_cyrillic(const std::string& month) {
    const auto first = static_cast<unsigned char>(month.empty() ? 0 : month[0]);
    if (first != 0xD0 && first != 0xD1)
        throw DataError("в данных ICU нет русских названий месяцев (получено «" + month +
                        "»); установите пакет libicu72 полностью");
}

std::string month_genitive(int month) {
    std::string name = format({2000, month, 1}, u"MMMM");
    require_cyrillic(name);
    return name;
}

const std::array<std::string_view, 4> roman{"I", "II", "III", "IV"};

bool first_of_month(const Date& d) { return d.day == 1; }
bool last_of_month(const Date& d) { return d.day == days_in_month(d.year, d.month); }

std::string tidy(std::string_view written) {
    std::string line = text::one_line(written);
    return capitalize(line);
}

// A period from its dates: a school year, whole years, a half-year, whole months, or days.
std::string period(const Date& from, const Date& to) {
    if (from.month == 9 && from.day == 1 && to.month == 8 && to.day == 31 && to.year == from.year + 1)
        return school_year(from.year);
    if (from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31) return years(from.year, to.year);
    if (from.year == to.year && from.day == 1 && last_of_month(to) && (from.month == 1 || from.month == 7) &&
        to.month == from.month + 5)
        return std::string(from.month == 1 ? "I" : "II") + " полугодие " + std::to_string(from.year) + std::string(year_mark);
    if (first_of_month(from) && last_of_month(to)) return month_range(from.year, from.month, to.year, to.month);
    return date_digits(from) + std::string(spaced_dash) + date_digits(to);
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t n) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            value = value * 10 + (s[i] - '0');
        }
        return value;
    };
    const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d || *y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
    return Date{*y, *m, *d};
}

std::string date_digits(const Date& date) { return format(date, u"dd.MM.y"); }

std::string date_words(const Date& date) {
    return std::to_string(date.day) + " " + month_genitive(date.month) + " " + std::to_string(date.year) +
           std::string(year_mark);
}

std::string month_name(int month, bool capital) {
    std::string name = format({2000, month, 1}, u"LLLL", capital);
    require_cyrillic(name);
    return name;
}

std::string month_year(int year, int month) {
    return month_name(month, true) + " " + std::to_string(year) + std::string(year_mark);
}

std::string date_range(const Date& from, const Date& to) {
    if (from == to) return date_words(from);
    const std::string y = " " + std::to_string(to.year) + std::string(year_mark);
    if (from.year != to.year) return date_words(from) + std::string(spaced_dash) + date_words(to);
    if (from.month == to.month)
        return std::to_string(from.day) + std::string(en_dash) + std::to_string(to.day) + " " + month_genitive(to.month) + y;
    return std::to_string(from.day) + " " + month_genitive(from.month) + std::string(spaced_dash) +
           std::to_string(to.day) + " " + month_genitive(to.month) + y;
}

std::string month_range(int from_year, int from_month, int to_year, int to_month) {
    if (from_year == to_year && from_month == to_month) return month_year(from_year, from_month);
    if (from_year != to_year)
        return month_year(from_year, from_month) + std::string(spaced_dash) + month_name(to_month, false) + " " +
               std::to_string(to_year) + std::string(year_mark);
    return month_name(from_month, true) + std::string(spaced_dash) + month_name(to_month, false) + " " +
           std::to_string(to_year) + std::string(year_mark);
}

std::string school_year(int first_year) {
    return std::to_string(first_year) + std::string(en_dash) + std::to_string(first_year + 1) + " учебный год";
}

std::string years(int from, int to) {
    if (from == to) return std::to_string(from) + std::string(year_mark);
    return std::to_string(from) + std::string(en_dash) + std::to_string(to) + std::string(years_mark);
}

std::string quarter(int q, int year) {
    return std::string(roman.at(static_cast<std::size_t>(q - 1))) + " квартал " + std::to_string(year) +
           std::string(year_mark);
}

std::string deadline_wording(const Deadline& d) {
    const auto& from = d.from;
    const auto& to = d.to;
    switch (d.kind) {
        case DeadlineKind::date:
            if (from && (!to || *from == *to)) return date_digits(*from);
            if (to && !from) return date_digits(*to);
            break;
        case DeadlineKind::before_date:
            if (to) return "До " + date_digits(*to);
            break;
        case DeadlineKind::month:
            if (from) return month_year(from->year, from->month);
            if (to) return month_year(to->year, to->month);
            break;
        case DeadlineKind::month_range:
            if (from && to) return month_range(from->year, from->month, to->year, to->month);
            break;
        case DeadlineKind::quarter:
            if (from && (!to || (to->year == from->year && (to->month - 1) / 3 == (from->month - 1) / 3)))
                return quarter((from->month - 1) / 3 + 1, from->year);
            if (from && to) return period(*from, *to);
            break;
        case DeadlineKind::year:
            if (from && to) return years(from->year, to->year);
            if (to) return "До конца " + std::to_string(to->year) + std::string(year_mark);
            if (from) return years(from->year, from->year);
            break;
        case DeadlineKind::period:
            if (from && to) return period(*from, *to);
            if (to) return "До " + date_digits(*to);
            if (from) return "С " + date_digits(*from);
            break;
        case DeadlineKind::dates:
        case DeadlineKind::recurring:
        case DeadlineKind::continuous:
        case DeadlineKind::schedule:
        case DeadlineKind::free: break;
    }
    return tidy(d.written);
}

}  // namespace prikaz::russian
