// How every command prints its diagnostics.
#pragma once

#include <iostream>
#include <prikaz/prikaz.hpp>
#include <vector>

namespace prikaz {

// Prints the diagnostics and a summary line; returns the exit code they call for.
inline int report(const std::vector<Diagnostic>& diagnostics) {
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
        std::cout << format(d) << '\n';
        (d.severity == Severity::error ? errors : warnings)++;
    }
    std::cout << "Итог: ошибок — " << errors << ", предупреждений — " << warnings << ".\n";
    return static_cast<int>(exit_code(diagnostics));
}

}  // namespace prikaz
