// The main job: record → checked → merged into its template → published.
#include <prikaz/prikaz.hpp>

#include "output.hpp"
#include "records.hpp"
#include "rules.hpp"
#include "schema.hpp"
#include "template/merge.hpp"

#include <algorithm>

namespace prikaz {

std::vector<Diagnostic> render(const std::filesystem::path& record_path, const RenderOptions& options) {
    std::vector<Diagnostic> out;
    RecordSchema schema(options.schema_dir.empty() ? default_schema_dir() : options.schema_dir);

    // The record's folder is loaded too, so that its references resolve; only
    // the record's own problems are reported.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(record_path, ec)) {
        out.push_back({Severity::error, Category::io, "file-missing", {record_path.string(), 0, 0},
                       "файл записи не найден; проверьте путь"});
        return out;
    }
    const std::filesystem::path folder = record_path.has_parent_path() ? record_path.parent_path() : ".";
    LoadResult loaded = load_records({folder}, schema, options.limits);
    const auto canonical = std::filesystem::weakly_canonical(record_path, ec);
    const Record* record = nullptr;
    for (const Record& r : loaded.set.records)
        if (std::filesystem::weakly_canonical(r.file.path, ec) == canonical) record = &r;
    std::vector<Diagnostic> all = std::move(loaded.diagnostics);
    auto rules = apply_rules(loaded.set);
    all.insert(all.end(), rules.begin(), rules.end());
    for (Diagnostic& d : all)
        if (std::filesystem::weakly_canonical(d.where.file, ec) == canonical) out.push_back(std::move(d));
    if (!record || exit_code(out) != ExitCode::ok) {
        if (out.empty())
            out.push_back({Severity::error, Category::data, "not-a-record", {record_path.string(), 0, 0},
                           "файл не удалось прочитать как запись"});
        return out;
    }

    // The checks are done: line starts were kept only to place diagnostics (the
    // raw bytes of a record are let go right after parsing, in read_xml_file).
    for (Record& r : loaded.set.records) std::vector<std::size_t>().swap(r.file.line_starts);

    MergeOptions merge_options;
    merge_options.xml = options.limits;
    std::optional<Package> rendered = merge(options.template_path, *record, merge_options, out);
    if (!rendered) return out;
    loaded = {};  // the records' trees are the larger part of the memory; the archive needs none of it
    auto published = publish(options.output, write_package(*rendered));
    out.insert(out.end(), published.begin(), published.end());
    return out;
}

}  // namespace prikaz
