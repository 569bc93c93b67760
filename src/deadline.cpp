// Reader of Russian deadline expressions.
//
// The wording is lower-cased and NFC-normalised (russian::folded), split into tokens
// (numbers, words, dots, commas, dashes), and then read in two steps:
//   1. fixed wordings recognised by their first words: recurring ("ежегодно"),
//      schedule ("по отдельному графику", "в соответствии с …") and continuous
//      ("в течение года", "весь период");
//   2. a small recursive-descent grammar for dated wordings:
//        wording := [prefix] group { ("," | "и") group } {"."}
//        prefix  := "до" ["конца"] | "к" ["концу"] | "не позднее" | "в"
//        group   := item [dash item] | month month | "с" item ("по"|"до") item
//                   (a range of two years may end in "учебный год", "уч.г.")
//        item    := dd.mm[.yy[yy]] | d month-word [year] | month-word [year]
//                 | (I..IV | 1..4) "квартал" [year] | (I | II) "полугодие" [year]
//                 | year
//        year    := yyyy {"г" | "гг" | "года" | …}
//      Items without a year take it from their neighbours, else from the
//      context period (see date_items()).
// Anything left over, or any impossible date, makes the whole wording free.

#include "deadline.hpp"

#include "russian/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <utility>
#include <vector>

namespace prikaz {

int days_in_month(int year, int month) {
    // Returns 0 for a month outside 1..12, so any day check against it fails.
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

namespace {

constexpr std::array<std::pair<DeadlineKind, std::string_view>, 12> kind_names{{
    {DeadlineKind::date, "date"},
    {DeadlineKind::before_date, "before-date"},
    {DeadlineKind::month, "month"},
    {DeadlineKind::month_range, "month-range"},
    {DeadlineKind::quarter, "quarter"},
    {DeadlineKind::year, "year"},
    {DeadlineKind::period, "period"},
    {DeadlineKind::dates, "dates"},
    {DeadlineKind::recurring, "recurring"},
    {DeadlineKind::continuous, "continuous"},
    {DeadlineKind::schedule, "schedule"},
    {DeadlineKind::free, "free"},
}};

// ---------------------------------------------------------------- tokens

enum class Tok { number, word, dot, comma, dash, other };

struct Token {
    Tok type = Tok::other;
    std::string text;  // lower-cased UTF-8, for numbers and words only
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

Tok punctuation(char32_t c) {
    switch (c) {
        case '.': return Tok::dot;
        case ',':
        case ';': return Tok::comma;
        case '-':
        case '/':     // "2024/2025 учебный год"
        case 0x2010:  // hyphen
        case 0x2011:  // non-breaking hyphen
        case 0x2012:  // figure dash
        case 0x2013:  // en dash
        case 0x2014:  // em dash
        case 0x2212:  // minus sign
            return Tok::dash;
        default: return Tok::other;
    }
}

// Deadlines are a few words; anything longer is not one (and stays within int32_t for ICU).
constexpr std::size_t max_wording_bytes = 4096;

std::vector<Token> tokenize(std::string_view written) {
    // Zero-width characters from word processors separate like spaces (russian::is_space).
    const std::u32string text = russian::folded(written);
    std::vector<Token> tokens;
    const std::size_t length = text.size();
    for (std::size_t i = 0; i < length;) {
        const char32_t c = text[i];
        const std::size_t start = i++;
        if (russian::is_space(c)) continue;
        if (is_digit(c) || russian::is_letter(c)) {
            // A run of digits or of letters; "2032г" is a number then a word.
            const auto same = is_digit(c) ? is_digit : russian::is_letter;
            while (i < length && same(text[i])) ++i;
            Token token{is_digit(c) ? Tok::number : Tok::word, {}};
            token.text = russian::to_utf8(std::u32string_view(text).substr(start, i - start));
            tokens.push_back(std::move(token));
        } else {
            tokens.push_back({punctuation(c), {}});
        }
    }
    return tokens;
}

// ---------------------------------------------------------------- words

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Nominative, genitive, prepositional and dative: "май", "мая", "мае", "маю".
constexpr std::array<std::array<std::string_view, 4>, 12> month_forms{{
    {"январь", "января", "январе", "январю"},
    {"февраль", "февраля", "феврале", "февралю"},
    {"март", "марта", "марте", "марту"},
    {"апрель", "апреля", "апреле", "апрелю"},
    {"май", "мая", "мае", "маю"},
    {"июнь", "июня", "июне", "июню"},
    {"июль", "июля", "июле", "июлю"},
    {"август", "августа", "августе", "августу"},
    {"сентябрь", "сентября", "сентябре", "сентябрю"},
    {"октябрь", "октября", "октябре", "октябрю"},
    {"ноябрь", "ноября", "ноябре", "ноябрю"},
    {"декабрь", "декабря", "декабре", "декабрю"},
}};

std::optional<int> month_of(std::string_view word) {
    for (std::size_t m = 0; m < month_forms.size(); ++m)
        if (std::find(month_forms[m].begin(), month_forms[m].end(), word) != month_forms[m].end())
            return static_cast<int>(m) + 1;
    return std::nullopt;
}

bool is_year_word(std::string_view word) {
    return one_of(word, {"г", "гг", "год", "года", "году", "годы", "годов", "годах", "годом"});
}

bool is_school_word(std::string_view word) {
    return one_of(word, {"учебный", "учебного", "учебном", "учебному", "учебные", "учебных", "уч"});
}

std::optional<int> roman_or_digit(const Token& token) {
    // ICU lower-cases Latin "I", "IV" to "i", "iv".
    constexpr std::array<std::string_view, 4> roman{"i", "ii", "iii", "iv"};
    for (std::size_t n = 0; n < roman.size(); ++n)
        if (token.type == Tok::word && token.text == roman[n]) return static_cast<int>(n) + 1;
    if (token.type == Tok::number && token.text.size() == 1 && token.text[0] >= '1' && token.text[0] <= '4')
        return token.text[0] - '0';
    return std::nullopt;
}

// Value of a number token of 1..4 digits (longer ones are never part of a date).
std::optional<int> value_of(const Token& token) {
    if (token.type != Tok::number || token.text.empty() || token.text.size() > 4) return std::nullopt;
    int value = 0;
    for (const char c : token.text) value = value * 10 + (c - '0');
    return value;
}

// ---------------------------------------------------------------- grammar

enum class Unit { day, month, quarter, half, year };

// One dated thing in the wording; year may still be unknown.
struct Item {
    Unit unit = Unit::year;
    std::optional<int> year;
    int first_month = 1;  // the month of a day or a month; the first month of a quarter, half, year
    int last_month = 12;
    int day = 0;          // for Unit::day only
};

// An item alone or a range "A – B".
struct Group {
    Item first;
    std::optional<Item> last;
    bool school_year = false;  // "2021–2022 учебный год": September to August
};

enum class Prefix { none, before, before_end };

struct Wording {
    Prefix prefix = Prefix::none;
    std::vector<Group> groups;
};

class Parser {
public:
    Parser(const std::vector<Token>& tokens, std::size_t pos) : tokens_(tokens), pos_(pos) {}

    std::optional<Wording> wording() {
        Wording result;
        if (word("до") || word("к")) {
            result.prefix = word("конца") || word("концу") ? Prefix::before_end : Prefix::before;
        } else if (word("не")) {
            if (!word("позднее") && !word("позже")) return std::nullopt;
            result.prefix = Prefix::before;
        } else if (word("с")) {
            // "с 01.09.2022 по 31.05.2023": one range.
            auto first = item();
            if (!first || !(word("по") || word("до"))) return std::nullopt;
            auto last = item();
            if (!last) return std::nullopt;
            result.groups.push_back({*first, *last, false});
            return finished() ? std::optional(result) : std::nullopt;
        } else {
            word("в");  // "в мае 2022 г.", "в 2022 году"
        }
        do {
            auto next = group();
            if (!next) return std::nullopt;
            result.groups.push_back(*next);
        } while (take(Tok::comma) || word("и"));
        return finished() ? std::optional(result) : std::nullopt;
    }

private:
    const Token* peek() const { return pos_ < tokens_.size() ? &tokens_[pos_] : nullptr; }

    bool take(Tok type) {
        if (!peek() || peek()->type != type) return false;
        ++pos_;
        return true;
    }

    bool word(std::string_view text) {
        if (!peek() || peek()->type != Tok::word || peek()->text != text) return false;
        ++pos_;
        return true;
    }

    // Trailing dots are typography ("Май 2022."); anything else left over is not.
    bool finished() {
        while (take(Tok::dot)) {}
        return pos_ == tokens_.size();
    }

    // "г", "г.", "года", "гг." after a year.
    void year_words() {
        while (peek() && peek()->type == Tok::word && is_year_word(peek()->text)) {
            ++pos_;
            take(Tok::dot);
        }
    }

    // A four-digit year and its marker words: "2022", "2022 г.", "2025года".
    std::optional<int> year() {
        if (!peek() || peek()->text.size() != 4) return std::nullopt;
        const auto value = value_of(*peek());
        if (!value || *value < 1900 || *value > 2199) return std::nullopt;
        ++pos_;
        year_words();
        return value;
    }

    // A one- or two-digit number: a day or a month.
    std::optional<int> small_number() {
        if (!peek() || peek()->type != Tok::number || peek()->text.size() > 2) return std::nullopt;
        const auto value = value_of(*peek());
        ++pos_;
        return value;
    }

    std::optional<int> month_word() {
        if (!peek() || peek()->type != Tok::word) return std::nullopt;
        const auto month = month_of(peek()->text);
        if (month) ++pos_;
        return month;
    }

    // "30.09.2022", "30.09. 2022 г", "10.10.2022г.", "01.09.22", "30.09"
    std::optional<Item> numeric_date() {
        const auto day = small_number();
        if (!day || !take(Tok::dot)) return std::nullopt;
        const auto month = small_number();
        if (!month) return std::nullopt;
        Item result{Unit::day, std::nullopt, *month, *month, *day};
        if (take(Tok::dot)) {
            if (auto y = year()) {
                result.year = y;
            } else if (peek() && peek()->type == Tok::number && peek()->text.size() == 2) {
                result.year = 2000 + *value_of(*peek());
                ++pos_;
                year_words();
            }
        }
        return result;
    }

    // "20 мая 2025 г.", "1 сентября"
    std::optional<Item> worded_date() {
        const auto day = small_number();
        if (!day) return std::nullopt;
        const auto month = month_word();
        if (!month) return std::nullopt;
        return Item{Unit::day, year(), *month, *month, *day};
    }

    // "Май 2022 г.", "Август", "мая 2025года"
    std::optional<Item> month_item() {
        const auto month = month_word();
        if (!month) return std::nullopt;
        return Item{Unit::month, year(), *month, *month, 0};
    }

    // "I квартал 2022 г.", "2 кв. 2023", "II полугодие 2022 года"
    std::optional<Item> part_item() {
        if (!peek()) return std::nullopt;
        const auto n = roman_or_digit(*peek());
        if (!n) return std::nullopt;
        ++pos_;
        if (word("квартал") || word("квартала") || word("квартале") || word("кв")) {
            take(Tok::dot);
            return Item{Unit::quarter, year(), 3 * *n - 2, 3 * *n, 0};
        }
        if ((word("полугодие") || word("полугодия") || word("полугодии")) && *n <= 2)
            return Item{Unit::half, year(), 6 * *n - 5, 6 * *n, 0};
        return std::nullopt;
    }

    std::optional<Item> year_item() {
        const auto y = year();
        if (!y) return std::nullopt;
        return Item{Unit::year, y, 1, 12, 0};
    }

    std::optional<Item> item() {
        const std::size_t start = pos_;
        for (auto parse : {&Parser::numeric_date, &Parser::worded_date, &Parser::month_item,
                           &Parser::part_item, &Parser::year_item}) {
            if (auto result = (this->*parse)()) return result;
            pos_ = start;  // try the next form from the same place
        }
        return std::nullopt;
    }

    std::optional<Group> group() {
        auto first = item();
        if (!first) return std::nullopt;
        Group result{*first, std::nullopt, false};
        if (take(Tok::dash)) {
            result.last = item();
            if (!result.last) return std::nullopt;
        } else if (first->unit == Unit::month && !first->year) {
            // "Сентябрь октябрь": two months with only a space between them.
            const std::size_t start = pos_;
            result.last = month_item();
            if (!result.last) pos_ = start;
        }
        if (result.last && first->unit == Unit::year && result.last->unit == Unit::year &&
            peek() && peek()->type == Tok::word && is_school_word(peek()->text)) {
            ++pos_;  // "учебный год", "уч.г.", "учебного года"
            take(Tok::dot);
            year_words();
            result.school_year = true;
        }
        return result;
    }

    const std::vector<Token>& tokens_;
    std::size_t pos_;
};

// ---------------------------------------------------------------- dating

struct Reading {
    DeadlineKind kind = DeadlineKind::free;
    std::optional<Date> from;
    std::optional<Date> to;
};

// The year of a year-less month within the context period. The period must
// span at most twelve months so the month occurs in it once: in a school year
// 2024-09-01..2025-08-31, September–December are 2024, January–August 2025.
// A longer period (a 2021–2024 programme) leaves the month undated.
std::optional<int> year_in_context(int month, const DeadlineContext& context) {
    const auto& from = context.period_from;
    const auto& to = context.period_to;
    if (from && to) {
        const int span = (to->year * 12 + to->month) - (from->year * 12 + from->month) + 1;
        if (span < 1 || span > 12) return std::nullopt;
        return month >= from->month ? from->year : from->year + 1;
    }
    if (from) return month >= from->month ? from->year : from->year + 1;
    if (to) return month <= to->month ? to->year : to->year - 1;
    return std::nullopt;
}

// Gives year-less items their year. Within a range or a list an item without
// a year takes it from the next item that has one ("Август – сентябрь 2024",
// "Ноябрь, май 2022": the year before if its month comes later), else from
// the previous one ("Декабрь 2021, май"). If no item has a year, the last item
// of each group is dated by the context and the first follows it
// ("Август -сентябрь": September first, then August in the same year).
void date_items(Wording& wording, const DeadlineContext& context) {
    std::vector<Item*> items;
    for (auto& group : wording.groups) {
        items.push_back(&group.first);
        if (group.last) items.push_back(&*group.last);
    }
    const auto before = [](const Item& item, const Item& next) {
        return *next.year - (item.first_month > next.first_month ? 1 : 0);
    };
    const auto after = [](const Item& item, const Item& previous) {
        return *previous.year + (item.first_month < previous.first_month ? 1 : 0);
    };
    for (std::size_t i = items.size() - 1; i-- > 0;)
        if (!items[i]->year && items[i + 1]->year) items[i]->year = before(*items[i], *items[i + 1]);
    for (std::size_t i = 1; i < items.size(); ++i)
        if (!items[i]->year && items[i - 1]->year) items[i]->year = after(*items[i], *items[i - 1]);

    for (auto& group : wording.groups) {
        Item& end = group.last ? *group.last : group.first;
        // Only months and days: a year-less "I полугодие" in a school plan
        // means the school's half-year, not the calendar one.
        const bool calendar_part = end.unit == Unit::quarter || end.unit == Unit::half;
        if (!end.year && !calendar_part) end.year = year_in_context(end.first_month, context);
        if (group.last && !group.first.year && end.year) group.first.year = before(group.first, end);
    }
}

bool valid_day(const Item& item) {
    if (item.unit != Unit::day) return true;
    // Without a year, allow 29 February.
    return item.day >= 1 && item.first_month >= 1 && item.first_month <= 12 &&
           item.day <= days_in_month(item.year.value_or(2000), item.first_month);
}

Date first_day(const Item& item) { return {*item.year, item.first_month, item.unit == Unit::day ? item.day : 1}; }

Date last_day(const Item& item) {
    return {*item.year, item.last_month,
            item.unit == Unit::day ? item.day : days_in_month(*item.year, item.last_month)};
}

// Months a range of months covers, counted from the month numbers when the
// years are unknown.
int months_spanned(const Group& group) {
    const Item& a = group.first;
    const Item& b = *group.last;
    if (a.year && b.year) return (*b.year * 12 + b.last_month) - (*a.year * 12 + a.first_month) + 1;
    return (b.last_month - a.first_month + 12) % 12 + 1;
}

DeadlineKind kind_of_single(Unit unit) {
    switch (unit) {
        case Unit::day: return DeadlineKind::date;
        case Unit::month: return DeadlineKind::month;
        case Unit::quarter: return DeadlineKind::quarter;
        case Unit::half: return DeadlineKind::period;
        case Unit::year: return DeadlineKind::year;
    }
    return DeadlineKind::free;
}

Reading evaluate(Wording wording, const DeadlineContext& context) {
    date_items(wording, context);

    // Dates of every group, if every item has its year.
    bool dated = true;
    std::optional<Date> from;
    std::optional<Date> to;
    for (const auto& group : wording.groups) {
        const Item& end = group.last ? *group.last : group.first;
        if (!valid_day(group.first) || !valid_day(end)) return {};
        if (!group.first.year || !end.year) {
            dated = false;
            continue;
        }
        Date group_from = first_day(group.first);
        Date group_to = last_day(end);
        if (group.school_year) {
            group_from = {*group.first.year, 9, 1};
            group_to = {*end.year, 8, 31};
        }
        if (group_to < group_from) return {};  // "Декабрь 2022 – январь 2022"
        if (!from || group_from < *from) from = group_from;
        if (!to || *to < group_to) to = group_to;
    }
    if (!dated) from = to = std::nullopt;  // a list with an undated item has no bounds

    const Group& only = wording.groups.front();
    Reading result;
    if (wording.prefix != Prefix::none) {
        // "До 30.09.2022", "до конца 2021 года", "до конца мая 2022": only an end.
        // "до конца 2021 года" keeps kind year with to = 31 December and no
        // from, like any "до": the wording does not say when the work starts.
        // "до мая", "до 2025 года" are ambiguous (before May or through May?)
        // and stay free: the record can give the dates.
        if (wording.groups.size() != 1 || only.last) return {};
        if (only.first.unit == Unit::day) result.kind = DeadlineKind::before_date;
        else if (wording.prefix != Prefix::before_end) return {};
        else if (only.first.unit == Unit::year) result.kind = DeadlineKind::year;
        else result.kind = DeadlineKind::before_date;
        result.to = to;
        return result;
    }

    if (wording.groups.size() > 1) {
        result.kind = DeadlineKind::dates;
    } else if (!only.last) {
        result.kind = kind_of_single(only.first.unit);
    } else if (only.first.unit == Unit::month && only.last->unit == Unit::month) {
        // A range of more than half a year is a period ("Сентябрь 2021 г. –
        // май 2022 г."); a shorter one a month range ("Ноябрь 2021-январь 2022").
        result.kind = months_spanned(only) > 6 ? DeadlineKind::period : DeadlineKind::month_range;
    } else {
        result.kind = DeadlineKind::period;  // "2021–2024 гг.", "01.09.2022 – 31.05.2023"
    }
    result.from = from;
    result.to = to;
    return result;
}

// ---------------------------------------------------------------- fixed wordings

// Whether the tokens from `pos` are exactly these words (and `pos` is moved past them).
bool words_at(const std::vector<Token>& tokens, std::size_t& pos, std::initializer_list<std::string_view> words) {
    std::size_t i = pos;
    for (const auto w : words) {
        if (i >= tokens.size() || tokens[i].type != Tok::word || tokens[i].text != w) return false;
        ++i;
    }
    pos = i;
    return true;
}

// Whether the token at `pos` is one of these words (and `pos` is moved past it).
bool word_of(const std::vector<Token>& tokens, std::size_t& pos, std::initializer_list<std::string_view> words) {
    if (pos >= tokens.size() || tokens[pos].type != Tok::word || !one_of(tokens[pos].text, words)) return false;
    ++pos;
    return true;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool is_recurring(const std::vector<Token>& tokens) {
    const Token& first = tokens.front();
    if (first.type == Tok::word)
        for (const auto stem : {"ежегодн", "ежеквартальн", "ежемесячн", "еженедельн", "ежедневн"})
            if (starts_with(first.text, stem)) return true;
    // "1 раз в квартал", "2 раза в год", "раз в месяц"
    std::size_t pos = first.type == Tok::number ? 1 : 0;
    return word_of(tokens, pos, {"раз", "раза"}) && word_of(tokens, pos, {"в"});
}

bool is_schedule(const std::vector<Token>& tokens) {
    std::size_t pos = 0;
    if (words_at(tokens, pos, {"в", "соответствии"}) || words_at(tokens, pos, {"согласно"}) ||
        words_at(tokens, pos, {"в", "сроки"}))
        return true;
    // "По отдельному графику", "По плану ЦНППМПР", "по утверждённому графику"
    if (!words_at(tokens, pos, {"по"}) || pos >= tokens.size()) return false;
    return one_of(tokens[pos].text, {"отдельному", "отдельным", "плану", "планам", "графику", "графикам",
                                     "расписанию", "утвержденному", "утверждённому"});
}

// "в течение года", "весь период", "постоянно". With a context, wordings that
// name the whole year or period take its dates; "в течение 2022 года" takes
// its own; "в течение всего периода реализации …" names another period and
// stays undated.
std::optional<Reading> read_continuous(const std::vector<Token>& tokens, const DeadlineContext& context) {
    std::size_t pos = 0;
    if (words_at(tokens, pos, {"постоянно"}) || words_at(tokens, pos, {"систематически"}) ||
        words_at(tokens, pos, {"регулярно"}))
        return Reading{DeadlineKind::continuous, {}, {}};
    if (!words_at(tokens, pos, {"в", "течение"}) && !words_at(tokens, pos, {"на", "протяжении"}) &&
        !words_at(tokens, pos, {"весь"}))
        return std::nullopt;

    Reading result{DeadlineKind::continuous, {}, {}};
    std::size_t rest = pos;
    word_of(tokens, rest, {"всего"});
    word_of(tokens, rest, {"учебного", "учебный"});
    const bool whole = word_of(tokens, rest, {"года", "год", "периода", "период"}) && rest == tokens.size();
    if (whole) {
        result.from = context.period_from;
        result.to = context.period_to;
    } else if (auto wording = Parser(tokens, pos).wording()) {
        const Reading dated = evaluate(*wording, context);
        if (dated.kind != DeadlineKind::free && wording->prefix == Prefix::none) {
            result.from = dated.from;
            result.to = dated.to;
        }
    }
    return result;
}

Reading read_tokens(const std::vector<Token>& tokens, const DeadlineContext& context) {
    if (tokens.empty()) return {};
    if (is_recurring(tokens)) return {DeadlineKind::recurring, {}, {}};
    if (is_schedule(tokens)) return {DeadlineKind::schedule, {}, {}};
    if (auto continuous = read_continuous(tokens, context)) return *continuous;
    if (auto wording = Parser(tokens, 0).wording()) return evaluate(*wording, context);
    return {};
}

}  // namespace

std::string_view to_string(DeadlineKind kind) {
    for (const auto& [k, name] : kind_names)
        if (k == kind) return name;
    return "free";
}

std::optional<DeadlineKind> deadline_kind_from_string(std::string_view name) {
    for (const auto& [k, n] : kind_names)
        if (n == name) return k;
    return std::nullopt;
}

Deadline read_deadline(std::string_view written, const DeadlineContext& context) {
    Deadline result;
    try {
        result.written = std::string(written);
        if (written.size() > max_wording_bytes) return result;
        const Reading reading = read_tokens(tokenize(written), context);
        result.kind = reading.kind;
        result.from = reading.from;
        result.to = reading.to;
    } catch (...) {
        // Only allocation can fail here; an unreadable deadline is still a deadline.
        result.kind = DeadlineKind::free;
        result.from = result.to = std::nullopt;
    }
    return result;
}

}  // namespace prikaz
