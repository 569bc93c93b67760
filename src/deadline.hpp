// Reader of Russian deadline expressions as people write them in plans:
// "Май 2022 г.", "Август-сентябрь 2022 г.", "До 30.09. 2022 г", "В течение года".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace prikaz {

// A calendar date; no time zone, no time of day.
struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    friend auto operator<=>(const Date&, const Date&) = default;
};

// Last day of the month, leap years included.
int days_in_month(int year, int month);

enum class DeadlineKind {
    date,         // "20.05.2025", "20 мая 2025 г."
    before_date,  // "До 30.09.2022 г."
    month,        // "Май 2022 г."
    month_range,  // "Август – сентябрь 2024", "Ноябрь 2021-январь 2022"
    quarter,      // "I квартал 2022 г."
    year,         // "до конца 2021 года", "2022 г."
    period,       // "Сентябрь 2021 г. – май 2022 г.", "2021–2022 учебный год"
    dates,        // a list: "20 декабря 2024 , 20 мая 2025", "Декабрь 2021, май 2022", "Январь, май"
    recurring,    // "ежегодно", "Ежеквартально"
    continuous,   // "В течение года", "Весь период", "В течение всего периода реализации …"
    schedule,     // "По отдельному графику", "По плану ЦНППМПР", "В соответствии с графиком …"
    free,         // wording that could not be read
};

// Name of a kind as used in records (kind="month-range").
std::string_view to_string(DeadlineKind kind);
std::optional<DeadlineKind> deadline_kind_from_string(std::string_view name);

// What a deadline is read against: the document's period, used to date
// year-less wordings ("Сентябрь-октябрь" in a 2024–2025 plan is 2024).
struct DeadlineContext {
    std::optional<Date> period_from;  // e.g. 2024-09-01
    std::optional<Date> period_to;    // e.g. 2025-08-31
};

// A deadline as written plus what could be read from it.
struct Deadline {
    std::string written;  // exactly as in the record
    DeadlineKind kind = DeadlineKind::free;
    // The dates the deadline covers, when they follow from the wording
    // (and the context). "До 30.09.2022" has only `to`.
    std::optional<Date> from;
    std::optional<Date> to;

    bool readable() const { return kind != DeadlineKind::free; }
};

// Reads a deadline wording. Never throws on any input; unreadable wording
// gives kind == free with no dates.
Deadline read_deadline(std::string_view written, const DeadlineContext& context = {});

}  // namespace prikaz
