// Cross-record rules: what no schema can say. Each rule id is listed in docs/rules.md.
#pragma once

#include <prikaz/prikaz.hpp>

#include "records.hpp"

#include <vector>

namespace prikaz {

// Runs every rule over the valid records of the set.
std::vector<Diagnostic> apply_rules(const RecordSet& set);

// The numeric components of a number as written: "Этап 1." → {1}, "1.5" → {1, 5}; empty when there are none.
std::vector<int> number_components(std::string_view written);

}  // namespace prikaz
