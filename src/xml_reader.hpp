// Safe reading of untrusted XML records: size cap, encoding checks, no DTD,
// no entities, no network, every failure a diagnostic with a position.
#pragma once

#include <prikaz/prikaz.hpp>

#include "xml.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace prikaz {

// A parsed record file with the bytes it came from (for columns of nodes).
struct XmlFile {
    std::string path;    // as shown in diagnostics
    std::string bytes;   // the file as read; empty for a record read from disk, whose lines are re-read for columns
    XmlDocPtr doc;
    std::vector<std::size_t> line_starts;  // byte offset of every line, for positions
    std::filesystem::path source;          // the file on disk, when `bytes` was let go
};

struct ReadResult {
    std::optional<XmlFile> file;  // empty when the file could not be read or parsed
    std::vector<Diagnostic> diagnostics;
};

// What the XML is for. A record's whitespace between elements means nothing and
// its tree is never changed, so it is kept compact; a document part keeps every space.
enum class XmlUse { document, record };

// Reads and parses one file. Missing or unreadable files are I/O diagnostics;
// everything else wrong with the bytes is a data diagnostic.
ReadResult read_xml_file(const std::filesystem::path& path, const Limits& limits, XmlUse use = XmlUse::document);

// Parses bytes already in memory; `display` names them in diagnostics.
ReadResult read_xml_bytes(std::string bytes, std::string display, const Limits& limits, XmlUse use = XmlUse::document);

// Line and column of an element's start tag: libxml2 keeps only the line.
Position position_of(const XmlFile& file, Node node);

}  // namespace prikaz
