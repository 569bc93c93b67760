// Loading records: files and folders → parsed, schema-checked records with an id index.
#pragma once

#include <prikaz/prikaz.hpp>

#include "schema.hpp"
#include "xml_reader.hpp"

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace prikaz {

inline constexpr std::string_view records_namespace = "urn:prikaz:records";

enum class RecordKind { organization, order, roadmap, registry, monitoring };

std::string_view to_string(RecordKind kind);

struct Record {
    XmlFile file;
    RecordKind kind;
    std::string id;
    bool valid = false;  // passed the schema; the rules look only at valid records

    Node root() const { return Node(xmlDocGetRootElement(file.doc.get())); }
};

// What an id names: a record (organizations are records too) or a person.
struct IdTarget {
    enum class Kind { record, person } kind;
    const Record* record;  // the record that defines it
    Node node;             // the defining element
};

struct RecordSet {
    std::vector<Record> records;
    std::unordered_map<std::string, IdTarget> ids;
};

struct LoadResult {
    RecordSet set;
    std::vector<Diagnostic> diagnostics;
};

// Expands folders (recursively, *.xml, in name order), reads, checks the root
// element and the schema, and indexes ids. Duplicate ids are reported here.
LoadResult load_records(const std::vector<std::filesystem::path>& paths, const RecordSchema& schema, const Limits& limits);

}  // namespace prikaz
