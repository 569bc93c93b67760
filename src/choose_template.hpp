// Which template and which output format a record gets (templates/README.md has the rule).
#pragma once

#include <filesystem>
#include <optional>
#include <prikaz/prikaz.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "records.hpp"

namespace prikaz {

// ".docx", ".odt" or ".pdf".
std::string_view extension(OutputFormat format);

// The format the run makes: asked for, or the one -t makes, or DOCX; nothing (with the
// reason in `out`) when -t and --format disagree.
std::optional<OutputFormat> output_format(const RenderOptions& options, std::vector<Diagnostic>& out);

// The template's name for a record's kind; nothing for records that are not documents
// (organizations, registries).
std::optional<std::string> template_name(const Record& record, const RecordSet& set);

// The template for a record: -t as given, or by its kind from the templates folder;
// nothing when the record is not a document or the template is missing (said in `out`).
std::optional<std::filesystem::path> choose_template(const Record& record, const RecordSet& set,
                                                     OutputFormat format, const RenderOptions& options,
                                                     std::vector<Diagnostic>& out);

}  // namespace prikaz
