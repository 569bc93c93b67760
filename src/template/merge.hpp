// Merging a record into a template: package in → parts scanned, parsed and
// rendered. The one entry point of the template engine; write_package makes the archive.
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
    // Printed values go through the typograph unless this is off or the template
    // says no in its custom property "prikaz-typograph" (docs/templates.md).
    bool typograph = true;
};

// Merges `record` into the template; returns the rendered package (its parts
// deflated already, so the record may be freed before the archive is written),
// or nullopt when the template or the data has errors (all of them in `out`).
// References in the record (ids of people, organizations, other records) are
// followed into `records`, the records loaded with it.
std::optional<Package> merge(const std::filesystem::path& template_path, const Record& record, const RecordSet& records,
                             const MergeOptions& options, std::vector<Diagnostic>& out);

}  // namespace prikaz
