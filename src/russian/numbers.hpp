// Numbers in Russian: plural forms (ICU PluralRules), numbers in words and
// digit ordinals (ICU RuleBasedNumberFormat), digits with grouping and a
// decimal comma (ICU NumberFormatter).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prikaz::russian {

enum class NumberGender { masculine, feminine, neuter, plural };
enum class NumberCase { nom, gen, dat, acc, ins, pre };

// "m", "f", "n", "pl" and "nom", "gen", "dat", "acc", "ins", "pre", as templates write them.
std::optional<NumberGender> number_gender(std::string_view name);
std::optional<NumberCase> number_case(std::string_view name);

// The word form for n: one (1, 21, 101), few (2–4, 22), many (0, 5–20, 25, 111).
// A fraction (1,5) is ICU's "other", which in Russian takes the genitive
// singular: the few form (1,5 ставки).
std::string_view plural_form(double n, std::string_view one, std::string_view few, std::string_view many);

// Digits as a Russian document prints them: grouping with U+00A0 from five
// digits (1000, 12 345), a decimal comma. Without `decimals`, at most two
// decimals and no trailing zeros; with it, exactly that many.
std::string format_number(double n, std::optional<int> decimals = std::nullopt);

// 70 % (U+00A0 before the sign); tight: 70%.
std::string format_percent(double n, bool tight = false);

// In words: 21, feminine → "двадцать одна"; 21, masculine, gen → "двадцати одного".
std::string spellout(double n, NumberGender gender, NumberCase grammatical_case);

// 3-й, 3-я, 3-е, 3-го (ICU %digits-ordinal-*).
std::string ordinal(std::int64_t n, NumberGender gender, NumberCase grammatical_case);

}  // namespace prikaz::russian
