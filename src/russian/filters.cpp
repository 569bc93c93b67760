// Registration of the Russian filters: one row per filter. The wording
// itself lives in the files of its concern (dates, numbers, text…); here are
// only the checks of what a template gives a filter, with the messages a
// template author reads.
#include "russian/filters.hpp"

#include "russian/dates.hpp"
#include "russian/name_filters.hpp"
#include "russian/numbers.hpp"
#include "russian/text.hpp"
#include "../text.hpp"  // src/text.hpp, not russian/text.hpp next to this file
#include "russian/filter_messages.hpp"
#include "xml.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace prikaz::russian {

namespace {

using expr::EvalError;
using expr::FilterContext;
using expr::Value;


// The input as text; a path that found nothing is reported as such.
std::string input_text(const FilterContext& c) { return text::trim(c.input.to_text()); }

// ---------------------------------------------------------------- dates

constexpr std::string_view date_form = "нужна дата в виде ГГГГ-ММ-ДД, например 2021-11-15";

Date date_from(const FilterContext& c, const std::string& s) {
    if (auto d = parse_iso_date(s)) return *d;
    throw EvalError(head(c) + quoted(s) + " — не дата; " + std::string(date_form));
}

// "2021-11-15" or "2021-11" (xs:gYearMonth): the first day of that month for the latter.
Date month_from(const FilterContext& c, const std::string& s) {
    if (s.size() == 7) {
        if (auto d = parse_iso_date(s + "-01")) return *d;
    } else if (auto d = parse_iso_date(s)) {
        return *d;
    }
    throw EvalError(head(c) + quoted(s) + " — не дата; нужна дата или месяц в виде ГГГГ-ММ-ДД или ГГГГ-ММ, например 2021-11");
}

// "2021-2024", "2021–2024", "2021/2024" → the two years.
std::optional<std::pair<int, int>> year_pair(std::string_view s) {
    auto four = [](std::string_view t) -> std::optional<int> {
        if (t.size() != 4 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return std::nullopt;
        return std::stoi(std::string(t));
    };
    if (s.size() < 9) return std::nullopt;
    const std::string_view first = s.substr(0, 4), rest = s.substr(4);
    for (const std::string_view dash : {std::string_view("-"), std::string_view("\u2013"), std::string_view("/")})
        if (rest.substr(0, dash.size()) == dash) {
            const auto a = four(first), b = four(rest.substr(dash.size()));
            if (a && b) return std::pair{*a, *b};
        }
    return std::nullopt;
}

Value date_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    return s.empty() ? s : date_digits(date_from(c, s));
}

Value date_words_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    return s.empty() ? s : date_words(date_from(c, s));
}

Value month_year_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return s;
    const Date d = month_from(c, s);
    return month_year(d.year, d.month);
}

// The end of a range: the argument, not before the start.
Date range_end(const FilterContext& c, const Date& from, bool months) {
    const std::string s = text::trim(c.arg(0).to_text());
    const Date to = months ? month_from(c, s) : date_from(c, s);
    if (months ? (to.year * 12 + to.month < from.year * 12 + from.month) : to < from)
        throw EvalError(head(c) + "конец " + quoted(s) + " раньше начала");
    return to;
}

Value date_range_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return s;
    const Date from = date_from(c, s);
    return date_range(from, range_end(c, from, false));
}

Value month_range_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return s;
    const Date from = month_from(c, s);
    const Date to = range_end(c, from, true);
    return month_range(from.year, from.month, to.year, to.month);
}

Value school_year_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return s;
    if (auto pair = year_pair(s); pair && pair->second == pair->first + 1) return school_year(pair->first);
    if (auto d = parse_iso_date(s)) return school_year(d->month >= 9 ? d->year : d->year - 1);
    throw EvalError(head(c) + quoted(s) + " — не учебный год; нужны два года подряд через дефис, например 2024-2025, "
                                          "или дата из этого года");
}

Value years_filter(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return s;
    std::optional<std::pair<int, int>> pair;
    if (c.arg_count == 1) {
        const auto a = c.input.to_number(), b = c.arg(0).to_number();
        if (a && b && *a == std::floor(*a) && *b == std::floor(*b) && *a >= 1000 && *b <= 9999)
            pair = std::pair{static_cast<int>(*a), static_cast<int>(*b)};
    } else {
        pair = year_pair(s);
    }
    if (!pair || pair->second < pair->first)
        throw EvalError(head(c) + quoted(s) + " — не годы; нужны два года через дефис, например 2021-2024, "
                                              "или год и второй год аргументом: {{ 2021 | years(2024) }}");
    return years(pair->first, pair->second);
}

// ---------------------------------------------------------------- deadlines

std::optional<Date> iso_attribute(Node n, const char* name) {
    return n.has_attr(name) ? parse_iso_date(text::trim(n.attr(name))) : std::nullopt;
}

// The period of the record a deadline belongs to, for wordings without a year:
// <period school-year="2024-2025"/> or from/to, else the school year of the approval.
DeadlineContext context_of(xmlNode* node) {
    DeadlineContext context;
    Node root(node && node->doc ? xmlDocGetRootElement(node->doc) : nullptr);
    Node period = root.child("period");
    if (period.has_attr("school-year"))
        if (auto pair = year_pair(text::trim(period.attr("school-year")))) {
            context.period_from = Date{pair->first, 9, 1};
            context.period_to = Date{pair->first + 1, 8, 31};
        }
    if (auto from = iso_attribute(period, "from")) context.period_from = from;
    if (auto to = iso_attribute(period, "to")) context.period_to = to;
    if (!context.period_from && !context.period_to)
        if (auto approved = parse_iso_date(text::trim(root.child("approval").child("date").text()))) {
            const int y = approved->month >= 9 ? approved->year : approved->year - 1;
            context.period_from = Date{y, 9, 1};
            context.period_to = Date{y + 1, 8, 31};
        }
    return context;
}

// A <deadline> element as the record gives it: the wording read, then kind/from/to
// of the element over what was read (as the checks read it).
Deadline deadline_of(Node n) {
    Deadline d = read_deadline(n.text(), context_of(n.raw()));
    if (n.has_attr("kind"))
        if (auto kind = deadline_kind_from_string(text::trim(n.attr("kind")))) d.kind = *kind;
    if (auto from = iso_attribute(n, "from")) d.from = from;
    if (auto to = iso_attribute(n, "to")) d.to = to;
    if (d.kind == DeadlineKind::free && (d.from || d.to)) d.kind = DeadlineKind::period;
    return d;
}

// The deadline on the input: a <deadline> element, or a wording as text.
Deadline deadline_of(const FilterContext& c) {
    const Value::Nodes* nodes = c.input.as_nodes();
    if (!nodes || nodes->empty() || !nodes->front() || nodes->front()->type != XML_ELEMENT_NODE)
        return read_deadline(c.input.to_text());
    return deadline_of(Node(nodes->front()));
}

Value deadline_filter(const FilterContext& c) {
    const std::string style = c.arg_text(0, "written");
    // A record's wording is reproduced as written: a document must match its source.
    if (style == "written") return c.input.to_text();
    if (style == "normalize") return c.input.to_text().empty() ? std::string() : deadline_wording(deadline_of(c));
    throw EvalError(head(c) + "неизвестный вид " + quoted(style) +
                    "; есть \"written\" (как в записи, по умолчанию) и \"normalize\" (единообразно: «Август – сентябрь 2022 г.»)");
}

// The items whose deadline ended before the date and that are not marked done, cancelled or
// moved: {{ count(roadmap.section.item | overdue(monitoring.date)) }}. A deadline without an end
// («В течение года» with no period, «По отдельному графику») is never overdue.
Value overdue_filter(const FilterContext& c) {
    if (c.input.is_undefined()) (void)c.input.to_text();  // reports the path as written
    const Value::Nodes* nodes = c.input.as_nodes();
    if (!nodes)
        throw EvalError(head(c) + "отбирает пункты записи, а получил " + quoted(c.input.to_text()) +
                        "; пишите, например, {{ count(roadmap.section.item | overdue(monitoring.date)) }}");
    const Date on = date_from(c, text::trim(c.arg(0).to_text()));
    Value::Nodes kept;
    for (xmlNode* node : *nodes) {
        if (!node || node->type != XML_ELEMENT_NODE) continue;
        const Node item(node);
        const std::string state = text::trim(item.child("status").attr("state"));
        if (state == "done" || state == "cancelled" || state == "moved") continue;
        const Node written = item.child("deadline");
        if (!written) continue;
        if (const Deadline d = deadline_of(written); d.to && *d.to < on) kept.push_back(node);
    }
    return kept;
}

// ---------------------------------------------------------------- numbers

// The input as a number; "" (an optional value that is not there) gives nullopt.
std::optional<double> number_of(const FilterContext& c) {
    const std::string s = input_text(c);
    if (s.empty()) return std::nullopt;
    if (auto n = c.input.to_number()) return n;
    throw EvalError(head(c) + quoted(s) + " — не число; нужно число, например 5 или 72,5");
}

NumberGender gender_arg(const FilterContext& c, std::size_t i) {
    const std::string name = c.arg_text(i, "m");
    if (auto g = number_gender(name)) return *g;
    throw EvalError(head(c) + "неизвестный род " + quoted(name) + "; пишите \"m\", \"f\", \"n\" или \"pl\"");
}

NumberCase case_arg(const FilterContext& c, std::size_t i) {
    const std::string name = c.arg_text(i, "nom");
    if (auto k = number_case(name)) return *k;
    throw EvalError(head(c) + "неизвестный падеж " + quoted(name) +
                    "; пишите \"nom\", \"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
}

Value plural_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    return format_number(*n) + " " + std::string(plural_form(*n, c.arg_text(0), c.arg_text(1), c.arg_text(2)));
}

Value plural_word_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    return std::string(plural_form(*n, c.arg_text(0), c.arg_text(1), c.arg_text(2)));
}

Value spellout_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    return spellout(*n, gender_arg(c, 0), case_arg(c, 1));
}

Value ordinal_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    if (*n != std::floor(*n) || std::fabs(*n) > 1e15)
        throw EvalError(head(c) + quoted(input_text(c)) + " — не целое число; порядковым бывает только целое: 3-й");
    return ordinal(static_cast<std::int64_t>(*n), gender_arg(c, 0), case_arg(c, 1));
}

Value number_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    std::optional<int> decimals;
    if (c.arg_count == 1) {
        const Value v = c.arg(0);
        const auto d = v.to_number();
        if (!d || *d != std::floor(*d) || *d < 0 || *d > 6)
            throw EvalError(head(c) + "число знаков после запятой — целое от 0 до 6, а не " + quoted(v.to_text()));
        decimals = static_cast<int>(*d);
    }
    return format_number(*n, decimals);
}

Value percent_filter(const FilterContext& c) {
    const auto n = number_of(c);
    if (!n) return std::string();
    const std::string style = c.arg_text(0, "spaced");
    if (style != "spaced" && style != "tight")
        throw EvalError(head(c) + "неизвестный вид " + quoted(style) +
                        "; есть \"spaced\" (70 %, по умолчанию) и \"tight\" (70%)");
    return format_percent(*n, style == "tight");
}

// ---------------------------------------------------------------- text

Value capitalize_filter(const FilterContext& c) { return capitalize(c.input.to_text()); }
Value lower_first_filter(const FilterContext& c) { return lower_first(c.input.to_text()); }

// Surname, name, patronymic of a person element; the element's text when it has none of them.
std::array<std::string, 3> name_key(xmlNode* node) {
    Node n(node);
    std::array<std::string, 3> key{text::trim(n.child("surname").text()), text::trim(n.child("name").text()),
                                   text::trim(n.child("patronymic").text())};
    if (key[0].empty() && key[1].empty() && key[2].empty()) key[0] = text::one_line(n.text());
    return key;
}

Value sort_names_filter(const FilterContext& c) {
    if (c.input.is_undefined()) (void)c.input.to_text();  // reports the path
    const Value::Nodes* nodes = c.input.as_nodes();
    if (!nodes) {
        if (const auto* s = c.input.as_string(); s && s->empty()) return std::string();  // an optional path: nothing
        throw EvalError(head(c) + "упорядочивает людей из записи, а " + quoted(c.input.to_text()) +
                        " — не путь к ним; пишите, например, {{ registry.mentors.mentor | sort_names }}");
    }
    const Collator collator(Collator::Strength::tertiary);
    std::vector<std::pair<std::array<std::string, 3>, xmlNode*>> keyed;
    keyed.reserve(nodes->size());
    for (xmlNode* n : *nodes) keyed.emplace_back(name_key(n), n);
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
        for (std::size_t i = 0; i < 3; ++i)
            if (const int r = collator.compare(x.first[i], y.first[i]); r != 0) return r < 0;
        return false;
    });
    Value::Nodes sorted;
    sorted.reserve(keyed.size());
    for (const auto& k : keyed) sorted.push_back(k.second);
    return sorted;
}

// ---------------------------------------------------------------- the table

// One row per filter: name, fewest and most arguments, function. The size is
// deduced, so a filter is added by adding its row.
constexpr expr::FilterSpec table[] = {
    {"date", 0, 0, date_filter},
    {"date_words", 0, 0, date_words_filter},
    {"month_year", 0, 0, month_year_filter},
    {"date_range", 1, 1, date_range_filter},
    {"month_range", 1, 1, month_range_filter},
    {"school_year", 0, 0, school_year_filter},
    {"years", 0, 1, years_filter},
    {"deadline", 0, 1, deadline_filter},
    {"overdue", 1, 1, overdue_filter},
    {"plural", 3, 3, plural_filter},
    {"plural_word", 3, 3, plural_word_filter},
    {"spellout", 0, 2, spellout_filter},
    {"ordinal", 0, 2, ordinal_filter},
    {"number", 0, 1, number_filter},
    {"percent", 0, 1, percent_filter},
    {"capitalize", 0, 0, capitalize_filter},
    {"lower_first", 0, 0, lower_first_filter},
    {"sort_names", 0, 0, sort_names_filter},
    {"initials_surname", 0, 1, initials_surname_filter},
    {"surname_initials", 0, 1, surname_initials_filter},
    {"full_name", 0, 1, full_name_filter},
    {"people", 0, 0, people_filter},
    {"position", 0, 1, position_filter},
    {"approved", 0, 0, approved_filter},
    {"typograph", 0, 0, typograph_filter},
};

}  // namespace

std::span<const expr::FilterSpec> filters() { return table; }

}  // namespace prikaz::russian
