// The Russian filters of the template language (dates, deadlines, numbers,
// case, collation, names…), one table registered with the engine by
// template/filters.cpp.
#pragma once

#include "template/filters.hpp"

#include <span>

namespace prikaz::russian {

// Every Russian filter, in the order filter_names() lists them.
std::span<const expr::FilterSpec> filters();

}  // namespace prikaz::russian
