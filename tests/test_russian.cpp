// The Russian language layer: dates, deadlines, plurals, numbers in words,
// ordinals, digits, case and collation, directly and through template filters.
// Every expected string is exact; invisible spaces are written as escapes
// (\u00A0 no-break space, \u2013 en dash). Nothing may contain U+202F.
#include "expr_support.hpp"
#include "russian/dates.hpp"
#include "russian/numbers.hpp"
#include "russian/text.hpp"
#include "template/expr.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

using namespace prikaz;
using namespace prikaz::russian;
using prikaz::expr::EvalError;
using prikaz::expr::Scope;
using prikaz::expr::Value;

namespace {

constexpr std::string_view narrow_nbsp = "\u202F";

bool has_narrow_nbsp(std::string_view s) { return s.find(narrow_nbsp) != std::string_view::npos; }

// Runs a piece of the layer, failing with ICU's own complaint when its data is missing.
template <class F>
std::string with_icu(F f) {
    try {
        return f();
    } catch (const DataError& e) {
        FAIL("данных ICU для русского языка не хватает: " << e.what());
    }
    return {};
}

using Doc = prikaz::XmlDocPtr;
using test::eval;
using test::eval_error;
using test::read_xml;

// ICU data checked first: a missing locale fails here, loudly.
std::string render(const std::string& text, const Scope& scope) {
    return with_icu([&] { return test::render(text, scope); });
}

std::string parse_error(const std::string& text) {
    auto parsed = expr::parse(text);
    if (auto* error = std::get_if<expr::ParseError>(&parsed)) return error->message;
    return "(parsed)";
}

}  // namespace

TEST_CASE("ICU has the Russian data the layer needs") {
    // Without it every other case here fails too; this one says why in one line.
    CHECK(with_icu([] { return month_name(11, false); }) == "ноябрь");
    CHECK(with_icu([] { return spellout(1, NumberGender::feminine, NumberCase::nom); }) == "одна");
    CHECK(with_icu([] { return ordinal(3, NumberGender::masculine, NumberCase::nom); }) == "3-й");
    CHECK(with_icu([] { return format_number(12345); }) == "12\u00A0345");
    CHECK(with_icu([] { return std::string(plural_form(2, "a", "b", "c")); }) == "b");
    CHECK(with_icu([] { return std::to_string(Collator().compare("а", "б")); }) == "-1");
}

TEST_CASE("dates: digits, words, stand-alone months, ranges, school years") {
    struct Row {
        std::string got, expected;
    };
    // A DataError thrown here fails the case with ICU's complaint (see the first case).
    const std::vector<Row> rows{
                                            {date_digits({2021, 11, 15}), "15.11.2021"},
                                            {date_digits({2022, 1, 5}), "05.01.2022"},
                                            {date_words({2021, 11, 15}), "15 ноября 2021\u00A0г."},
                                            {date_words({2022, 3, 1}), "1 марта 2022\u00A0г."},
                                            {date_words({2024, 5, 9}), "9 мая 2024\u00A0г."},
                                            {month_year(2021, 11), "Ноябрь 2021\u00A0г."},
                                            {month_year(2022, 5), "Май 2022\u00A0г."},
                                            {month_year(2023, 8), "Август 2023\u00A0г."},
                                            {month_name(3, false), "март"},
                                            {month_name(3, true), "Март"},
                                            {date_range({2022, 8, 1}, {2022, 9, 30}), "1 августа \u2013 30 сентября 2022\u00A0г."},
                                            {date_range({2022, 8, 1}, {2022, 8, 15}), "1\u201315 августа 2022\u00A0г."},
                                            {date_range({2021, 12, 1}, {2022, 1, 31}), "1 декабря 2021\u00A0г. \u2013 31 января 2022\u00A0г."},
                                            {date_range({2022, 8, 1}, {2022, 8, 1}), "1 августа 2022\u00A0г."},
                                            {month_range(2022, 8, 2022, 9), "Август \u2013 сентябрь 2022\u00A0г."},
                                            {month_range(2021, 11, 2022, 1), "Ноябрь 2021\u00A0г. \u2013 январь 2022\u00A0г."},
                                            {month_range(2022, 5, 2022, 5), "Май 2022\u00A0г."},
                                            {school_year(2024), "2024\u20132025 учебный год"},
                                            {years(2021, 2024), "2021\u20132024\u00A0гг."},
                                            {years(2022, 2022), "2022\u00A0г."},
                                            {quarter(1, 2022), "I квартал 2022\u00A0г."},
                                            {quarter(4, 2023), "IV квартал 2023\u00A0г."},
    };
    for (const Row& row : rows) {
        CHECK(row.got == row.expected);
        CHECK_FALSE(has_narrow_nbsp(row.got));
    }
    // Every month: nominative stand-alone for headings, genitive after a day.
    const std::vector<std::string> nominative{"Январь", "Февраль", "Март",     "Апрель",  "Май",    "Июнь",
                                              "Июль",   "Август",  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
    const std::vector<std::string> genitive{"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                            "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
    for (int m = 1; m <= 12; ++m) {
        const auto i = static_cast<std::size_t>(m - 1);
        CHECK(with_icu([&] { return month_year(2022, m); }) == nominative[i] + " 2022\u00A0г.");
        CHECK(with_icu([&] { return date_words({2022, m, 10}); }) == "10 " + genitive[i] + " 2022\u00A0г.");
    }
    CHECK(parse_iso_date("2021-11-15") == Date{2021, 11, 15});
    CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    for (const char* bad : {"2023-02-29", "2021-13-01", "2021-11-5", "15.11.2021", "2021-11-15Z", "", "abcd-ef-gh"})
        CHECK_FALSE(parse_iso_date(bad));
}

TEST_CASE("deadlines: normalised wording for every kind, months never genitive") {
    const DeadlineContext none{};
    const DeadlineContext school{Date{2024, 9, 1}, Date{2025, 8, 31}};
    struct Row {
        std::string_view written;
        const DeadlineContext& context;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"Май 2022 г.", none, "Май 2022\u00A0г."},
        {"Сентябрь 2024", none, "Сентябрь 2024\u00A0г."},
        {"Май 2025года", none, "Май 2025\u00A0г."},
        {"в мае 2022 года", none, "Май 2022\u00A0г."},
        {"Август-сентябрь 2022 г.", none, "Август \u2013 сентябрь 2022\u00A0г."},
        {"Сентябрь - октябрь 2022 г.", none, "Сентябрь \u2013 октябрь 2022\u00A0г."},
        {"Август -сентябрь", school, "Август \u2013 сентябрь 2024\u00A0г."},
        {"Ноябрь 2021-январь 2022", none, "Ноябрь 2021\u00A0г. \u2013 январь 2022\u00A0г."},
        {"До 30.09. 2022 г", none, "До 30.09.2022"},
        {"до 01.12.2021г", none, "До 01.12.2021"},
        {"до конца 2021 года", none, "До конца 2021\u00A0г."},
        {"I квартал 2022 г.", none, "I квартал 2022\u00A0г."},
        {"2 кв. 2023", none, "II квартал 2023\u00A0г."},
        {"2022 г.", none, "2022\u00A0г."},
        {"2021-2024 гг.", none, "2021\u20132024\u00A0гг."},
        {"2021-2022 учебный год", none, "2021\u20132022 учебный год"},
        {"2024/2025 уч.г.", none, "2024\u20132025 учебный год"},
        {"Сентябрь 2021 г. – май 2022 г.", none, "Сентябрь 2021\u00A0г. \u2013 май 2022\u00A0г."},
        {"I полугодие 2022 года", none, "I полугодие 2022\u00A0г."},
        {"с 05.09.2022 по 20.05.2023", none, "05.09.2022 \u2013 20.05.2023"},
        {"20.05.2025", none, "20.05.2025"},
        {"20 мая 2025 г.", none, "20.05.2025"},
        // Kinds without dates keep their words, on one line, with a capital.
        {"Декабрь 2021, май 2022", none, "Декабрь 2021, май 2022"},
        {"ежегодно", none, "Ежегодно"},
        {"в течение  года", none, "В течение года"},
        {"по отдельному графику", none, "По отдельному графику"},
        {"по мере\nнеобходимости", none, "По мере необходимости"},
        {"Сентябрь-октябрь", none, "Сентябрь-октябрь"},  // no year known: as written
    };
    for (const Row& row : rows) {
        INFO(row.written);
        const std::string got = with_icu([&] { return deadline_wording(read_deadline(row.written, row.context)); });
        CHECK(got == row.expected);
        CHECK_FALSE(has_narrow_nbsp(got));
        // A month in a deadline is a heading word: never «Мая», «августа».
        for (const char* genitive : {"Мая", "Августа", "августа", "сентября", "Ноября", "января"})
            CHECK(got.find(genitive) == std::string::npos);
    }

    // Structured deadlines: the record's kind and dates win over the words.
    Deadline d;
    d.written = "весной";
    d.kind = DeadlineKind::month_range;
    d.from = Date{2022, 3, 1};
    d.to = Date{2022, 5, 31};
    CHECK(with_icu([&] { return deadline_wording(d); }) == "Март \u2013 май 2022\u00A0г.");
    d.kind = DeadlineKind::quarter;
    d.from = Date{2022, 7, 1};
    d.to = Date{2022, 9, 30};
    CHECK(with_icu([&] { return deadline_wording(d); }) == "III квартал 2022\u00A0г.");
    d.kind = DeadlineKind::period;
    d.from = Date{2021, 1, 1};
    d.to = Date{2024, 12, 31};
    CHECK(with_icu([&] { return deadline_wording(d); }) == "2021\u20132024\u00A0гг.");
    d.kind = DeadlineKind::before_date;
    d.from = std::nullopt;
    d.to = Date{2022, 9, 30};
    CHECK(with_icu([&] { return deadline_wording(d); }) == "До 30.09.2022");
    d.kind = DeadlineKind::month;
    d.to = std::nullopt;
    CHECK(with_icu([&] { return deadline_wording(d); }) == "Весной");  // no dates: the words
}

TEST_CASE("plural forms by ICU rules: 21 takes the singular, fractions the few form") {
    struct Row {
        double n;
        std::string expected;
    };
    const std::vector<Row> rows{
        {1, "наставник"},    {2, "наставника"},  {4, "наставника"},   {5, "наставников"}, {11, "наставников"},
        {12, "наставников"}, {14, "наставников"}, {21, "наставник"},   {22, "наставника"}, {25, "наставников"},
        {0, "наставников"},  {101, "наставник"}, {111, "наставников"}, {1.5, "наставника"}, {0.5, "наставника"},
    };
    for (const Row& row : rows) {
        INFO(row.n);
        CHECK(with_icu([&] { return std::string(plural_form(row.n, "наставник", "наставника", "наставников")); }) ==
              row.expected);
    }
}

TEST_CASE("numbers in words, in gender and case; digit ordinals") {
    using G = NumberGender;
    using C = NumberCase;
    struct Row {
        double n;
        G gender;
        C grammatical_case;
        std::string expected;
    };
    const std::vector<Row> words{
        {21, G::feminine, C::nom, "двадцать одна"},
        {21, G::masculine, C::nom, "двадцать один"},
        {21, G::neuter, C::nom, "двадцать одно"},
        {21, G::masculine, C::gen, "двадцати одного"},
        {2, G::feminine, C::nom, "две"},
        {1, G::feminine, C::acc, "одну"},
        {3, G::masculine, C::ins, "тремя"},
        {1, G::masculine, C::pre, "одном"},
        {5, G::plural, C::dat, "пяти"},
        {2022, G::masculine, C::nom, "две тысячи двадцать два"},
    };
    for (const Row& row : words) {
        INFO(row.n << " " << row.expected);
        CHECK(with_icu([&] { return spellout(row.n, row.gender, row.grammatical_case); }) == row.expected);
    }
    const std::vector<Row> ordinals{
        {3, G::masculine, C::nom, "3-й"},  {3, G::feminine, C::nom, "3-я"},   {3, G::neuter, C::nom, "3-е"},
        {3, G::masculine, C::gen, "3-го"}, {21, G::masculine, C::nom, "21-й"}, {2, G::feminine, C::dat, "2-й"},
    };
    for (const Row& row : ordinals) {
        INFO(row.n << " " << row.expected);
        CHECK(with_icu([&] { return ordinal(static_cast<std::int64_t>(row.n), row.gender, row.grammatical_case); }) ==
              row.expected);
    }
    CHECK(number_gender("pl") == NumberGender::plural);
    CHECK(number_case("ins") == NumberCase::ins);
    CHECK_FALSE(number_gender("ж"));
    CHECK_FALSE(number_case("genitive"));
}

TEST_CASE("digits: no-break grouping from five digits, decimal comma, percent") {
    struct Row {
        std::string got, expected;
    };
    const std::vector<Row> rows{
        {with_icu([] { return format_number(1000); }), "1000"},
        {with_icu([] { return format_number(9999); }), "9999"},
        {with_icu([] { return format_number(12345); }), "12\u00A0345"},
        {with_icu([] { return format_number(1234567.5); }), "1\u00A0234\u00A0567,5"},
        {with_icu([] { return format_number(72.5); }), "72,5"},
        {with_icu([] { return format_number(72.456); }), "72,46"},
        {with_icu([] { return format_number(70, 2); }), "70,00"},
        {with_icu([] { return format_number(-3); }), "-3"},
        {with_icu([] { return format_number(-0.001); }), "0"},
        {with_icu([] { return format_percent(70); }), "70\u00A0%"},
        {with_icu([] { return format_percent(70.5); }), "70,5\u00A0%"},
        {with_icu([] { return format_percent(70, true); }), "70%"},
    };
    for (const Row& row : rows) {
        CHECK(row.got == row.expected);
        CHECK_FALSE(has_narrow_nbsp(row.got));
    }
}

TEST_CASE("case mapping and Russian alphabetical order") {
    CHECK(upper("приказываю") == "ПРИКАЗЫВАЮ");
    CHECK(upper("ёлкин") == "ЁЛКИН");
    CHECK(lower("ПРИКАЗЫВАЮ Ivan") == "приказываю ivan");
    CHECK(capitalize("дорожная карта МБОУ") == "Дорожная карта МБОУ");
    CHECK(capitalize("«дорожная»") == "«Дорожная»");
    CHECK(capitalize("ёлкин") == "Ёлкин");
    CHECK(capitalize("1 этап") == "1 Этап");  // the first letter, whatever is before it
    CHECK(capitalize("") == "");

    const std::vector<std::string> sorted{"Абрамов", "Евдокимов", "Ежов",   "Елкин",  "Ёлкин",  "Ершов",
                                          "Жуков",   "Иванов",    "Ильин",  "Йодлов", "Шилов",  "Щукин",
                                          "Эйхман",  "Яковлев",   "Smith"};
    std::vector<std::string> shuffled = sorted;
    std::mt19937 random(4);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const Collator collator;
    std::sort(shuffled.begin(), shuffled.end(),
              [&](const std::string& x, const std::string& y) { return collator.compare(x, y) < 0; });
    CHECK(shuffled == sorted);
    CHECK(Collator(Collator::Strength::primary).compare("Ёлкин", "Елкин") == 0);
    CHECK(Collator(Collator::Strength::primary).compare("Йодлов", "Иодлов") != 0);
    CHECK(Collator(Collator::Strength::secondary).compare("Ёлкин", "Елкин") > 0);
}

namespace {

const std::string record_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<roadmap xmlns="urn:prikaz:records">
  <period school-year="2024-2025"/>
  <approved>2021-11-15</approved>
  <school-year>2024-2025</school-year>
  <mentors>12345</mentors>
  <share>70,5</share>
  <rate>1.5</rate>
  <item><deadline>Август -сентябрь</deadline></item>
  <item><deadline kind="quarter" from="2022-01-01" to="2022-03-31">первые три месяца</deadline></item>
  <item><deadline>  ежегодно </deadline></item>
  <people>
    <person><surname>Щукин</surname><name>Иван</name></person>
    <person><surname>Ёлкин</surname><name>Пётр</name><patronymic>Ильич</patronymic></person>
    <person><surname>Елкин</surname><name>Пётр</name></person>
    <person><surname>Ёлкин</surname><name>Анна</name></person>
    <person><surname>Smith</surname><name>John</name></person>
    <person><surname>Абрамов</surname><name>Олег</name></person>
  </people>
</roadmap>
)";

struct Fixture {
    Doc doc = read_xml(record_xml);
    Scope scope;
    Fixture() { scope.set("r", Value::Nodes{xmlDocGetRootElement(doc.get())}); }
};

}  // namespace

TEST_CASE("filters in templates: dates and deadlines") {
    Fixture f;
    CHECK(render("r.approved | date", f.scope) == "15.11.2021");
    CHECK(render("r.approved | date_words", f.scope) == "15 ноября 2021\u00A0г.");
    CHECK(render("r.approved | month_year", f.scope) == "Ноябрь 2021\u00A0г.");
    CHECK(render("'2022-05' | month_year", f.scope) == "Май 2022\u00A0г.");
    CHECK(render("'2022-08-01' | date_range('2022-09-30')", f.scope) == "1 августа \u2013 30 сентября 2022\u00A0г.");
    CHECK(render("'2022-08-01' | month_range('2022-09-30')", f.scope) == "Август \u2013 сентябрь 2022\u00A0г.");
    CHECK(render("'2021-11' | month_range('2022-01')", f.scope) == "Ноябрь 2021\u00A0г. \u2013 январь 2022\u00A0г.");
    CHECK(render("r.school-year | school_year", f.scope) == "2024\u20132025 учебный год");
    CHECK(render("r.period.school-year | school_year", f.scope) == "2024\u20132025 учебный год");
    CHECK(render("r.approved | school_year", f.scope) == "2021\u20132022 учебный год");
    CHECK(render("'2021-2024' | years", f.scope) == "2021\u20132024\u00A0гг.");
    CHECK(render("2021 | years(2024)", f.scope) == "2021\u20132024\u00A0гг.");
    CHECK(render("r.nothing? | date_words", f.scope) == "");

    // As written by default; normalised on request, dated by the record's period.
    CHECK(render("r.item.deadline | deadline", f.scope) == "Август -сентябрь");
    Scope s(&f.scope);
    const auto items = eval("r.item.deadline", f.scope).items();
    REQUIRE(items.size() == 3);
    s.set("d", items[0]);
    CHECK(render("d | deadline(\"normalize\")", s) == "Август \u2013 сентябрь 2024\u00A0г.");
    s.set("d", items[1]);
    CHECK(render("d | deadline", s) == "первые три месяца");
    CHECK(render("d | deadline('normalize')", s) == "I квартал 2022\u00A0г.");
    s.set("d", items[2]);
    CHECK(render("d | deadline", s) == "  ежегодно ");
    CHECK(render("d | deadline('normalize')", s) == "Ежегодно");

    CHECK(eval_error("'15.11.2021' | date_words", f.scope) ==
          "фильтр «date_words»: «15.11.2021» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2021-11-15");
    CHECK(eval_error("'2021-02-30' | date", f.scope) ==
          "фильтр «date»: «2021-02-30» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2021-11-15");
    CHECK(eval_error("'2022-09-01' | date_range('2022-08-01')", f.scope) ==
          "фильтр «date_range»: конец «2022-08-01» раньше начала");
    CHECK(eval_error("'2024-2026' | school_year", f.scope) ==
          "фильтр «school_year»: «2024-2026» — не учебный год; нужны два года подряд через дефис, например 2024-2025, "
          "или дата из этого года");
    CHECK(eval_error("r.item.deadline | deadline('short')", f.scope) ==
          "фильтр «deadline»: неизвестный вид «short»; есть \"written\" (как в записи, по умолчанию) и \"normalize\" "
          "(единообразно: «Август – сентябрь 2022 г.»)");
    CHECK(eval_error("r.nothing | date", f.scope).rfind("путь «r.nothing» ничего не нашёл в записи", 0) == 0);
}

TEST_CASE("filters in templates: numbers") {
    Fixture f;
    CHECK(render("21 | plural('наставник', 'наставника', 'наставников')", f.scope) == "21 наставник");
    CHECK(render("22 | plural('наставник', 'наставника', 'наставников')", f.scope) == "22 наставника");
    CHECK(render("11 | plural('наставник', 'наставника', 'наставников')", f.scope) == "11 наставников");
    CHECK(render("r.mentors | plural('наставник', 'наставника', 'наставников')", f.scope) == "12\u00A0345 наставников");
    CHECK(render("r.rate | plural('ставка', 'ставки', 'ставок')", f.scope) == "1,5 ставки");
    CHECK(render("5 | plural_word('пара', 'пары', 'пар')", f.scope) == "пар");
    CHECK(render("21 | spellout('f')", f.scope) == "двадцать одна");
    CHECK(render("21 | spellout('m', 'gen')", f.scope) == "двадцати одного");
    CHECK(render("21 | spellout", f.scope) == "двадцать один");
    CHECK(render("3 | ordinal", f.scope) == "3-й");
    CHECK(render("3 | ordinal('f')", f.scope) == "3-я");
    CHECK(render("3 | ordinal('n')", f.scope) == "3-е");
    CHECK(render("3 | ordinal('m', 'gen')", f.scope) == "3-го");
    CHECK(render("r.mentors | number", f.scope) == "12\u00A0345");
    CHECK(render("1000 | number", f.scope) == "1000");
    CHECK(render("r.share | number(2)", f.scope) == "70,50");
    CHECK(render("r.share | percent", f.scope) == "70,5\u00A0%");
    CHECK(render("70 | percent('tight')", f.scope) == "70%");

    CHECK(eval_error("'много' | plural('a', 'b', 'c')", f.scope) ==
          "фильтр «plural»: «много» — не число; нужно число, например 5 или 72,5");
    CHECK(eval_error("21 | spellout('ж')", f.scope) == "фильтр «spellout»: неизвестный род «ж»; пишите \"m\", \"f\", \"n\" или \"pl\"");
    CHECK(eval_error("21 | spellout('f', 'genitive')", f.scope) ==
          "фильтр «spellout»: неизвестный падеж «genitive»; пишите \"nom\", \"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
    CHECK(eval_error("2.5 | ordinal", f.scope) ==
          "фильтр «ordinal»: «2,5» — не целое число; порядковым бывает только целое: 3-й");
    CHECK(eval_error("1 | number(9)", f.scope) == "фильтр «number»: число знаков после запятой — целое от 0 до 6, а не «9»");
    CHECK(eval_error("70 | percent('wide')", f.scope) ==
          "фильтр «percent»: неизвестный вид «wide»; есть \"spaced\" (70 %, по умолчанию) и \"tight\" (70%)");

    CHECK(parse_error("x | plural('наставник')") == "фильтр «plural» ждёт три аргумента");
    CHECK(parse_error("x | spellout('f', 'gen', 1)") == "фильтр «spellout» ждёт не больше двух аргументов");
    CHECK(parse_error("x | date_range") == "фильтр «date_range» ждёт один аргумент");
    CHECK(parse_error("x | capitalize(1)") == "фильтр «capitalize» не принимает аргументов");
}

TEST_CASE("filters in templates: case and names in Russian order") {
    Fixture f;
    CHECK(render("'приказываю' | upper", f.scope) == "ПРИКАЗЫВАЮ");
    CHECK(render("'дорожная карта' | capitalize", f.scope) == "Дорожная карта");
    const Value sorted = eval("r.people.person | sort_names", f.scope);
    std::vector<std::string> names;
    for (const Value& person : sorted.items()) {
        Scope s(&f.scope);
        s.set("p", person);
        names.push_back(render("p.surname", s) + " " + render("p.name", s));
    }
    CHECK(names == std::vector<std::string>{"Абрамов Олег", "Елкин Пётр", "Ёлкин Анна", "Ёлкин Пётр", "Щукин Иван",
                                            "Smith John"});
    CHECK(render("r.nothing? | sort_names | join", f.scope) == "");
    CHECK(eval_error("'Иванов' | sort_names", f.scope) ==
          "фильтр «sort_names»: упорядочивает людей из записи, а «Иванов» — не путь к ним; пишите, например, {{ "
          "registry.mentors.mentor | sort_names }}");
}

TEST_CASE("every deadline of the samples is printed as written, and normalises without U+202F") {
    namespace fs = std::filesystem;
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(PRIKAZ_SOURCE_DIR) / "samples")) {
        if (entry.path().extension() != ".xml") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Doc doc = read_xml(xml);
        std::vector<xmlNode*> deadlines;
        std::vector<xmlNode*> stack{xmlDocGetRootElement(doc.get())};
        while (!stack.empty()) {
            xmlNode* n = stack.back();
            stack.pop_back();
            for (xmlNode* c = n->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
            if (as_view(n->name) == "deadline") deadlines.push_back(n);
        }
        for (xmlNode* node : deadlines) {
            Scope s;
            s.set("d", Value::Nodes{node});
            const std::string written = Node(node).text();
            INFO(entry.path().filename().string() << ": " << written);
            CHECK(render("d | deadline", s) == written);
            const std::string normalized = render("d | deadline('normalize')", s);
            CHECK_FALSE(normalized.empty());
            CHECK_FALSE(has_narrow_nbsp(normalized));
            ++count;
        }
    }
    CHECK(count >= 70);
}
