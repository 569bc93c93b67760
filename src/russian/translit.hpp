// Russian text in Latin letters, for file names: ICU's "Russian-Latin/BGN; Latin-ASCII".
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace prikaz::russian {

// Built once per use site (building it reads ICU rule data); read-only afterwards.
class Transliterator {
public:
    // Throws DataError (russian/text.hpp) when ICU lacks the rules.
    Transliterator();
    ~Transliterator();
    Transliterator(const Transliterator&) = delete;
    Transliterator& operator=(const Transliterator&) = delete;

    // "О закреплении пар" → "O zakreplenii par"; ASCII only in the result.
    std::string operator()(std::string_view utf8) const;

private:
    struct Impl;  // the ICU object, kept out of this header
    std::unique_ptr<Impl> impl_;
};

}  // namespace prikaz::russian
