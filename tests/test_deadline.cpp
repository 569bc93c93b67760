// Tests of the deadline reader: every deadline of the seed documents, plus
// the typography and edge cases the reader has to survive.

#include "deadline.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using prikaz::Date;
using prikaz::DeadlineContext;
using prikaz::DeadlineKind;
using prikaz::read_deadline;

namespace {

using K = DeadlineKind;

constexpr Date d(int year, int month, int day) { return Date{year, month, day}; }

// Readable in failure messages: "2022-05-01" or "none".
std::string show(const std::optional<Date>& date) {
    if (!date) return "none";
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date->year, date->month, date->day);
    return text;
}

const DeadlineContext no_context{};
const DeadlineContext kashary{d(2024, 9, 1), d(2025, 8, 31)};     // 2024–2025 school year
const DeadlineContext school_2021{d(2021, 9, 1), d(2022, 8, 31)};  // 2021–2022 school year

struct Case {
    std::string_view written;
    K kind;
    std::optional<Date> from;
    std::optional<Date> to;
    DeadlineContext context{};
};

void check_cases(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        INFO("deadline: \"" << std::string(c.written) << "\"");
        const auto deadline = read_deadline(c.written, c.context);
        CHECK(prikaz::to_string(deadline.kind) == prikaz::to_string(c.kind));
        CHECK(show(deadline.from) == show(c.from));
        CHECK(show(deadline.to) == show(c.to));
        CHECK(deadline.written == c.written);
    }
}

}  // namespace

TEST_CASE("Deadlines of the Kezhma roadmap 2022", "[deadline][seed]") {
    check_cases({
        {"Май 2022 г.", K::month, d(2022, 5, 1), d(2022, 5, 31)},
        {"Август-сентябрь\n2022 г.", K::month_range, d(2022, 8, 1), d(2022, 9, 30)},
        {"До 30.09. 2022 г", K::before_date, std::nullopt, d(2022, 9, 30)},
        {"До 10.10.2022г.", K::before_date, std::nullopt, d(2022, 10, 10)},
        {"По отдельному графику", K::schedule, std::nullopt, std::nullopt},
        {"Январь 2023 г.", K::month, d(2023, 1, 1), d(2023, 1, 31)},
        {"Декабрь 2023 г.", K::month, d(2023, 12, 1), d(2023, 12, 31)},
        {"В течение всего\nпериода реализации\nЦелевой модели наставничества", K::continuous, std::nullopt,
         std::nullopt},
        {"В течение всего\nпериода реализации Целевой модели наставничества", K::continuous, std::nullopt,
         std::nullopt},
        {"До 10.10. 2022 г.", K::before_date, std::nullopt, d(2022, 10, 10)},
        {"По отдельному плану", K::schedule, std::nullopt, std::nullopt},
        {"В течение года", K::continuous, std::nullopt, std::nullopt},
        {"В соответствии с сороками реализации программ наставничества", K::schedule, std::nullopt, std::nullopt},
        {"До 01.11.2022 г.", K::before_date, std::nullopt, d(2022, 11, 1)},
        {"Сентябрь - октябрь 2022 г.", K::month_range, d(2022, 9, 1), d(2022, 10, 31)},
        {"В соответствии со\nсроками,\nустанавливаемыми\nМинпросвещения\nРоссии", K::schedule, std::nullopt,
         std::nullopt},
        {"Март\n2023 г.", K::month, d(2023, 3, 1), d(2023, 3, 31)},
        {"Апрель 2032г.", K::month, d(2032, 4, 1), d(2032, 4, 30)},
        {"Апрель 2023 г.", K::month, d(2023, 4, 1), d(2023, 4, 30)},
    });
}

TEST_CASE("Deadlines of the Kashary roadmap 2024, dated by the school year", "[deadline][seed]") {
    check_cases({
        {"Август – сентябрь 2024", K::month_range, d(2024, 8, 1), d(2024, 9, 30), kashary},
        {"Сентябрь – октябрь 2024", K::month_range, d(2024, 9, 1), d(2024, 10, 31), kashary},
        {"Сентябрь 2024", K::month, d(2024, 9, 1), d(2024, 9, 30), kashary},
        {"Сентябрь-октябрь", K::month_range, d(2024, 9, 1), d(2024, 10, 31), kashary},
        {"Сентябрь октябрь", K::month_range, d(2024, 9, 1), d(2024, 10, 31), kashary},
        {"Сентябрь- октябрь", K::month_range, d(2024, 9, 1), d(2024, 10, 31), kashary},
        {"Август -сентябрь", K::month_range, d(2024, 8, 1), d(2024, 9, 30), kashary},
        {"Октябрь", K::month, d(2024, 10, 1), d(2024, 10, 31), kashary},
        {"Ноябрь-декабрь", K::month_range, d(2024, 11, 1), d(2024, 12, 31), kashary},
        {"Ноябрь- Декабрь", K::month_range, d(2024, 11, 1), d(2024, 12, 31), kashary},
        {"Ноябрь- декабрь", K::month_range, d(2024, 11, 1), d(2024, 12, 31), kashary},
        {"Ноябрь -декабрь", K::month_range, d(2024, 11, 1), d(2024, 12, 31), kashary},
        {"В течение года", K::continuous, d(2024, 9, 1), d(2025, 8, 31), kashary},
        {"Май 2025 года", K::month, d(2025, 5, 1), d(2025, 5, 31), kashary},
        {"Май 2025года", K::month, d(2025, 5, 1), d(2025, 5, 31), kashary},
        {"20 декабря 2024 , 20 мая 2025", K::dates, d(2024, 12, 20), d(2025, 5, 20), kashary},
    });
}

TEST_CASE("Deadlines of the other seed documents", "[deadline][seed]") {
    check_cases({
        {"до 01.12.2021г", K::before_date, std::nullopt, d(2021, 12, 1)},
        {"до 31.12.2021", K::before_date, std::nullopt, d(2021, 12, 31)},
        // Decision: "до конца <year>" has only `to`, like every "до".
        {"до конца 2021 года", K::year, std::nullopt, d(2021, 12, 31)},
        {"Ноябрь 2021-январь 2022", K::month_range, d(2021, 11, 1), d(2022, 1, 31)},
        {"Январь – май 2022", K::month_range, d(2022, 1, 1), d(2022, 5, 31)},
        {"Январь – апрель 2022", K::month_range, d(2022, 1, 1), d(2022, 4, 30)},
        {"ежегодно", K::recurring, std::nullopt, std::nullopt},
        {"Весь период", K::continuous, std::nullopt, std::nullopt},
        {"По плану ГБУ ДПО РО РИПК и ППРО, ЦНППМПР", K::schedule, std::nullopt, std::nullopt},
        {"По плану ГБУ ДПО РО РИПК и ППРО", K::schedule, std::nullopt, std::nullopt},
        {"по отдельному графику Академии Минпросвещения России и ЦНППМПР", K::schedule, std::nullopt,
         std::nullopt},
        {"В соответствии с графиком Академии Минпросвещения России", K::schedule, std::nullopt, std::nullopt},
        {"в течение года", K::continuous, std::nullopt, std::nullopt},
        {"в соответствии с графиком Академии Минпросвещения", K::schedule, std::nullopt, std::nullopt},
        {"По плану ЦНППМПР", K::schedule, std::nullopt, std::nullopt},
        {"Декабрь 2021, май 2022", K::dates, d(2021, 12, 1), d(2022, 5, 31)},
        {"Январь, май", K::dates, d(2022, 1, 1), d(2022, 5, 31), school_2021},
    });
}

TEST_CASE("Year-less months without a context read but have no dates", "[deadline]") {
    check_cases({
        {"Октябрь", K::month, std::nullopt, std::nullopt},
        {"Сентябрь-октябрь", K::month_range, std::nullopt, std::nullopt},
        {"Август -сентябрь", K::month_range, std::nullopt, std::nullopt},
        {"Январь, май", K::dates, std::nullopt, std::nullopt},
        {"20 мая", K::date, std::nullopt, std::nullopt},
        {"до 30.09", K::before_date, std::nullopt, std::nullopt},
    });
}

TEST_CASE("Year-less wordings dated by the context", "[deadline]") {
    check_cases({
        {"Январь", K::month, d(2025, 1, 1), d(2025, 1, 31), kashary},
        {"Август", K::month, d(2025, 8, 1), d(2025, 8, 31), kashary},
        {"Декабрь – январь", K::month_range, d(2024, 12, 1), d(2025, 1, 31), kashary},
        {"Сентябрь, май", K::dates, d(2024, 9, 1), d(2025, 5, 31), kashary},
        {"20 мая", K::date, d(2025, 5, 20), d(2025, 5, 20), kashary},
        {"до 30.09", K::before_date, std::nullopt, d(2024, 9, 30), kashary},
        {"Весь период", K::continuous, d(2024, 9, 1), d(2025, 8, 31), kashary},
        {"В течение учебного года", K::continuous, d(2024, 9, 1), d(2025, 8, 31), kashary},
        // The period of another programme is not the document's period.
        {"В течение всего периода реализации программы", K::continuous, std::nullopt, std::nullopt, kashary},
        // A context longer than a year cannot say which May is meant.
        {"Май", K::month, std::nullopt, std::nullopt, DeadlineContext{d(2021, 1, 1), d(2024, 12, 31)}},
        // A context that is a calendar year.
        {"Май", K::month, d(2023, 5, 1), d(2023, 5, 31), DeadlineContext{d(2023, 1, 1), d(2023, 12, 31)}},
        // Explicit years win over the context.
        {"Май 2030 г.", K::month, d(2030, 5, 1), d(2030, 5, 31), kashary},
    });
}

TEST_CASE("Years written only at one end of a range or list", "[deadline]") {
    check_cases({
        {"Ноябрь – январь 2022", K::month_range, d(2021, 11, 1), d(2022, 1, 31)},
        {"Ноябрь 2021 – январь", K::month_range, d(2021, 11, 1), d(2022, 1, 31)},
        {"Ноябрь, май 2022", K::dates, d(2021, 11, 1), d(2022, 5, 31)},
        {"Декабрь 2021, май", K::dates, d(2021, 12, 1), d(2022, 5, 31)},
        {"Сентябрь и октябрь 2022 г.", K::dates, d(2022, 9, 1), d(2022, 10, 31)},
    });
}

TEST_CASE("Single dates and their typography", "[deadline]") {
    check_cases({
        {"20.05.2025", K::date, d(2025, 5, 20), d(2025, 5, 20)},
        {"20 мая 2025 г.", K::date, d(2025, 5, 20), d(2025, 5, 20)},
        {"01.09.22", K::date, d(2022, 9, 1), d(2022, 9, 1)},
        {"до\u00A030.09.2022\u00A0г.", K::before_date, std::nullopt, d(2022, 9, 30)},
        {"Не позднее 15.10.2022", K::before_date, std::nullopt, d(2022, 10, 15)},
        {"до конца мая 2022 г.", K::before_date, std::nullopt, d(2022, 5, 31)},
        {"к 1 сентября 2022 г.", K::before_date, std::nullopt, d(2022, 9, 1)},
        {"МАЙ 2022 Г.", K::month, d(2022, 5, 1), d(2022, 5, 31)},
        {"в мае 2022 года", K::month, d(2022, 5, 1), d(2022, 5, 31)},
        {"2022 г.", K::year, d(2022, 1, 1), d(2022, 12, 31)},
        {"Май 2022.", K::month, d(2022, 5, 1), d(2022, 5, 31)},
        // "й" as "и" + combining breve (copied from some editors).
        {"Ма\u0438\u0306 2022", K::month, d(2022, 5, 1), d(2022, 5, 31)},
        {"Сентябрь\u2014октябрь 2022", K::month_range, d(2022, 9, 1), d(2022, 10, 31)},
    });
}

TEST_CASE("Leap years", "[deadline]") {
    CHECK(prikaz::days_in_month(2024, 2) == 29);
    CHECK(prikaz::days_in_month(2023, 2) == 28);
    CHECK(prikaz::days_in_month(2000, 2) == 29);
    CHECK(prikaz::days_in_month(1900, 2) == 28);
    CHECK(prikaz::days_in_month(2023, 4) == 30);
    CHECK(prikaz::days_in_month(2023, 13) == 0);
    check_cases({
        {"Февраль 2024", K::month, d(2024, 2, 1), d(2024, 2, 29)},
        {"Февраль 2023", K::month, d(2023, 2, 1), d(2023, 2, 28)},
        {"29.02.2024", K::date, d(2024, 2, 29), d(2024, 2, 29)},
        {"29.02.2023", K::free, std::nullopt, std::nullopt},
    });
}

TEST_CASE("Quarters and half-years", "[deadline]") {
    check_cases({
        {"I квартал 2022 г.", K::quarter, d(2022, 1, 1), d(2022, 3, 31)},
        {"IV квартал 2023 года", K::quarter, d(2023, 10, 1), d(2023, 12, 31)},
        {"2 кв. 2023", K::quarter, d(2023, 4, 1), d(2023, 6, 30)},
        {"до конца III квартала 2022 г.", K::before_date, std::nullopt, d(2022, 9, 30)},
        {"II полугодие 2022 г.", K::period, d(2022, 7, 1), d(2022, 12, 31)},
        {"V квартал 2022", K::free, std::nullopt, std::nullopt},
        // A school plan's "I полугодие" is the school's half-year: no calendar dates.
        {"I полугодие", K::period, std::nullopt, std::nullopt, kashary},
        {"III квартал", K::quarter, std::nullopt, std::nullopt, kashary},
    });
}

TEST_CASE("Periods", "[deadline]") {
    check_cases({
        {"Сентябрь 2021 г. – май 2022 г.", K::period, d(2021, 9, 1), d(2022, 5, 31)},
        {"2021–2022 учебный год", K::period, d(2021, 9, 1), d(2022, 8, 31)},
        {"2021-2022 уч.г.", K::period, d(2021, 9, 1), d(2022, 8, 31)},
        {"2024/2025 учебный год", K::period, d(2024, 9, 1), d(2025, 8, 31)},
        {"2021–2024 гг.", K::period, d(2021, 1, 1), d(2024, 12, 31)},
        {"01.09.2022 – 31.05.2023", K::period, d(2022, 9, 1), d(2023, 5, 31)},
        {"с 01.09.2022 по 31.05.2023", K::period, d(2022, 9, 1), d(2023, 5, 31)},
        {"В течение 2022 года", K::continuous, d(2022, 1, 1), d(2022, 12, 31)},
        {"В течение 2022-2023 учебного года", K::continuous, d(2022, 9, 1), d(2023, 8, 31)},
        // The end before the start.
        {"Декабрь 2022 – январь 2022", K::free, std::nullopt, std::nullopt},
    });
}

TEST_CASE("Recurring, continuous and schedule wordings", "[deadline]") {
    check_cases({
        {"Ежегодно", K::recurring, std::nullopt, std::nullopt},
        {"Ежеквартально", K::recurring, std::nullopt, std::nullopt},
        {"ежемесячно", K::recurring, std::nullopt, std::nullopt},
        {"Ежегодно, май", K::recurring, std::nullopt, std::nullopt, kashary},
        {"1 раз в квартал", K::recurring, std::nullopt, std::nullopt},
        {"постоянно", K::continuous, std::nullopt, std::nullopt},
        {"Систематически", K::continuous, std::nullopt, std::nullopt},
        {"в течение учебного года", K::continuous, std::nullopt, std::nullopt},
        {"по графику проведения", K::schedule, std::nullopt, std::nullopt},
        {"Согласно плану работы", K::schedule, std::nullopt, std::nullopt},
    });
}

TEST_CASE("Unreadable wordings are free and never crash", "[deadline]") {
    check_cases({
        {"когда-нибудь", K::free, std::nullopt, std::nullopt},
        {"", K::free, std::nullopt, std::nullopt},
        {"   \n ", K::free, std::nullopt, std::nullopt},
        {"31.02.2022", K::free, std::nullopt, std::nullopt},
        {"32.01.2022", K::free, std::nullopt, std::nullopt},
        {"01.13.2022", K::free, std::nullopt, std::nullopt},
        // Ambiguous: "before" or "through"? The record gives the dates.
        {"до мая 2022", K::free, std::nullopt, std::nullopt},
        {"до 2025 года", K::free, std::nullopt, std::nullopt},
        {"Май 2022 г. (по мере готовности)", K::free, std::nullopt, std::nullopt},
        {"Январь, ", K::free, std::nullopt, std::nullopt},
        {"123456789012345678901234567890", K::free, std::nullopt, std::nullopt},
        {"\xFF\xFE\x80 май", K::free, std::nullopt, std::nullopt},
        {"\xD0", K::free, std::nullopt, std::nullopt},
    });

    SECTION("random bytes") {
        std::mt19937 random(20240901);
        std::uniform_int_distribution<int> byte(0, 255);
        std::uniform_int_distribution<int> length(0, 64);
        for (int round = 0; round < 2000; ++round) {
            std::string bytes(static_cast<std::size_t>(length(random)), '\0');
            for (auto& b : bytes) b = static_cast<char>(byte(random));
            const auto deadline = read_deadline(bytes, kashary);
            REQUIRE(deadline.written == bytes);
            if (!deadline.readable()) {
                REQUIRE(!deadline.from);
                REQUIRE(!deadline.to);
            }
        }
    }

    SECTION("a very long wording") {
        std::string long_wording(100000, 'x');
        const auto deadline = read_deadline(long_wording);
        CHECK(deadline.kind == K::free);
        CHECK(deadline.written.size() == long_wording.size());
    }
}

TEST_CASE("The written deadline is kept byte for byte", "[deadline]") {
    const std::string written = "  Август-сентябрь\r\n2022\u00A0г.  ";
    const auto deadline = read_deadline(written);
    CHECK(deadline.written == written);
    CHECK(deadline.kind == K::month_range);
    CHECK(show(deadline.from) == "2022-08-01");
    CHECK(show(deadline.to) == "2022-09-30");

    const std::string invalid = "\xC3\x28 май";
    CHECK(read_deadline(invalid).written == invalid);
}

TEST_CASE("Deadline kinds have record names", "[deadline]") {
    const std::vector<std::pair<K, std::string_view>> names{
        {K::date, "date"},          {K::before_date, "before-date"}, {K::month, "month"},
        {K::month_range, "month-range"}, {K::quarter, "quarter"},     {K::year, "year"},
        {K::period, "period"},      {K::dates, "dates"},             {K::recurring, "recurring"},
        {K::continuous, "continuous"}, {K::schedule, "schedule"},    {K::free, "free"},
    };
    for (const auto& [kind, name] : names) {
        CHECK(prikaz::to_string(kind) == name);
        const auto back = prikaz::deadline_kind_from_string(name);
        REQUIRE(back.has_value());
        CHECK(*back == kind);
    }
    CHECK_FALSE(prikaz::deadline_kind_from_string("month_range").has_value());
    CHECK_FALSE(prikaz::deadline_kind_from_string("").has_value());
    CHECK_FALSE(prikaz::deadline_kind_from_string("Date").has_value());
}

TEST_CASE("Readable means not free", "[deadline]") {
    CHECK(read_deadline("Май 2022 г.").readable());
    CHECK_FALSE(read_deadline("когда-нибудь").readable());
}
