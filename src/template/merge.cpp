#include "template/merge.hpp"

#include "russian/text.hpp"
#include "template/chart.hpp"
#include "template/deflate.hpp"
#include "template/expr.hpp"
#include "template/format.hpp"
#include "template/parse.hpp"
#include "template/render.hpp"
#include "template/scan.hpp"
#include "text.hpp"
#include "xml_reader.hpp"

#include <functional>
#include <memory>

namespace prikaz {

namespace {

struct PreparedPart {
    std::string name;
    ScannedPart scanned;
    Program program;
};

// DOCX has [Content_Types].xml; ODT a mimetype entry.
const Format* format_of(const Package& package) {
    if (package.find("[Content_Types].xml")) return &docx_format();
    if (package.find("mimetype")) return &odt_format();
    return nullptr;
}

// A .dotx or .ott template makes a document, not another template.
void make_document(Package& package, const Format& format) {
    for (const char* name : {"[Content_Types].xml", "mimetype", "META-INF/manifest.xml"}) {
        PackageEntry* entry = package.find(name);
        if (!entry) continue;
        for (auto at = entry->data.find(format.template_type); at != std::string::npos;
             at = entry->data.find(format.template_type, at))
            entry->data.replace(at, format.template_type.size(), format.document_type);
    }
}

// The text of the template's custom property `name`; nullopt when it has none.
std::optional<std::string> template_property(const Package& package, const Format& format, std::string_view name,
                                             const std::string& where, const Limits& limits) {
    const PackageEntry* entry = package.find(format.properties_part);
    if (!entry) return std::nullopt;
    ReadResult read = read_xml_bytes(entry->data, where, limits);
    if (!read.file) return std::nullopt;  // a broken properties part holds no settings
    auto is = [](const xmlNode* n, QName q) {
        return n->type == XML_ELEMENT_NODE && as_view(n->name) == q.local && n->ns && as_view(n->ns->href) == q.ns;
    };
    auto name_of = [&](xmlNode* n) {
        const QName q = format.property_name;
        XmlChars value(q.ns.empty() ? xmlGetNoNsProp(n, BAD_CAST std::string(q.local).c_str())
                                    : xmlGetNsProp(n, BAD_CAST std::string(q.local).c_str(), BAD_CAST std::string(q.ns).c_str()));
        return value ? std::string(as_view(value.get())) : std::string();
    };
    // Depth first, document order: DOCX keeps properties under the root, ODT one level deeper.
    std::function<xmlNode*(xmlNode*)> find = [&](xmlNode* parent) -> xmlNode* {
        for (xmlNode* n = parent->children; n; n = n->next) {
            if (is(n, format.property) && name_of(n) == name) return n;
            if (xmlNode* deeper = find(n)) return deeper;
        }
        return nullptr;
    };
    if (xmlNode* property = find(xmlDocGetRootElement(read.file->doc.get()))) {
        XmlChars text(xmlNodeGetContent(property));
        return text::trim(as_view(text.get()));
    }
    return std::nullopt;
}

// Whether printed values go through the typograph: the run's choice, then the
// template's. A value other than yes or no is a template error.
bool typograph_wanted(const Package& package, const Format& format, const std::filesystem::path& template_path,
                      const MergeOptions& options, std::vector<Diagnostic>& out) {
    const std::string where = template_path.string() + ":" + std::string(format.properties_part);
    const std::optional<std::string> value = template_property(package, format, "prikaz-typograph", where, options.xml);
    if (!value) return options.typograph;
    const std::string v = russian::lower(*value);
    for (std::string_view no : {"нет", "no", "false", "off", "0"})
        if (v == no) return false;
    for (std::string_view yes : {"да", "yes", "true", "on", "1"})
        if (v == yes) return options.typograph;
    out.push_back({Severity::error, Category::template_, "template-property", {where, 0, 0},
                   "свойство шаблона «prikaz-typograph» = «" + *value + "»: напишите «да» или «нет»"});
    return options.typograph;
}

}  // namespace

std::optional<Package> merge(const std::filesystem::path& template_path, const Record& record, const RecordSet& records,
                             const MergeOptions& options, std::vector<Diagnostic>& out) {
    const std::size_t errors_before = out.size();
    std::optional<Package> package = read_package(template_path, options.package, out);
    if (!package) return std::nullopt;
    const Format* format = format_of(*package);
    if (!format) {
        out.push_back({Severity::error, Category::template_, "template-format", {template_path.string(), 0, 0},
                       "это не шаблон DOCX или ODT: в архиве нет ни [Content_Types].xml, ни mimetype"});
        return std::nullopt;
    }

    // All template errors are found before anything is rendered.
    const bool typograph = typograph_wanted(*package, *format, template_path, options, out);
    expr::Scope scope;
    Node root = record.root();
    scope.set(std::string(root.name()), expr::Value::Nodes{root.raw()});
    scope.set("record", expr::Value::Nodes{root.raw()});
    scope.set_resolver([&records](std::string_view id) -> xmlNode* {
        auto found = records.ids.find(std::string(id));
        return found == records.ids.end() ? nullptr : found->second.node.raw();
    });
    // Charts first: their descriptions are rendered into the chart parts and
    // replaced with plain text before the main part is scanned.
    fill_charts(*package, *format, template_path.string(), {scope, options.xml, typograph}, out);
    std::vector<PreparedPart> parts;
    for (const PackageEntry& entry : package->entries) {
        if (!format->holds_text(entry.name)) continue;
        const std::string where = template_path.string() + ":" + entry.name;
        ReadResult read = read_xml_bytes(entry.data, where, options.xml);
        for (Diagnostic& d : read.diagnostics) d.category = Category::template_;
        out.insert(out.end(), read.diagnostics.begin(), read.diagnostics.end());
        if (!read.file) continue;
        ScannedPart scanned = scan_part(*read.file, *format, where, out);
        if (scanned.tags.empty()) continue;  // copied through unchanged
        Program program = parse_part(scanned, where, out);
        parts.push_back({entry.name, std::move(scanned), std::move(program)});
    }
    if (out.size() > errors_before) return std::nullopt;

    for (const PreparedPart& part : parts) {
        const std::string where = template_path.string() + ":" + part.name;
        // Deflated as it is rendered: the expanded part is never kept whole.
        DeflateStream stream;
        render_part_to([&stream](std::string& chunk) { stream.write(chunk); }, part.scanned, part.program, *format,
                       scope, where, out, typograph);
        PackageEntry* entry = package->find(part.name);
        entry->data.clear();
        entry->data.shrink_to_fit();
        Deflated deflated = stream.finish();
        deflated.bytes.shrink_to_fit();
        entry->deflated = std::make_shared<const Deflated>(std::move(deflated));
    }
    if (out.size() > errors_before) return std::nullopt;
    make_document(*package, *format);
    return package;
}

}  // namespace prikaz
