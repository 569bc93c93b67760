// The filters of the template language as a table: name → argument counts and
// a function. A filter is added by adding a row; the parser checks names and
// argument counts against the table, the evaluator only calls the function.
#pragma once

#include "template/expr.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz::expr {

// What a filter sees when it runs.
struct FilterContext {
    std::string_view name;  // the filter's name, for messages
    Value input;            // the value on the left of "|"
    // When the filter comes straight after a path whose last step lands on
    // attributes: that attribute of every node (what join joins). Empty otherwise.
    std::span<const std::string> attributes;
    std::size_t arg_count = 0;
    // Evaluates argument i (from 0). Arguments are evaluated only when asked
    // for: default must not evaluate its fallback when the value is there.
    std::function<Value(std::size_t)> evaluate_arg;
    const Scope* scope = nullptr;  // where references between records are resolved (ref)

    Value arg(std::size_t i) const { return evaluate_arg(i); }
    // Argument i as text, or `fallback` when fewer arguments were given.
    std::string arg_text(std::size_t i, std::string_view fallback = {}) const {
        return i < arg_count ? arg(i).to_text() : std::string(fallback);
    }
};

using FilterFunction = Value (*)(const FilterContext&);

// One row of the table.
struct FilterSpec {
    std::string_view name;
    std::size_t min_args = 0;
    std::size_t max_args = 0;
    FilterFunction apply = nullptr;
};

// The filter of this name: the engine's own (default, upper, lower, join) and
// the Russian ones (russian::filters()); nullptr for an unknown name.
const FilterSpec* find_filter(std::string_view name);

// What the parser says when a filter gets the wrong number of arguments;
// empty when `count` fits.
std::string argument_count_error(const FilterSpec& filter, std::size_t count);

}  // namespace prikaz::expr
