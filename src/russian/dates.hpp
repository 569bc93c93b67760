// Dates and deadlines in Russian wording, by ICU with explicit patterns (never
// the built-in ones: ICU 72 puts U+202F before «г.»). Output has U+00A0 where
// a space must not break and never U+202F.
#pragma once

#include "deadline.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace prikaz::russian {

// "2021-11-15" (xs:date without a zone) → a valid date; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);

// 15.11.2021
std::string date_digits(const Date& date);
// 15 ноября 2021 г. (genitive month, no leading zero)
std::string date_words(const Date& date);
// Stand-alone nominative month (ICU LLLL): "ноябрь", or "Ноябрь" at the start of a cell.
std::string month_name(int month, bool capital);
// Ноябрь 2021 г.
std::string month_year(int year, int month);
// 1 августа – 30 сентября 2022 г.; 1–15 августа 2022 г.; 1 декабря 2021 г. – 31 января 2022 г.
std::string date_range(const Date& from, const Date& to);
// Август – сентябрь 2022 г.; Ноябрь 2021 г. – январь 2022 г.; one month: Ноябрь 2021 г.
std::string month_range(int from_year, int from_month, int to_year, int to_month);
// 2024–2025 учебный год
std::string school_year(int first_year);
// 2021–2024 гг.; one year: 2021 г.
std::string years(int from, int to);
// I квартал 2022 г.
std::string quarter(int quarter, int year);

// The canonical wording of a deadline from its kind and dates: «Май 2022 г.»,
// «Август – сентябрь 2022 г.», «До 30.09.2022», «I квартал 2022 г.»,
// «2021–2022 учебный год»… Kinds without dates (recurring, continuous,
// schedule, free, a list of dates) and deadlines whose dates are unknown give
// the written text on one line with a capital first letter.
std::string deadline_wording(const Deadline& deadline);

}  // namespace prikaz::russian
