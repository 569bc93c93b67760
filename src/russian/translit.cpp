// Transliteration for file names. BGN/PCGN romanization is what Russian
// names look like in Latin on maps and passports; Latin-ASCII then folds
// the few diacritics it leaves (ë, ʹ) to plain letters.
#include "russian/translit.hpp"

#include "russian/text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <climits>
#include <stdexcept>

namespace prikaz::russian {

struct Transliterator::Impl {
    std::unique_ptr<icu::Transliterator> icu;
};

Transliterator::Transliterator() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->icu.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8("Russian-Latin/BGN; Latin-ASCII"),
                                                         UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !impl_->icu)
        throw DataError(std::string("в ICU нет правил транслитерации Russian-Latin/BGN (") + u_errorName(status) +
                        "): установите пакет libicu72 целиком");
}

Transliterator::~Transliterator() = default;

std::string Transliterator::operator()(std::string_view utf8) const {
    if (utf8.size() > INT32_MAX) throw std::length_error("текст длиннее 2 ГиБ");
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    impl_->icu->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace prikaz::russian
