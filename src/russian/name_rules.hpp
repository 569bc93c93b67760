// The ending rules of Russian names and adjectives: the table (name_rules.cpp) and the engine that applies it.
// Internal to src/russian/: names, positions, the participle and the typograph work in UTF-32 through these helpers.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace prikaz::russian {

// The six cases of Russian grammar, in the traditional order.
enum class GramCase { nom, gen, dat, acc, ins, pre };

// "nom", "gen", "dat", "acc", "ins", "pre" (the team's filter contract); anything else: nullopt.
std::optional<GramCase> gram_case_from_string(std::string_view name);

enum class PersonGender { male, female, unknown };

namespace rules {

// What a rule applies to.
enum class WordKind { surname, first_name, patronymic, adjective };

// Which genders a rule is for.
enum class Genders { male, female, both };

// One line of the table. `ending` is lower case and may use letter classes:
// C any consonant but й, S one of ж ш ч щ, K one of к г х, V any vowel.
// A declined form is the word without its last `cut` letters plus `forms[case - 1]`
// (forms for gen, dat, acc, ins, pre). A rule whose forms are all empty keeps the word: indeclinable.
struct EndingRule {
    WordKind kind;
    Genders genders;
    std::u32string_view ending;
    int cut;
    std::array<std::u32string_view, 5> forms;
};

// A word that no ending rule describes (fleeting vowels, stress): its forms in full, lower case.
struct WordException {
    WordKind kind;
    Genders genders;
    std::u32string_view word;
    std::array<std::u32string_view, 5> forms;
};

// The table itself (name_rules.cpp).
std::span<const EndingRule> ending_rules();
std::span<const WordException> word_exceptions();

// Declines one word (no spaces, no hyphens) of the given kind for a known gender (male or female; unknown
// is taken as male: callers decide what to do without a gender). nullopt when no rule describes the word:
// the caller decides whether that means "indeclinable" or "unknown".
// The word keeps its own capitals; an ending added to a word written in capitals is in capitals too.
std::optional<std::u32string> decline_word(std::u32string_view word, WordKind kind, PersonGender gender, GramCase c);

// ---------------------------------------------------------------- UTF-32 helpers

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// Cyrillic and ASCII letters to lower / upper case (Ё/ё included); other characters unchanged.
char32_t lower(char32_t c);
char32_t upper(char32_t c);
std::u32string lower(std::u32string_view s);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_letter(char32_t c);  // a Cyrillic or Latin letter
bool is_digit(char32_t c);

}  // namespace rules
}  // namespace prikaz::russian
