// The record schemas (schemas/records.xsd), compiled once and used to validate every record.
#pragma once

#include <prikaz/prikaz.hpp>

#include "xml_reader.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace prikaz {

class RecordSchema {
public:
    // Compiles <dir>/records.xsd. Throws SetupError when it cannot.
    explicit RecordSchema(const std::filesystem::path& dir);
    ~RecordSchema();
    RecordSchema(const RecordSchema&) = delete;
    RecordSchema& operator=(const RecordSchema&) = delete;

    // Validates a parsed record; every violation becomes a diagnostic in Russian.
    std::vector<Diagnostic> validate(const XmlFile& file) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Lets libxml2 read schema files from a folder (its entity loader is
// process-wide and refuses every other file); for official schemas in tests.
void allow_schema_folder(const std::filesystem::path& dir);

}  // namespace prikaz
