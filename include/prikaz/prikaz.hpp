// prikaz: Russian official documents (orders, roadmaps, analytic notes) from XML records.
// The one public header of the core library.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz {

enum class Severity { warning, error };

// What kind of failure a diagnostic reports; decides the exit code.
enum class Category { data, template_, io, internal };

// Where a diagnostic points: a file and, when known, a 1-based line and column.
struct Position {
    std::string file;
    int line = 0;
    int column = 0;
};

// One problem found in the input: stable rule id, place, message in Russian.
struct Diagnostic {
    Severity severity = Severity::error;
    Category category = Category::data;
    std::string rule;  // e.g. "duplicate-number"; listed in docs/rules.md
    Position where;
    std::string message;
};

// "file:line:col: error[rule]: message"
std::string format(const Diagnostic& diagnostic);

// Exit codes, the same for every command (README lists them).
enum class ExitCode : int {
    ok = 0,         // warnings allowed
    usage = 2,      // wrong command line
    data = 3,       // the records have errors
    template_ = 4,  // the template has errors
    io = 5,         // missing or unreadable file, refusal to overwrite
    internal = 70,  // a bug in prikaz
};

// The exit code a set of diagnostics calls for: the gravest error category wins.
ExitCode exit_code(const std::vector<Diagnostic>& diagnostics);

// Limits that keep hostile or broken input from exhausting the machine.
struct Limits {
    std::size_t max_file_bytes = 64u << 20;  // a record file
    std::size_t max_elements = 2'000'000;    // elements in one record
    std::size_t max_value_bytes = 1u << 20;  // one text or attribute value
};

struct CheckOptions {
    std::filesystem::path schema_dir;  // holds records.xsd
    Limits limits;
};

// Checks record files and folders (recursively, *.xml): well-formedness, the
// record schemas, and the cross-record rules. All problems are returned, in
// file order; none stops the others.
std::vector<Diagnostic> check(const std::vector<std::filesystem::path>& paths, const CheckOptions& options);

// The program's own files (the record schemas) are missing or broken: an installation problem.
struct SetupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What a document is saved as; PDF is printed from the DOCX by LibreOffice.
enum class OutputFormat { docx, odt, pdf };

// "docx", "odt", "pdf"; nothing for another name.
std::optional<OutputFormat> parse_format(std::string_view name);

struct RenderOptions {
    std::filesystem::path template_path;  // .docx, .dotx, .odt, .ott; empty: chosen by the record's kind
    std::filesystem::path template_dir;   // holds docx/ and odt/; empty: default_template_dir()
    std::optional<OutputFormat> format;   // empty: what the template makes, DOCX without one
    // A new file for one record (empty: <record id>.<ext> in the current folder),
    // the output folder for a folder of records (empty: the current folder).
    // An existing file is never replaced.
    std::filesystem::path output;
    std::filesystem::path schema_dir;  // empty: default_schema_dir()
    Limits limits;
    // Printed values through the typograph (quotes, dashes, no-break spaces); off to
    // reproduce a document letter for letter. A template may switch it off too.
    bool typograph = true;
};

struct RenderResult {
    std::vector<Diagnostic> diagnostics;
    std::vector<std::filesystem::path> written;  // the documents made, in record order
};

// Makes documents from a record or from every document record of a folder
// (orders, roadmaps, monitoring data; organizations and registries are not
// documents). A folder's records are checked together; a record's own folder
// is read too, so that references to other records resolve. A record with
// errors gives no document; the others still do.
RenderResult render_documents(const std::filesystem::path& input, const RenderOptions& options);

// render_documents for one record; the diagnostics only.
std::vector<Diagnostic> render(const std::filesystem::path& record, const RenderOptions& options);

// Templates folder used when none is given: $PRIKAZ_TEMPLATES, else the one beside the built-in schemas.
std::filesystem::path default_template_dir();

// Schema directory used when none is given: $PRIKAZ_SCHEMAS, else the one the program was built with.
std::filesystem::path default_schema_dir();

}  // namespace prikaz
