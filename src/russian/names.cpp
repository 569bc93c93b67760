#include "russian/names.hpp"

#include <boost/locale/encoding_utf.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <vector>

namespace prikaz::russian {

std::optional<GramCase> gram_case_from_string(std::string_view name) {
    static constexpr std::string_view names[] = {"nom", "gen", "dat", "acc", "ins", "pre"};
    for (std::size_t i = 0; i < std::size(names); ++i)
        if (name == names[i]) return static_cast<GramCase>(i);
    return std::nullopt;
}

namespace rules {

// ---------------------------------------------------------------- UTF-32 helpers

// Boost.Locale's converter: records are valid UTF-8 already (the reader checks),
// and a stray byte is skipped rather than crashing.
std::u32string to_u32(std::string_view s) {
    return boost::locale::conv::utf_to_utf<char32_t>(s.data(), s.data() + s.size());
}

std::string to_utf8(std::u32string_view text) {
    return boost::locale::conv::utf_to_utf<char>(text.data(), text.data() + text.size());
}

char32_t lower(char32_t c) {
    if (c >= U'А' && c <= U'Я') return c + 0x20;
    if (c == U'Ё') return U'ё';
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    return c;
}

char32_t upper(char32_t c) {
    if (c >= U'а' && c <= U'я') return c - 0x20;
    if (c == U'ё') return U'Ё';
    if (c >= U'a' && c <= U'z') return c - 0x20;
    return c;
}

std::u32string lower(std::u32string_view s) {
    std::u32string out(s);
    for (char32_t& c : out) c = lower(c);
    return out;
}

bool is_upper(char32_t c) { return (c >= U'А' && c <= U'Я') || c == U'Ё' || (c >= U'A' && c <= U'Z'); }
bool is_lower(char32_t c) { return (c >= U'а' && c <= U'я') || c == U'ё' || (c >= U'a' && c <= U'z'); }
bool is_letter(char32_t c) { return is_upper(c) || is_lower(c); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// ---------------------------------------------------------------- the engine

namespace {

constexpr std::u32string_view vowels = U"аеёиоуыэюя";
constexpr std::u32string_view consonants = U"бвгджзклмнпрстфхцчшщ";

bool fits_class(char32_t pattern, char32_t c) {
    switch (pattern) {
        case U'C': return consonants.find(c) != std::u32string_view::npos;
        case U'S': return c == U'ж' || c == U'ш' || c == U'ч' || c == U'щ';
        case U'K': return c == U'к' || c == U'г' || c == U'х';
        case U'V': return vowels.find(c) != std::u32string_view::npos;
        default: return pattern == c;
    }
}

bool ends_with(std::u32string_view word, std::u32string_view pattern) {
    if (pattern.size() >= word.size()) return false;  // a rule never describes the whole word
    const std::size_t from = word.size() - pattern.size();
    for (std::size_t i = 0; i < pattern.size(); ++i)
        if (!fits_class(pattern[i], word[from + i])) return false;
    return true;
}

bool for_gender(Genders g, PersonGender gender) {
    return g == Genders::both || (g == Genders::male) == (gender != PersonGender::female);
}

bool all_upper(std::u32string_view word) {
    int letters = 0;
    for (char32_t c : word) {
        if (is_lower(c)) return false;
        if (is_upper(c)) ++letters;
    }
    return letters > 1;
}

// A form written in lower case, given the capitals of the word it replaces.
std::u32string with_capitals_of(std::u32string_view word, std::u32string form) {
    if (all_upper(word)) {
        for (char32_t& c : form) c = upper(c);
    } else if (!word.empty() && !form.empty() && is_upper(word.front())) {
        form.front() = upper(form.front());
    }
    return form;
}

}  // namespace

std::optional<std::u32string> decline_word(std::u32string_view word, WordKind kind, PersonGender gender, GramCase c) {
    if (word.empty()) return std::nullopt;
    const std::u32string low = lower(word);
    const auto index = static_cast<std::size_t>(c) - 1;
    for (const WordException& e : word_exceptions())
        if (e.kind == kind && for_gender(e.genders, gender) && e.word == low)
            return c == GramCase::nom ? std::u32string(word) : with_capitals_of(word, std::u32string(e.forms[index]));
    const EndingRule* best = nullptr;
    for (const EndingRule& r : ending_rules())
        if (r.kind == kind && for_gender(r.genders, gender) && ends_with(low, r.ending) &&
            (!best || r.ending.size() > best->ending.size()))
            best = &r;
    if (!best) return std::nullopt;
    if (c == GramCase::nom) return std::u32string(word);
    std::u32string out(word.substr(0, word.size() - static_cast<std::size_t>(best->cut)));
    std::u32string ending(best->forms[index]);
    if (all_upper(word))
        for (char32_t& ch : ending) ch = upper(ch);
    return out + ending;
}

}  // namespace rules

using namespace rules;

namespace {

constexpr std::string_view nbsp = "\xC2\xA0";

WordKind kind_of(NamePart part) {
    switch (part) {
        case NamePart::surname: return WordKind::surname;
        case NamePart::name: return WordKind::first_name;
        case NamePart::patronymic: return WordKind::patronymic;
    }
    return WordKind::surname;
}

// One word without hyphens or spaces.
NameForm decline_piece(std::u32string_view piece, WordKind kind, PersonGender gender, GramCase c) {
    if (c == GramCase::nom) return {to_utf8(piece)};
    if (gender != PersonGender::unknown) return {to_utf8(decline_word(piece, kind, gender, c).value_or(std::u32string(piece)))};
    // No gender: only what both genders agree on.
    auto male = decline_word(piece, kind, PersonGender::male, c).value_or(std::u32string(piece));
    auto female = decline_word(piece, kind, PersonGender::female, c).value_or(std::u32string(piece));
    if (male == female) return {to_utf8(male)};
    return {to_utf8(piece), true};
}

std::u32string trimmed(std::u32string_view s) {
    auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0'; };
    std::size_t b = 0, e = s.size();
    while (b < e && blank(s[b])) ++b;
    while (e > b && blank(s[e - 1])) --e;
    return std::u32string(s.substr(b, e - b));
}

std::u32string last_word(std::u32string_view s) {
    const auto space = s.find_last_of(U" \u00A0");
    return std::u32string(space == std::u32string_view::npos ? s : s.substr(space + 1));
}

std::string part_in_case(const PersonName& person, NamePart part, GramCase c, PersonGender gender, bool& undecided) {
    const std::string& written = part == NamePart::surname ? person.surname : part == NamePart::name ? person.name : person.patronymic;
    if (c != GramCase::nom) {
        const FormOverride& o = person.forms[static_cast<std::size_t>(c)];
        const auto& given = part == NamePart::surname ? o.surname : part == NamePart::name ? o.name : o.patronymic;
        if (given) return *given;
    }
    NameForm f = decline_part(written, part, gender, c);
    undecided = undecided || f.undecided;
    return f.text;
}

std::u32string initial_of(std::u32string_view word) {
    std::u32string out;
    bool start = true;
    for (char32_t ch : word) {
        if (ch == U'-') {
            if (!out.empty()) out += U'-';
            start = true;
        } else if (start && is_letter(ch)) {
            out += upper(ch);
            out += U'.';
            start = false;
        } else if (ch == U' ' || ch == U'\u00A0') {
            break;  // «Гасан оглы»: one initial
        }
    }
    return out;
}

}  // namespace

NameForm decline_part(std::string_view word, NamePart part, PersonGender gender, GramCase c) {
    const std::u32string w = trimmed(to_u32(word));
    // Several words: only the last declines («ван Бетховен»); patronymics with оглы, кызы do not at all.
    const auto space = w.find_last_of(U" \u00A0");
    std::u32string head, tail = w;
    if (space != std::u32string::npos) {
        head = w.substr(0, space + 1);
        tail = w.substr(space + 1);
        if (part == NamePart::patronymic) return {to_utf8(w)};
    }
    NameForm out{to_utf8(head)};
    std::size_t from = 0;
    while (true) {
        const auto hyphen = tail.find(U'-', from);
        const std::u32string_view piece = std::u32string_view(tail).substr(from, hyphen == std::u32string::npos ? std::u32string::npos : hyphen - from);
        NameForm f = decline_piece(piece, kind_of(part), gender, c);
        out.text += f.text;
        out.undecided = out.undecided || f.undecided;
        if (hyphen == std::u32string::npos) break;
        out.text += '-';
        from = hyphen + 1;
    }
    return out;
}

PersonName person_name(Node person) {
    PersonName p;
    p.surname = to_utf8(trimmed(to_u32(person.child("surname").text())));
    p.name = to_utf8(trimmed(to_u32(person.child("name").text())));
    p.patronymic = to_utf8(trimmed(to_u32(person.child("patronymic").text())));
    p.initials = to_utf8(trimmed(to_u32(person.child("initials").text())));
    p.position = to_utf8(trimmed(to_u32(person.child("position").text())));
    const std::string g = person.attr("gender");
    p.gender = g == "male" ? PersonGender::male : g == "female" ? PersonGender::female : PersonGender::unknown;
    for (Node form : person.child("forms").children()) {
        if (form.name() != "form") continue;
        auto c = gram_case_from_string(form.attr("case"));
        if (!c) continue;  // the schema allows only the five oblique cases
        // Several <form> of one case add up; for the same part, the first one counts.
        FormOverride& o = p.forms[static_cast<std::size_t>(*c)];
        auto take = [&](const char* attr, std::optional<std::string>& into) {
            if (form.has_attr(attr) && !into) into = to_utf8(trimmed(to_u32(form.attr(attr))));
        };
        take("surname", o.surname);
        take("name", o.name);
        take("patronymic", o.patronymic);
        take("position", o.position);
    }
    return p;
}

PersonGender gender_of(const PersonName& person) {
    if (person.gender != PersonGender::unknown) return person.gender;
    const std::u32string last = lower(last_word(trimmed(to_u32(person.patronymic))));
    auto ends = [&](std::u32string_view e) { return last.size() > e.size() && last.ends_with(e); };
    if (ends(U"ич") || last == U"оглы" || last == U"улы") return PersonGender::male;
    if (ends(U"на") || last == U"кызы" || last == U"кизи") return PersonGender::female;
    return PersonGender::unknown;
}

std::string initials(const PersonName& person) {
    if (person.name.empty()) {
        std::string out;
        for (char32_t ch : trimmed(to_u32(person.initials)))
            if (ch != U' ' && ch != U'\u00A0' && ch != U'\t') out += to_utf8(std::u32string(1, ch));
        return out;
    }
    return to_utf8(initial_of(trimmed(to_u32(person.name))) + initial_of(trimmed(to_u32(person.patronymic))));
}

NameForm initials_surname(const PersonName& person, GramCase c) {
    NameForm f;
    std::string surname = part_in_case(person, NamePart::surname, c, gender_of(person), f.undecided);
    f.text = initials(person) + std::string(nbsp) + surname;
    return f;
}

NameForm surname_initials(const PersonName& person, GramCase c) {
    NameForm f;
    f.text = part_in_case(person, NamePart::surname, c, gender_of(person), f.undecided) + std::string(nbsp) + initials(person);
    return f;
}

NameForm full_name(const PersonName& person, GramCase c) {
    if (person.name.empty()) return surname_initials(person, c);
    const PersonGender gender = gender_of(person);
    NameForm f;
    f.text = part_in_case(person, NamePart::surname, c, gender, f.undecided) + " " +
             part_in_case(person, NamePart::name, c, gender, f.undecided);
    if (!person.patronymic.empty()) f.text += " " + part_in_case(person, NamePart::patronymic, c, gender, f.undecided);
    return f;
}

// ---------------------------------------------------------------- primary-strength keys

struct PrimaryKeys::Impl {
    std::unique_ptr<icu::Collator> collator;
};

PrimaryKeys::PrimaryKeys() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale("ru"), status));
    // Without Russian data ICU falls back to the root collation: ё = е still holds there, but say so loudly.
    if (U_FAILURE(status) || !impl_->collator)
        throw std::runtime_error(std::string("ICU: нет правил сравнения для русского языка: ") + u_errorName(status));
    impl_->collator->setStrength(icu::Collator::PRIMARY);
}

PrimaryKeys::~PrimaryKeys() = default;

std::string PrimaryKeys::key(std::string_view text) const {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::vector<uint8_t> buf(64);
    int32_t n = impl_->collator->getSortKey(u, buf.data(), static_cast<int32_t>(buf.size()));
    if (n > static_cast<int32_t>(buf.size())) {
        buf.resize(static_cast<std::size_t>(n));
        n = impl_->collator->getSortKey(u, buf.data(), n);
    }
    // The key ends in its own 0 byte and holds no other: keys of several texts concatenate unambiguously.
    return std::string(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
}

std::string PrimaryKeys::key(const PersonName& person) const {
    return key(person.surname) + key(person.name.empty() ? initials(person) : person.name) + key(person.patronymic);
}

}  // namespace prikaz::russian
