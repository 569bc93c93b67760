#include "russian/typograph.hpp"

#include "russian/name_rules.hpp"

#include <optional>
#include <vector>

namespace prikaz::russian {

using namespace rules;

namespace {

constexpr char32_t nbsp = U'\u00A0';

bool is_space(char32_t c) { return c == U' ' || c == nbsp; }
bool is_cyr_upper(char32_t c) { return (c >= U'А' && c <= U'Я') || c == U'Ё'; }
bool is_cyr_lower(char32_t c) { return (c >= U'а' && c <= U'я') || c == U'ё'; }
bool is_cyr(char32_t c) { return is_cyr_upper(c) || is_cyr_lower(c); }

// At(i) that answers for positions outside the text with 0.
struct Text {
    const std::u32string& s;
    char32_t operator[](std::ptrdiff_t i) const {
        return i < 0 || i >= static_cast<std::ptrdiff_t>(s.size()) ? 0 : s[static_cast<std::size_t>(i)];
    }
};

// ---------------------------------------------------------------- 1. quotes

std::u32string quotes(const std::u32string& s) {
    if (s.find(U'"') == std::u32string::npos) return s;
    Text t{s};
    enum class Kind { open, close };
    std::vector<Kind> kinds;  // of the straight quotes, in order
    std::optional<Kind> previous_quote;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != U'"') continue;
        const auto at = static_cast<std::ptrdiff_t>(i);
        const char32_t before = t[at - 1], after = t[at + 1];
        const bool after_gap = before == 0 || is_space(before) || before == U'\n' || before == U'\t' ||
                               std::u32string_view(U"([{«„").find(before) != std::u32string_view::npos ||
                               (before == U'"' && previous_quote == Kind::open);
        const bool before_gap = after == 0 || is_space(after) || after == U'\n' || after == U'\t';
        const bool word_after = after != 0 && (is_letter(after) || is_digit(after));
        Kind k;
        if (after_gap && !before_gap) k = Kind::open;
        else if (!after_gap && !word_after) k = Kind::close;
        else return s;  // a lone quote or one inside a word: cannot decide
        kinds.push_back(k);
        previous_quote = k;
    }
    // Pair them up with the quotes already typeset, which decide the depth.
    std::u32string out;
    out.reserve(s.size());
    std::vector<char32_t> stack;  // opening quotes as they are in the output
    std::vector<bool> straight;   // whether each was a straight one
    std::size_t q = 0;
    for (char32_t c : s) {
        if (c == U'"') {
            if (kinds[q++] == Kind::open) {
                const char32_t open = stack.empty() ? U'«' : U'„';
                stack.push_back(open);
                straight.push_back(true);
                out += open;
            } else {
                if (stack.empty() || !straight.back()) return s;  // closes what a typeset quote opened
                out += stack.back() == U'«' ? U'»' : U'“';
                stack.pop_back();
                straight.pop_back();
            }
            continue;
        }
        if ((c == U'»' || c == U'“') && !straight.empty() && straight.back()) return s;  // quotes would cross
        if (c == U'«' || c == U'„') {
            stack.push_back(c);
            straight.push_back(false);
        } else if ((c == U'»' && !stack.empty() && stack.back() == U'«' && !straight.back()) ||
                   (c == U'“' && !stack.empty() && stack.back() == U'„' && !straight.back())) {
            stack.pop_back();
            straight.pop_back();
        }
        out += c;
    }
    for (bool b : straight)
        if (b) return s;  // a straight quote never closed
    return out;
}

// ---------------------------------------------------------------- 2. spaced dashes

// A year 1900..2099 that ends just before `end` and starts at a word boundary; its value or 0.
int year_before(Text t, std::ptrdiff_t end) {
    if (!(is_digit(t[end - 1]) && is_digit(t[end - 2]) && is_digit(t[end - 3]) && is_digit(t[end - 4])) ||
        is_digit(t[end - 5]) || is_letter(t[end - 5]) || t[end - 5] == U'.' || t[end - 5] == U'-')
        return 0;
    int y = 0;
    for (std::ptrdiff_t i = end - 4; i < end; ++i) y = y * 10 + static_cast<int>(t[i] - U'0');
    return y >= 1900 && y <= 2099 ? y : 0;
}

int year_after(Text t, std::ptrdiff_t begin) {
    if (!(is_digit(t[begin]) && is_digit(t[begin + 1]) && is_digit(t[begin + 2]) && is_digit(t[begin + 3])) ||
        is_digit(t[begin + 4]) || is_letter(t[begin + 4]) || t[begin + 4] == U'-' ||
        ((t[begin + 4] == U'.' || t[begin + 4] == U',') && is_digit(t[begin + 5])))
        return 0;
    int y = 0;
    for (std::ptrdiff_t i = begin; i < begin + 4; ++i) y = y * 10 + static_cast<int>(t[i] - U'0');
    return y >= 1900 && y <= 2099 ? y : 0;
}

std::u32string dashes(const std::u32string& s) {
    Text t{s};
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        // Only where a run of spaces starts after a word: never at the start of the text or of a line.
        if (!is_space(c) || i == 0 || is_space(s[i - 1]) || s[i - 1] == U'\n' || s[i - 1] == U'\t') {
            out += c;
            continue;
        }
        // A run of spaces, a dash, a run of spaces.
        std::size_t j = i;
        while (j < s.size() && is_space(s[j])) ++j;
        const char32_t dash = t[static_cast<std::ptrdiff_t>(j)];
        std::size_t k = j + 1;
        while (k < s.size() && is_space(s[k])) ++k;
        const bool spaced = (dash == U'-' || dash == U'—') && k > j + 1 && k < s.size() && s[k] != U'\n' && s[k] != U'\t';
        if (!spaced) {
            out += c;
            continue;
        }
        const int from = year_before(t, static_cast<std::ptrdiff_t>(i));
        const int to = year_after(t, static_cast<std::ptrdiff_t>(k));
        if (dash == U'-' && from && to && to > from) {
            out += U'–';
        } else if (is_digit(s[i - 1]) && is_digit(s[k])) {
            out += s.substr(i, k - i);  // «5 - 3»: a range, a minus or a dash; cannot decide
        } else {
            out += nbsp;
            out += U'—';
            out += U' ';
        }
        i = k - 1;
    }
    return out;
}

// ---------------------------------------------------------------- 3. number ranges

std::u32string ranges(const std::u32string& s) {
    std::u32string out = s;
    Text t{s};
    for (std::size_t h = 1; h + 1 < s.size(); ++h) {
        if (s[h] != U'-' || !is_digit(s[h - 1]) || !is_digit(s[h + 1])) continue;
        auto a = static_cast<std::ptrdiff_t>(h) - 1;
        while (is_digit(t[a - 1])) --a;
        auto b = static_cast<std::ptrdiff_t>(h) + 1;
        while (is_digit(t[b])) ++b;  // one past the second number
        const auto first_len = static_cast<std::ptrdiff_t>(h) - a, second_len = b - static_cast<std::ptrdiff_t>(h) - 1;
        if (first_len > 4 || second_len > 4) continue;
        if ((t[a] == U'0' && first_len > 1) || (t[static_cast<std::ptrdiff_t>(h) + 1] == U'0' && second_len > 1)) continue;
        const char32_t before = t[a - 1], after = t[b];
        if (is_letter(before) || before == U'.' || before == U',' || before == U'-' || before == U'/' || before == U'–' ||
            before == U'№' || before == U'_')
            continue;
        std::ptrdiff_t p = a - 1;
        while (is_space(t[p])) --p;
        if (t[p] == U'№') continue;  // a registration number: № 12-15
        if (is_letter(after) || after == U'-' || after == U'/' || after == U'–' || after == U'_' ||
            ((after == U'.' || after == U',') && is_digit(t[b + 1])))
            continue;
        int x = 0, y = 0;
        for (auto i = a; i < static_cast<std::ptrdiff_t>(h); ++i) x = x * 10 + static_cast<int>(t[i] - U'0');
        for (auto i = static_cast<std::ptrdiff_t>(h) + 1; i < b; ++i) y = y * 10 + static_cast<int>(t[i] - U'0');
        if (x < y) out[h] = U'–';
    }
    return out;
}

// ---------------------------------------------------------------- 4. №

std::u32string number_sign(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] != U'№') continue;
        std::size_t j = i + 1;
        while (j < s.size() && is_space(s[j])) ++j;
        if (j < s.size() && is_digit(s[j])) {
            out += nbsp;
            i = j - 1;
        }
    }
    return out;
}

// ---------------------------------------------------------------- 5. units after numbers

bool starts_with_at(const std::u32string& s, std::size_t at, std::u32string_view what) {
    return s.size() >= at + what.size() && std::u32string_view(s).substr(at, what.size()) == what;
}

std::u32string units(const std::u32string& s) {
    // Longest first; «уч. г.» is written with its inner space, which becomes U+00A0 as well.
    static constexpr std::u32string_view abbreviations[] = {U"уч. г.", U"уч.\u00A0г.", U"экз.", U"гг.", U"г.", U"л."};
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (!is_digit(s[i])) continue;
        std::size_t j = i + 1;
        while (j < s.size() && is_space(s[j])) ++j;
        for (std::u32string_view abbr : abbreviations) {
            if (!starts_with_at(s, j, abbr)) continue;
            const std::size_t end = j + abbr.size();
            if (end < s.size() && is_letter(s[end])) break;  // «г.Сальск», not a unit
            out += nbsp;
            for (char32_t c : abbr) out += c == U' ' ? nbsp : c;
            i = end - 1;
            break;
        }
    }
    return out;
}

// ---------------------------------------------------------------- 6. dates in words

std::u32string dates(const std::u32string& s) {
    static constexpr std::u32string_view months[] = {U"января", U"февраля", U"марта",    U"апреля",  U"мая",    U"июня",
                                                     U"июля",   U"августа", U"сентября", U"октября", U"ноября", U"декабря"};
    std::u32string out;
    out.reserve(s.size());
    Text t{s};
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        const auto at = static_cast<std::ptrdiff_t>(i);
        if (!is_digit(s[i]) || is_digit(t[at + 1])) continue;
        // The day: one or two digits, 1..31, standing alone.
        auto a = at;
        while (is_digit(t[a - 1])) --a;
        if (at - a > 1 || is_letter(t[a - 1]) || t[a - 1] == U'.' || t[a - 1] == U',') continue;
        const int day = static_cast<int>(at - a == 1 ? (t[a] - U'0') * 10 + (t[at] - U'0') : t[at] - U'0');
        if (day < 1 || day > 31) continue;
        std::size_t j = i + 1;
        while (j < s.size() && is_space(s[j])) ++j;
        if (j == i + 1) continue;
        for (std::u32string_view month : months) {
            if (!starts_with_at(s, j, month) || (j + month.size() < s.size() && is_letter(s[j + month.size()]))) continue;
            out += nbsp;
            i = j - 1;
            break;
        }
    }
    return out;
}

// ---------------------------------------------------------------- 7. initials and surnames

// Initials starting at i: "М.", "М.Е.", "М. Е." (the inner space may be U+00A0); their end, or 0.
std::size_t initials_end(const std::u32string& s, std::size_t i) {
    Text t{s};
    auto at = static_cast<std::ptrdiff_t>(i);
    if (!is_cyr_upper(t[at]) || t[at + 1] != U'.') return 0;
    if (is_letter(t[at - 1]) || t[at - 1] == U'.') return 0;
    std::ptrdiff_t e = at + 2;
    std::ptrdiff_t next = is_space(t[e]) ? e + 1 : e;
    if (is_cyr_upper(t[next]) && t[next + 1] == U'.' && !is_letter(t[next + 2])) e = next + 2;
    return static_cast<std::size_t>(e);
}

// A surname starting at i: a capital and at least one small letter; hyphenated parts allowed. Its end, or 0.
std::size_t surname_end(const std::u32string& s, std::size_t i) {
    if (i >= s.size() || !is_cyr_upper(s[i]) || i + 1 >= s.size() || !is_cyr_lower(s[i + 1])) return 0;
    std::size_t e = i + 1;
    while (e < s.size() && (is_cyr_lower(s[e]) || (s[e] == U'-' && e + 1 < s.size() && is_cyr(s[e + 1])) ||
                            (e > 0 && s[e - 1] == U'-' && is_cyr_upper(s[e]))))
        ++e;
    return e;
}

void append_initials(std::u32string& out, const std::u32string& s, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) out += s[k] == U' ' ? nbsp : s[k];
}

std::u32string initials(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        // «М.Е. Сенченко»
        if (std::size_t e = initials_end(s, i)) {
            std::size_t j = e;
            while (j < s.size() && is_space(s[j])) ++j;
            if (j > e && surname_end(s, j)) {
                append_initials(out, s, i, e);
                out += nbsp;
                i = j;
                continue;
            }
        }
        // «Сенченко М.Е.» (two initials: one would catch the start of a sentence)
        if (i == 0 || !is_letter(s[i - 1]))
            if (std::size_t e = surname_end(s, i)) {
                std::size_t j = e;
                while (j < s.size() && is_space(s[j])) ++j;
                const std::size_t f = j > e ? initials_end(s, j) : 0;
                // Initials followed by a surname belong to that surname: «Директор М.Е. Сенченко».
                std::size_t g = f;
                while (g < s.size() && is_space(s[g])) ++g;
                const bool next_surname = f && g > f && surname_end(s, g);
                if (f && f - j >= 4 && !next_surname) {
                    out += s.substr(i, e - i);
                    out += nbsp;
                    append_initials(out, s, j, f);
                    i = f;
                    continue;
                }
            }
        out += s[i++];
    }
    return out;
}

}  // namespace

namespace {

// Whether any rule could apply, from the bytes alone: most values of a big
// document (a plain sentence) have nothing to change, and the rules' passes cost
// a tenth of a render (bench/README.md).
bool may_change(std::string_view text) {
    bool digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '-') return true;
        if (c >= '0' && c <= '9') digit = true;
        // «—» E2 80 94 and «№» E2 84 96
        if (c == 0xE2 && i + 2 < text.size() &&
            ((text[i + 1] == '\x80' && text[i + 2] == '\x94') || (text[i + 1] == '\x84' && text[i + 2] == '\x96')))
            return true;
        // An initial: a capital letter (A-Z, А-Я, Ё) right before a full stop.
        if (c == '.' && i > 0) {
            const auto p = static_cast<unsigned char>(text[i - 1]);
            if (p >= 'A' && p <= 'Z') return true;
            if (i > 1 && static_cast<unsigned char>(text[i - 2]) == 0xD0 && ((p >= 0x90 && p <= 0xAF) || p == 0x81)) return true;
        }
    }
    return digit;  // units, dates in words and ranges all need a number
}

}  // namespace

std::string typograph(std::string_view text) {
    if (!may_change(text)) return std::string(text);
    std::u32string s = to_u32(text);
    s = quotes(s);
    s = dashes(s);
    s = number_sign(s);
    // Units before ranges: «0-1г.» is a range only once «г.» stands apart.
    s = units(s);
    s = dates(s);
    s = ranges(s);
    s = initials(s);
    return to_utf8(s);
}

}  // namespace prikaz::russian
