// How the Russian filters word their errors: "фильтр «date»: «15.11» — не дата…".
#pragma once

#include "../text.hpp"  // src/text.hpp, not russian/text.hpp next to this file
#include "template/filters.hpp"

#include <string>
#include <string_view>

namespace prikaz::russian {

// A value in a message: in «ёлочки», cut to 40 characters.
inline std::string quoted(std::string_view s) { return "«" + text::shorten(s, 40) + "»"; }

// The start of every message of filter c.
inline std::string head(const expr::FilterContext& c) { return "фильтр «" + std::string(c.name) + "»: "; }

}  // namespace prikaz::russian
