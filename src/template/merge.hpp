// Merging a record into a template: package in → parts scanned, parsed and
// rendered → package out. The one entry point of the template engine.
#pragma once

#include <prikaz/prikaz.hpp>

#include "records.hpp"
#include "template/package.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace prikaz {

struct MergeOptions {
    PackageLimits package;
    Limits xml;  // for each XML part of the template
};

// Merges `record` into the template; returns the output archive, or nullopt
// when the template or the data has errors (all of them in `out`).
std::optional<std::string> merge(const std::filesystem::path& template_path, const Record& record,
                                 const MergeOptions& options, std::vector<Diagnostic>& out);

}  // namespace prikaz
