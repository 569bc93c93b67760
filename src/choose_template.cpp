#include "choose_template.hpp"

namespace prikaz {

namespace fs = std::filesystem;

namespace {

// ГОСТ Р 7.0.97-2025 is in force from this day; orders dated earlier keep the 2016 layout.
constexpr std::string_view gost_2025_since = "2025-08-18";

// The format a template makes: .dotx gives .docx, .ott gives .odt.
std::optional<OutputFormat> template_format(const fs::path& templ) {
    const std::string ext = templ.extension().string();
    if (ext == ".docx" || ext == ".dotx") return OutputFormat::docx;
    if (ext == ".odt" || ext == ".ott") return OutputFormat::odt;
    return std::nullopt;
}

Diagnostic template_kind_error(const fs::path& templ, std::string message) {
    return {Severity::error, Category::template_, "template-kind", {templ.string(), 0, 0}, std::move(message)};
}

// An order fixing mentoring pairs has an appendix that is a registry of participants.
bool is_pairs_order(const Record& order, const RecordSet& set) {
    for (Node appendix : order.root().children()) {
        if (appendix.name() != "appendix" || !appendix.has_attr("record")) continue;
        auto target = set.ids.find(appendix.attr("record"));
        if (target != set.ids.end() && target->second.kind == IdTarget::Kind::record &&
            target->second.record->kind == RecordKind::registry)
            return true;
    }
    return false;
}

}  // namespace

std::string_view extension(OutputFormat format) {
    switch (format) {
        case OutputFormat::docx:
            return ".docx";
        case OutputFormat::odt:
            return ".odt";
        case OutputFormat::pdf:
            return ".pdf";
    }
    return ".docx";
}

std::optional<OutputFormat> output_format(const RenderOptions& options, std::vector<Diagnostic>& out) {
    std::optional<OutputFormat> format = options.format;
    if (options.template_path.empty()) return format.value_or(OutputFormat::docx);
    const fs::path& templ = options.template_path;
    std::optional<OutputFormat> made = template_format(templ);
    if (!made) {
        out.push_back(template_kind_error(templ, "шаблон должен быть .docx, .dotx, .odt или .ott"));
        return std::nullopt;
    }
    if (format && *format != OutputFormat::pdf && *format != *made) {
        out.push_back(template_kind_error(templ, "шаблон делает " + std::string(extension(*made)) +
                                                     ", а запрошен формат " +
                                                     std::string(extension(*format)).substr(1)));
        return std::nullopt;
    }
    if (format == OutputFormat::pdf && made != OutputFormat::docx) {
        out.push_back(template_kind_error(templ, "PDF делается из DOCX: укажите шаблон .docx или .dotx"));
        return std::nullopt;
    }
    return format.value_or(*made);
}

std::optional<std::string> template_name(const Record& record, const RecordSet& set) {
    switch (record.kind) {
        case RecordKind::roadmap:
            return "roadmap";
        case RecordKind::monitoring:
            return "note";
        case RecordKind::order: {
            if (is_pairs_order(record, set)) return "order-pairs";
            const std::string date = record.root().child("date").text();  // ISO: compares as text
            if (!date.empty() && date < gost_2025_since) return "order-2016";
            return "order";
        }
        case RecordKind::organization:
        case RecordKind::registry:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<fs::path> choose_template(const Record& record, const RecordSet& set, OutputFormat format,
                                        const RenderOptions& options, std::vector<Diagnostic>& out) {
    if (!options.template_path.empty()) return options.template_path;
    std::optional<std::string> name = template_name(record, set);
    if (!name) return std::nullopt;
    const OutputFormat source = format == OutputFormat::pdf ? OutputFormat::docx : format;
    const std::string folder = source == OutputFormat::odt ? "odt" : "docx";
    const fs::path dir = options.template_dir.empty() ? default_template_dir() : options.template_dir;
    fs::path templ = dir / folder / (*name + std::string(extension(source)));
    std::error_code ec;
    if (!fs::is_regular_file(templ, ec)) {
        out.push_back({Severity::error,
                       Category::io,
                       "template-missing",
                       {templ.string(), 0, 0},
                       "нет шаблона «" + *name + "» для записи " + record.file.path +
                           "; укажите папку шаблонов (--templates или PRIKAZ_TEMPLATES) или шаблон (-t)"});
        return std::nullopt;
    }
    return templ;
}

}  // namespace prikaz
