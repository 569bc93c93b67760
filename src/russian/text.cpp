// Case mapping and collation of Russian text with ICU.
#include "russian/text.hpp"

#include <boost/locale/encoding_utf.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include <climits>

namespace prikaz::russian {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
    if (s.size() > INT32_MAX) throw std::length_error("текст длиннее 2 ГиБ");
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace

std::string upper(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    u.toUpper(icu::Locale("ru"));
    return utf8(u);
}

std::string lower(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    u.toLower(icu::Locale("ru"));
    return utf8(u);
}

std::string capitalize(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    // The first letter, past any quotes or spaces: "«дорожная…»" → "«Дорожная…»".
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        if (!u_isalpha(u.char32At(i))) continue;
        const int32_t end = u.moveIndex32(i, 1);
        icu::UnicodeString letter(u, i, end - i);
        letter.toUpper(icu::Locale("ru"));
        u.replace(i, end - i, letter);
        break;
    }
    return utf8(u);
}

std::string lower_first(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    // The first letter, past spaces, opening quotes and brackets; a digit first: nothing to do.
    int32_t start = 0;
    while (start < u.length() && !u_isalpha(u.char32At(start))) {
        const UChar32 c = u.char32At(start);
        if (!u_isUWhiteSpace(c) && c != 0x00AB && c != 0x201E && c != 0x201C && c != '"' && c != '(') return std::string(text);
        start = u.moveIndex32(start, 1);
    }
    if (start >= u.length() || !u_isupper(u.char32At(start))) return std::string(text);
    // The first word: an upper-case letter after its first one makes it an abbreviation
    // («ОО», «КемГУ»), and a word of I, V, X, L, C, D, M is a Roman numeral.
    int32_t end = start;
    bool roman = true, inner_upper = false;
    for (; end < u.length() && u_isalpha(u.char32At(end)); end = u.moveIndex32(end, 1)) {
        const UChar32 c = u.char32At(end);
        if (end > start && u_isupper(c)) inner_upper = true;
        if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C' && c != 'D' && c != 'M') roman = false;
    }
    const bool initial = u.moveIndex32(start, 1) == end && end < u.length() && u.charAt(end) == '.';
    if (inner_upper || roman || initial) return std::string(text);
    const int32_t next = u.moveIndex32(start, 1);
    icu::UnicodeString letter(u, start, next - start);
    letter.toLower(icu::Locale("ru"));
    u.replace(start, next - start, letter);
    return utf8(u);
}

struct Collator::Impl {
    std::unique_ptr<icu::Collator> collator;
};

Collator::Collator(Strength strength) : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale("ru"), status));
    // Without the ru data ICU falls back to the root order and only warns: Latin would come first.
    if (U_FAILURE(status) || !impl_->collator || status == U_USING_DEFAULT_WARNING)
        throw DataError(std::string("не удалось загрузить правила русского алфавита из данных ICU (") +
                        u_errorName(status) + "); установите пакет libicu72 полностью");
    impl_->collator->setStrength(strength == Strength::primary     ? icu::Collator::PRIMARY
                                 : strength == Strength::secondary ? icu::Collator::SECONDARY
                                                                   : icu::Collator::TERTIARY);
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::compare(std::string_view x, std::string_view y) const {
    if (x.size() > INT32_MAX || y.size() > INT32_MAX) throw std::length_error("текст слишком длинный для сравнения");
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r =
        impl_->collator->compareUTF8(icu::StringPiece(x.data(), static_cast<int32_t>(x.size())),
                                     icu::StringPiece(y.data(), static_cast<int32_t>(y.size())), status);
    if (U_FAILURE(status)) throw DataError(std::string("сравнение строк по-русски не удалось: ") + u_errorName(status));
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::u32string folded(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
        icu::UnicodeString normalized = nfc->normalize(u, status);
        if (U_SUCCESS(status)) u = normalized;
    }
    u.toLower(icu::Locale("ru"));
    std::u32string out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out += static_cast<char32_t>(u.char32At(i));
    return out;
}

std::string to_utf8(std::u32string_view text) {
    return boost::locale::conv::utf_to_utf<char>(text.data(), text.data() + text.size());
}

int32_t next_char(std::string_view text, std::size_t& at) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    auto i = static_cast<int32_t>(std::min<std::size_t>(at, static_cast<std::size_t>(length)));
    if (i >= length) return -1;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    at = static_cast<std::size_t>(i);
    return c;
}

bool is_space(char32_t c) {
    // U+00A0 is White_Space already; named for the reader.
    return c == 0x00A0 || c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

}  // namespace prikaz::russian
