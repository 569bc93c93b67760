#include <prikaz/prikaz.hpp>

#include <algorithm>

namespace prikaz {

std::string format(const Diagnostic& d) {
    std::string out = d.where.file;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += d.severity == Severity::error ? ": error[" : ": warning[";
    out += d.rule;
    out += "]: ";
    out += d.message;
    return out;
}

namespace {
int gravity(Category c) {
    switch (c) {
        case Category::data: return 1;
        case Category::template_: return 2;
        case Category::io: return 3;
        case Category::internal: return 4;
    }
    return 4;
}

ExitCode code_of(Category c) {
    switch (c) {
        case Category::data: return ExitCode::data;
        case Category::template_: return ExitCode::template_;
        case Category::io: return ExitCode::io;
        case Category::internal: return ExitCode::internal;
    }
    return ExitCode::internal;
}
}  // namespace

ExitCode exit_code(const std::vector<Diagnostic>& diagnostics) {
    int worst = 0;
    Category category = Category::data;
    for (const auto& d : diagnostics) {
        if (d.severity != Severity::error) continue;
        if (gravity(d.category) > worst) {
            worst = gravity(d.category);
            category = d.category;
        }
    }
    return worst == 0 ? ExitCode::ok : code_of(category);
}

}  // namespace prikaz
