// The check stage: records → schema → rules → sorted diagnostics.
#include <prikaz/prikaz.hpp>

#include "records.hpp"
#include "rules.hpp"
#include "schema.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace prikaz {

std::filesystem::path default_schema_dir() {
    if (const char* env = std::getenv("PRIKAZ_SCHEMAS"); env && *env) return env;
    return PRIKAZ_SCHEMA_DIR;
}

std::vector<Diagnostic> check(const std::vector<std::filesystem::path>& paths, const CheckOptions& options) {
    RecordSchema schema(options.schema_dir.empty() ? default_schema_dir() : options.schema_dir);
    LoadResult loaded = load_records(paths, schema, options.limits);
    std::vector<Diagnostic> all = std::move(loaded.diagnostics);
    auto rules = apply_rules(loaded.set);
    all.insert(all.end(), rules.begin(), rules.end());

    // Report file by file in the order the files were read, then by place.
    std::unordered_map<std::string, std::size_t> order;
    for (const auto& d : all) order.emplace(d.where.file, order.size());
    std::stable_sort(all.begin(), all.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        auto fa = order[a.where.file], fb = order[b.where.file];
        if (fa != fb) return fa < fb;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    return all;
}

}  // namespace prikaz
