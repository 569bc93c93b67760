// Case mapping and alphabetical order of Russian text, by ICU with the "ru"
// locale passed explicitly. The only place, with the rest of src/russian/,
// that talks to ICU.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace prikaz::russian {

// ICU data the program needs is missing or broken (the ru locale, collation,
// number rules): an installation problem, never a problem of a record.
struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;  // message in Russian
};

// "приказываю" → "ПРИКАЗЫВАЮ"; Latin and other scripts too.
std::string upper(std::string_view text);
std::string lower(std::string_view text);
// The first letter upper-cased, the rest as written: "дорожная карта" → "Дорожная карта".
std::string capitalize(std::string_view text);
// The first letter lower-cased, for a wording that goes inside a sentence: "До 30.09.2022" →
// "до 30.09.2022". Text that starts with an abbreviation («МКОУ», «ОО»), a Roman numeral
// ("I квартал"), an initial ("А.С. Пушкин") or not with a letter stays as written.
std::string lower_first(std::string_view text);

// Russian alphabetical order (ICU ru collation): Ё with Е at primary strength
// and just after it at secondary, Й after И, Cyrillic before Latin.
class Collator {
public:
    enum class Strength { primary, secondary, tertiary };
    // Throws DataError when ICU cannot give the Russian collation.
    explicit Collator(Strength strength = Strength::tertiary);
    ~Collator();
    Collator(Collator&&) noexcept;
    Collator& operator=(Collator&&) noexcept;

    // Negative, zero or positive, like strcmp.
    int compare(std::string_view x, std::string_view y) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Text read for matching words: NFC-normalised ("й" typed as "и" + breve is
// one letter) and lower-cased, as UTF-32 code points.
std::u32string folded(std::string_view text);
// UTF-8 of code points (what folded() gives back as text).
std::string to_utf8(std::u32string_view text);
// The character at byte `at` of UTF-8 text, moving `at` past it; -1 for an
// ill-formed sequence, which is skipped as ICU's U8_NEXT skips it.
int32_t next_char(std::string_view text, std::size_t& at);
// Unicode White_Space, and the zero-width characters word processors leave.
bool is_space(char32_t c);
// Unicode Alphabetic.
bool is_letter(char32_t c);

}  // namespace prikaz::russian
