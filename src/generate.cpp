// The main job: record → checked → merged into its template → published.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <prikaz/prikaz.hpp>
#include <set>
#include <sstream>

#include "choose_template.hpp"
#include "output.hpp"
#include "pdf.hpp"
#include "records.hpp"
#include "rules.hpp"
#include "schema.hpp"
#include "template/merge.hpp"

namespace prikaz {

namespace fs = std::filesystem;

namespace {

Diagnostic io_error(std::string rule, const fs::path& file, std::string message) {
    return {Severity::error, Category::io, std::move(rule), {file.string(), 0, 0}, std::move(message)};
}

// Everything one call works on: the loaded records, checked together.
struct Loaded {
    LoadResult result;
    std::vector<Diagnostic> diagnostics;  // loading and rules, of every file
};

Loaded load(const fs::path& path, const RecordSchema& schema, const Limits& limits) {
    Loaded l{load_records({path}, schema, limits), {}};
    l.diagnostics = std::move(l.result.diagnostics);
    auto rules = apply_rules(l.result.set);
    l.diagnostics.insert(l.diagnostics.end(), rules.begin(), rules.end());
    return l;
}

// Merges one checked record into its template; nothing when the target exists already.
std::optional<Package> merge_one(const Record& record, const RecordSet& set, const fs::path& templ,
                                 const fs::path& target, const RenderOptions& options, std::vector<Diagnostic>& out) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) {
        // The same refusal as publish() gives, before any work is done.
        out.push_back(io_error("would-overwrite", target,
                               "файл уже есть; prikaz не перезаписывает документы: укажите другое имя в -o"));
        return std::nullopt;
    }
    MergeOptions merge_options;
    merge_options.xml = options.limits;
    merge_options.typograph = options.typograph;
    const std::size_t before = out.size();
    std::optional<Package> rendered = merge(templ, record, set, merge_options, out);
    // The template's messages name the template and its paragraph; say which record it was filled with.
    for (std::size_t i = before; i < out.size(); ++i)
        if (out[i].category == Category::data)
            out[i].message += " (запись " + record.file.path + ", шаблон " + templ.string() + ")";
    return rendered;
}

// Writes a merged package to `target`, through LibreOffice for PDF.
void publish_one(const Package& rendered, OutputFormat format, const fs::path& target,
                 const std::optional<fs::path>& soffice, RenderResult& result) {
    std::string bytes = write_package(rendered);
    if (format == OutputFormat::pdf) {
        std::optional<std::string> pdf = to_pdf(*soffice, bytes, target, result.diagnostics);
        if (!pdf) return;
        bytes = std::move(*pdf);
    }
    auto published = publish(target, bytes);
    if (published.empty()) result.written.push_back(target);
    result.diagnostics.insert(result.diagnostics.end(), published.begin(), published.end());
}

// The files that have errors, as canonical paths: their records give no document.
std::set<fs::path> files_with_errors(const std::vector<Diagnostic>& diagnostics) {
    std::set<fs::path> files;
    std::error_code ec;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::error) files.insert(fs::weakly_canonical(d.where.file, ec));
    return files;
}

}  // namespace

std::filesystem::path default_template_dir() {
    if (const char* env = std::getenv("PRIKAZ_TEMPLATES"); env && *env) return env;
#ifdef PRIKAZ_TEMPLATE_DIR
    return PRIKAZ_TEMPLATE_DIR;
#else
    return fs::path(PRIKAZ_SCHEMA_DIR).parent_path() / "templates";  // beside the schemas
#endif
}

std::optional<OutputFormat> parse_format(std::string_view name) {
    if (name == "docx") return OutputFormat::docx;
    if (name == "odt") return OutputFormat::odt;
    if (name == "pdf") return OutputFormat::pdf;
    return std::nullopt;
}

RenderResult render_documents(const std::filesystem::path& input, const RenderOptions& options) {
    RenderResult result;
    auto& out = result.diagnostics;
    std::error_code ec;
    const bool folder = fs::is_directory(input, ec);
    if (!folder && !fs::is_regular_file(input, ec)) {
        out.push_back({Severity::error,
                       Category::io,
                       "file-missing",
                       {input.string(), 0, 0},
                       "файл или папка записей не найдены; проверьте путь"});
        return result;
    }
    const std::optional<OutputFormat> format = output_format(options, out);
    if (!format) return result;
    std::optional<fs::path> soffice;
    if (*format == OutputFormat::pdf) {
        soffice = find_program("soffice");
        if (!soffice) {
            out.push_back(io_error("no-libreoffice", input, std::string(no_libreoffice)));
            return result;
        }
    }

    RecordSchema schema(options.schema_dir.empty() ? default_schema_dir() : options.schema_dir);
    if (!folder) {
        // The record's folder is loaded too, so that its references resolve; only
        // the record's own problems are reported.
        Loaded loaded = load(input.has_parent_path() ? input.parent_path() : fs::path("."), schema, options.limits);
        const fs::path canonical = fs::weakly_canonical(input, ec);
        const Record* record = nullptr;
        for (const Record& r : loaded.result.set.records)
            if (fs::weakly_canonical(r.file.path, ec) == canonical) record = &r;
        for (Diagnostic& d : loaded.diagnostics)
            if (fs::weakly_canonical(d.where.file, ec) == canonical) out.push_back(std::move(d));
        if (!record || exit_code(out) != ExitCode::ok) {
            if (out.empty())
                out.push_back({Severity::error,
                               Category::data,
                               "not-a-record",
                               {input.string(), 0, 0},
                               "файл не удалось прочитать как запись"});
            return result;
        }
        std::optional<fs::path> templ = choose_template(*record, loaded.result.set, *format, options, out);
        if (!templ) {
            if (out.empty() || exit_code(out) == ExitCode::ok)
                out.push_back({Severity::error,
                               Category::data,
                               "not-a-document",
                               {input.string(), 0, 0},
                               "запись вида «" + std::string(to_string(record->kind)) +
                                   "» — не документ: для неё нет шаблона; укажите шаблон (-t)"});
            return result;
        }
        const fs::path target =
            options.output.empty() ? fs::path(record->id + std::string(extension(*format))) : options.output;
        // The checks are done: line starts were kept only to place diagnostics.
        for (Record& r : loaded.result.set.records) std::vector<std::size_t>().swap(r.file.line_starts);
        std::optional<Package> rendered = merge_one(*record, loaded.result.set, *templ, target, options, out);
        if (!rendered) return result;
        loaded = {};  // the records' trees are the larger part of the memory; the archive needs none of it
        publish_one(*rendered, *format, target, soffice, result);
        return result;
    }

    // A folder: every record is checked with the others (references), and every
    // document among them goes to OUT/<its folder relative to the input>/<id>.<ext>.
    Loaded loaded = load(input, schema, options.limits);
    out = std::move(loaded.diagnostics);
    const fs::path out_dir = options.output.empty() ? fs::path(".") : options.output;
    const std::set<fs::path> broken = files_with_errors(out);
    for (const Record& record : loaded.result.set.records) {
        if (!record.valid || broken.count(fs::weakly_canonical(record.file.path, ec))) continue;
        if (options.template_path.empty() && !template_name(record, loaded.result.set)) continue;
        std::optional<fs::path> templ = choose_template(record, loaded.result.set, *format, options, out);
        if (!templ) continue;
        const fs::path relative = fs::relative(fs::path(record.file.path).parent_path(), input, ec);
        const fs::path dir = ec || relative.empty() || relative == "." ? out_dir : out_dir / relative;
        fs::create_directories(dir, ec);
        if (ec) {
            out.push_back(io_error("output-folder", dir, "не удалось создать папку: " + ec.message()));
            continue;
        }
        const fs::path target = dir / (record.id + std::string(extension(*format)));
        if (std::optional<Package> rendered = merge_one(record, loaded.result.set, *templ, target, options, out))
            publish_one(*rendered, *format, target, soffice, result);
    }
    return result;
}

std::vector<Diagnostic> render(const std::filesystem::path& record_path, const RenderOptions& options) {
    return render_documents(record_path, options).diagnostics;
}

}  // namespace prikaz
