// The archive's failures: typed, with the place (a file of the archive or a record) and a Russian message.
#pragma once

#include <prikaz/prikaz.hpp>

#include <stdexcept>
#include <string>

namespace prikaz::archive {

// Thrown where the archive cannot go on (the journal cannot be opened, the
// folder is read-only); the caller turns it into one diagnostic.
struct ArchiveError : std::runtime_error {
    ArchiveError(Category category_, std::string rule_, std::string where_, const std::string& message)
        : std::runtime_error(message), category(category_), rule(std::move(rule_)), where(std::move(where_)) {}

    Category category;
    std::string rule;   // as in docs/archive.md, e.g. "journal-corrupt"
    std::string where;  // the file it is about

    Diagnostic diagnostic() const { return {Severity::error, category, rule, {where, 0, 0}, what()}; }
};

}  // namespace prikaz::archive
