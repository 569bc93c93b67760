// Writing documents: to a temporary name beside the target, flushed, then
// published under the final name without ever replacing an existing file.
#pragma once

#include <prikaz/prikaz.hpp>

#include <filesystem>
#include <string_view>
#include <vector>

namespace prikaz {

// Publishes bytes as a new file. On any failure nothing is left under either
// name and the problem is an I/O diagnostic; an existing target is refused.
std::vector<Diagnostic> publish(const std::filesystem::path& target, std::string_view bytes);

}  // namespace prikaz
