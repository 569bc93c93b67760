// The chart stage: charts whose description holds tags are filled with the
// table the description renders to (docs/templates.md, «Диаграммы»).
//
// DOCX: the description is wp:docPr/@descr of the drawing that holds c:chart;
// every c:ser of the chart part gets new c:cat and c:val caches, and the embedded
// workbook (c:externalData) is dropped with its relationship, part and content
// type: it would still hold the template's numbers, and Word shows those when the
// chart's data is edited. ODT: the description is the frame's svg:desc; the
// object's local table gets the new rows, the ranges of the plot area, the
// categories and the series are stretched to them, and the replacement picture
// (ObjectReplacements/…) is dropped so that no viewer shows the old numbers.
#include "template/chart.hpp"
#include "template/namespaces.hpp"

#include "template/parse.hpp"
#include "template/render.hpp"
#include "template/scan.hpp"
#include "text.hpp"
#include "xml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace prikaz {

namespace {

// ---------------------------------------------------------------- small tree helpers

bool is(const xmlNode* n, std::string_view ns, std::string_view local) {
    return n && n->type == XML_ELEMENT_NODE && as_view(n->name) == local && n->ns && as_view(n->ns->href) == ns;
}

void collect(xmlNode* parent, std::string_view ns, std::string_view local, std::vector<xmlNode*>& found) {
    for (xmlNode* n = parent ? parent->children : nullptr; n; n = n->next) {
        if (is(n, ns, local)) found.push_back(n);
        collect(n, ns, local, found);
    }
}

// Elements below `parent`, in document order.
std::vector<xmlNode*> descendants(xmlNode* parent, std::string_view ns, std::string_view local) {
    std::vector<xmlNode*> found;
    collect(parent, ns, local, found);
    return found;
}

xmlNode* descendant(xmlNode* parent, std::string_view ns, std::string_view local) {
    std::vector<xmlNode*> found = descendants(parent, ns, local);
    return found.empty() ? nullptr : found.front();
}

xmlNode* child(xmlNode* parent, std::string_view ns, std::string_view local) {
    for (xmlNode* n = parent ? parent->children : nullptr; n; n = n->next)
        if (is(n, ns, local)) return n;
    return nullptr;
}

// An attribute's value; `ns` empty for an attribute without a namespace.
std::string attr(xmlNode* n, std::string_view ns, const char* local) {
    XmlChars v(ns.empty() ? xmlGetNoNsProp(n, BAD_CAST local)
                          : xmlGetNsProp(n, BAD_CAST local, BAD_CAST std::string(ns).c_str()));
    return std::string(as_view(v.get()));
}

// The namespace `href` as declared in the document; declared on the root if it is not.
xmlNs* ns_of(xmlNode* at, std::string_view href, const char* prefix) {
    const std::string h(href);
    if (xmlNs* found = xmlSearchNsByHref(at->doc, at, BAD_CAST h.c_str())) return found;
    return xmlNewNs(xmlDocGetRootElement(at->doc), BAD_CAST h.c_str(), BAD_CAST prefix);
}

void set_attr(xmlNode* n, std::string_view ns, const char* prefix, const char* local, const std::string& value) {
    if (ns.empty())
        xmlSetProp(n, BAD_CAST local, BAD_CAST value.c_str());
    else
        xmlSetNsProp(n, ns_of(n, ns, prefix), BAD_CAST local, BAD_CAST value.c_str());
}

void remove(xmlNode* n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

// Replaces the text of an element, taken literally (no entity references).
void set_text(xmlNode* n, const std::string& text) {
    while (n->children) remove(n->children);
    xmlNodeAddContent(n, BAD_CAST text.c_str());
}

std::string dump(xmlDoc* doc) {
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(std::max(size, 0)));
    xmlFree(bytes);
    return out;
}

// ---------------------------------------------------------------- the table

bool starts_at(std::string_view s, std::size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Trims ASCII blanks and no-break spaces at both ends.
std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
        else if (starts_at(s, 0, "\xC2\xA0")) s.remove_prefix(2);
        else break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else break;
    }
    return s;
}

// "14.2", "14,2", "1 250,5" (spaces between digit groups), "−3" (a typographic minus).
std::optional<double> read_number(std::string_view s) {
    std::string t;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ') i += 1;
        else if (starts_at(s, i, "\xC2\xA0")) i += 2;                                        // no-break space
        else if (starts_at(s, i, "\xE2\x80\xAF") || starts_at(s, i, "\xE2\x80\x89")) i += 3;  // narrow, thin
        else if (starts_at(s, i, "\xE2\x88\x92")) t += '-', i += 3;                           // minus sign
        else t += s[i] == ',' ? '.' : s[i], i += 1;
    }
    if (t.empty() || t.find_first_not_of("0123456789.-eE") != std::string::npos) return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string number_text(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string fields_word(std::size_t n) {
    const std::size_t m10 = n % 10, m100 = n % 100;
    if (m10 == 1 && m100 != 11) return std::to_string(n) + " поле";
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return std::to_string(n) + " поля";
    return std::to_string(n) + " полей";
}

// The table as the description will read after rendering: one line per row.
std::string table_text(const std::vector<ChartRow>& rows) {
    std::string out;
    for (const ChartRow& row : rows) {
        if (!out.empty()) out += '\n';
        out += row.label;
        for (double v : row.values) out += "; " + number_text(v);
    }
    return out;
}

// ---------------------------------------------------------------- ranges

// "Sheet1!$A$2:$A$5" or "local-table.$B$2:.$B$5" made to span `rows` rows from
// the same first cell; nullopt if it is not a range of cells ("categories").
std::optional<std::string> stretch(std::string_view range, std::size_t rows) {
    const std::size_t colon = range.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    auto row_of = [](std::string_view cell, std::size_t& digits_at) -> std::optional<std::size_t> {
        std::size_t i = cell.size();
        while (i > 0 && cell[i - 1] >= '0' && cell[i - 1] <= '9') --i;
        if (i == cell.size() || i == 0 || !((cell[i - 1] >= 'A' && cell[i - 1] <= 'Z') || cell[i - 1] == '$'))
            return std::nullopt;
        digits_at = i;
        std::size_t row = 0;
        std::from_chars(cell.data() + i, cell.data() + cell.size(), row);
        return row;
    };
    std::size_t first_digits = 0, last_digits = 0;
    const std::string_view first = range.substr(0, colon), last = range.substr(colon + 1);
    const std::optional<std::size_t> start = row_of(first, first_digits);
    if (!start || !row_of(last, last_digits)) return std::nullopt;
    const std::size_t end = rows == 0 ? *start : *start + rows - 1;
    return std::string(range.substr(0, colon + 1 + last_digits)) + std::to_string(end);
}

// ---------------------------------------------------------------- the description

struct Rendered {
    bool tagged = false;              // the description holds tags
    std::optional<std::string> text;  // what it rendered to; none after an error
};

// The text of a rendered synthetic part: w:t texts, w:br as a line break, w:tab as a tab.
void rendered_text(xmlNode* parent, std::string& out) {
    for (xmlNode* n = parent->children; n; n = n->next) {
        if (is(n, ns::w, "t")) {
            XmlChars v(xmlNodeGetContent(n));
            out += as_view(v.get());
        } else if (is(n, ns::w, "br")) {
            out += '\n';
        } else if (is(n, ns::w, "tab")) {
            out += '\t';
        } else {
            rendered_text(n, out);
        }
    }
}

// Renders a description with the engine as a one-paragraph part: the same tags,
// filters and messages as in the document's text.
Rendered render_description(const std::string& source, const std::string& chart, const std::string& where,
                            const ChartOptions& options, std::vector<Diagnostic>& out) {
    Rendered result;
    if (source.find("{{") == std::string::npos && source.find("{%") == std::string::npos &&
        source.find("{#") == std::string::npos)
        return result;
    const std::size_t before = out.size();
    const std::string xml = "<w:document xmlns:w=\"" + std::string(ns::w) +
                            "\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">" + text::escaped_xml(source) +
                            "</w:t></w:r></w:p></w:body></w:document>";
    ReadResult read = read_xml_bytes(xml, where, options.xml);
    out.insert(out.end(), read.diagnostics.begin(), read.diagnostics.end());
    if (read.file) {
        ScannedPart scanned = scan_part(*read.file, docx_format(), where, out);
        result.tagged = !scanned.tags.empty();
        if (result.tagged) {
            Program program = parse_part(scanned, where, out);
            if (out.size() == before) {
                std::string rendered =
                    render_part(scanned, program, docx_format(), options.scope, where, out, options.typograph);
                if (out.size() == before) {
                    ReadResult back = read_xml_bytes(std::move(rendered), where, options.xml);
                    out.insert(out.end(), back.diagnostics.begin(), back.diagnostics.end());
                    if (back.file) {
                        std::string text;
                        rendered_text(xmlDocGetRootElement(back.file->doc.get()), text);
                        result.text = std::move(text);
                    }
                }
            }
        }
    } else {
        result.tagged = true;  // cannot tell; the error says why
    }
    for (std::size_t i = before; i < out.size(); ++i)
        out[i].message = "в описании диаграммы «" + chart + "»: " + out[i].message;
    return result;
}

// ---------------------------------------------------------------- parts

struct Part {
    std::optional<XmlFile> file;
    xmlNode* root() const { return xmlDocGetRootElement(file->doc.get()); }
};

Part read_part(const Package& package, const std::string& name, const std::string& template_name,
               const ChartOptions& options, std::vector<Diagnostic>& out) {
    const PackageEntry* entry = package.find(name);
    if (!entry) return {};
    ReadResult read = read_xml_bytes(entry->data, template_name + ":" + name, options.xml);
    for (Diagnostic& d : read.diagnostics) d.category = Category::template_;
    out.insert(out.end(), read.diagnostics.begin(), read.diagnostics.end());
    return {std::move(read.file)};
}

void write_part(Package& package, const std::string& name, const Part& part) {
    if (PackageEntry* entry = package.find(name)) entry->data = dump(part.file->doc.get());
}

void drop_entry(Package& package, const std::string& name) {
    auto& entries = package.entries;
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const PackageEntry& e) { return e.name == name; }),
                  entries.end());
}

// "word/charts/chart1.xml" → "word/charts/"
std::string folder_of(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// A relationship target resolved against the folder of its source part.
std::string resolve(const std::string& folder, std::string_view target) {
    if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
    std::vector<std::string> segments;
    std::string_view path = folder;
    std::string joined = std::string(path) + std::string(target);
    std::string_view rest = joined;
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.emplace_back(segment);
        }
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string rels_of(const std::string& part) {
    return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

class Charts {
public:
    Charts(Package& package, const std::string& template_name, const ChartOptions& options,
           std::vector<Diagnostic>& out)
        : package_(package), template_(template_name), options_(options), out_(out) {}

    void docx() {
        const std::string main = "word/document.xml";
        const PackageEntry* entry = package_.find(main);
        if (!entry || entry->data.find("descr=") == std::string::npos) return;
        where_ = template_ + ":" + main;
        Part doc = read_part(package_, main, template_, options_, out_);
        if (!doc.file) return;
        bool changed = false;
        for (xmlNode* pr : descendants(doc.root(), ns::wp, "docPr")) {
            const std::string name = attr(pr, "", "name");
            Rendered rendered = render_description(attr(pr, "", "descr"), name, where_, options_, out_);
            if (!rendered.tagged || !rendered.text) continue;
            xmlNode* chart = descendant(pr->parent, ns::c, "chart");
            if (!chart) {
                error(name, "теги в описании понимают только диаграммы, а это не диаграмма");
                continue;
            }
            const std::optional<std::string> part = target_of(main, attr(chart, ns::r, "id"));
            if (!part) {
                error(name, "часть документа с диаграммой не найдена; пересохраните шаблон");
                continue;
            }
            if (std::optional<std::string> text = fill_docx_chart(*part, name, *rendered.text)) {
                set_attr(pr, "", "", "descr", *text);
                changed = true;
            }
        }
        if (changed) write_part(package_, main, doc);
    }

    void odt() {
        const std::string main = "content.xml";
        const PackageEntry* entry = package_.find(main);
        if (!entry || entry->data.find("desc") == std::string::npos) return;
        where_ = template_ + ":" + main;
        Part doc = read_part(package_, main, template_, options_, out_);
        if (!doc.file) return;
        bool changed = false;
        for (xmlNode* frame : descendants(doc.root(), ns::draw, "frame")) {
            xmlNode* desc = child(frame, ns::svg, "desc");
            if (!desc) continue;
            const std::string name = attr(frame, ns::draw, "name");
            Rendered rendered = render_description(Node(desc).text(), name, where_, options_, out_);
            if (!rendered.tagged || !rendered.text) continue;
            xmlNode* object = child(frame, ns::draw, "object");
            std::string folder = object ? attr(object, ns::xlink, "href") : std::string();
            if (folder.rfind("./", 0) == 0) folder.erase(0, 2);
            while (!folder.empty() && folder.back() == '/') folder.pop_back();
            if (folder.empty() || !package_.find(folder + "/content.xml")) {
                error(name, "теги в описании понимают только диаграммы, а это не диаграмма");
                continue;
            }
            std::optional<std::string> text = fill_odt_chart(folder + "/content.xml", name, *rendered.text);
            if (!text) continue;
            set_text(desc, *text);
            // The picture LibreOffice shows until it redraws the object holds the old numbers.
            for (xmlNode* image = child(frame, ns::draw, "image"); image; image = child(frame, ns::draw, "image")) {
                std::string href = attr(image, ns::xlink, "href");
                if (href.rfind("./", 0) == 0) href.erase(0, 2);
                drop_entry(package_, href);
                stale_.push_back(href);
                remove(image);
            }
            changed = true;
        }
        if (changed) write_part(package_, main, doc);
        if (!stale_.empty()) drop_from_manifest();
    }

private:
    void error(const std::string& chart, const std::string& message) {
        out_.push_back({Severity::error, Category::template_, "chart-data", {where_, 0, 0},
                        "диаграмма «" + chart + "»: " + message});
    }

    // Reads the rendered table; an error names the chart.
    std::optional<std::vector<ChartRow>> table(const std::string& chart, const std::string& text, std::size_t series) {
        auto read = read_chart_table(text, series);
        if (auto* message = std::get_if<std::string>(&read)) {
            error(chart, "данные из описания не читаются: " + *message);
            return std::nullopt;
        }
        return std::get<std::vector<ChartRow>>(std::move(read));
    }

    // The part a relationship of `source` names, if it is in the package.
    std::optional<std::string> target_of(const std::string& source, const std::string& id) {
        Part rels = read_part(package_, rels_of(source), template_, options_, out_);
        if (!rels.file) return std::nullopt;
        for (xmlNode* r : descendants(rels.root(), ns::rel, "Relationship")) {
            if (attr(r, "", "Id") != id || attr(r, "", "TargetMode") == "External") continue;
            std::string part = resolve(folder_of(source), attr(r, "", "Target"));
            if (package_.find(part)) return part;
        }
        return std::nullopt;
    }

    std::optional<std::string> fill_docx_chart(const std::string& name, const std::string& chart,
                                               const std::string& text) {
        Part part = read_part(package_, name, template_, options_, out_);
        if (!part.file) return std::nullopt;
        const std::vector<xmlNode*> series = descendants(descendant(part.root(), ns::c, "plotArea"), ns::c, "ser");
        for (xmlNode* ser : series)
            if (!child(ser, ns::c, "val")) {
                error(chart, "у ряда нет значений c:val: такой вид диаграммы (точечная, пузырьковая) не поддерживается");
                return std::nullopt;
            }
        const std::optional<std::vector<ChartRow>> rows = table(chart, text, series.size());
        if (!rows) return std::nullopt;
        for (std::size_t s = 0; s < series.size(); ++s) fill_series(series[s], *rows, s);
        if (xmlNode* external = child(part.root(), ns::c, "externalData")) {
            drop_workbook(name, attr(external, ns::r, "id"));
            remove(external);
        }
        write_part(package_, name, part);
        return table_text(*rows);
    }

    // New c:cat and c:val of series `s`: string labels, numbers, counts, stretched formulas.
    static void fill_series(xmlNode* ser, const std::vector<ChartRow>& rows, std::size_t s) {
        xmlNs* c = ser->ns;
        const std::string count = std::to_string(rows.size());
        auto formula = [&](xmlNode* old, const std::string& column) {
            xmlNode* f = descendant(old, ns::c, "f");
            const std::string was = f ? Node(f).text() : std::string();
            if (std::optional<std::string> stretched = stretch(was, rows.size())) return *stretched;
            if (!was.empty()) return was;
            return "Sheet1!$" + column + "$2:$" + column + "$" + std::to_string(rows.size() + 1);
        };
        auto cache = [&](xmlNode* parent, const char* ref, const char* kind, const std::string& f) {
            xmlNode* r = xmlNewChild(parent, c, BAD_CAST ref, nullptr);
            xmlNewTextChild(r, c, BAD_CAST "f", BAD_CAST f.c_str());
            return xmlNewChild(r, c, BAD_CAST kind, nullptr);
        };
        auto point = [&](xmlNode* parent, std::size_t i, const std::string& v) {
            xmlNode* pt = xmlNewChild(parent, c, BAD_CAST "pt", nullptr);
            xmlSetProp(pt, BAD_CAST "idx", BAD_CAST std::to_string(i).c_str());
            xmlNewTextChild(pt, c, BAD_CAST "v", BAD_CAST v.c_str());
        };

        xmlNode* old_val = child(ser, ns::c, "val");
        xmlNode* old_cat = child(ser, ns::c, "cat");
        xmlNode* cat = xmlNewNode(c, BAD_CAST "cat");
        xmlNode* labels = cache(cat, "strRef", "strCache", formula(old_cat, "A"));
        xmlSetProp(xmlNewChild(labels, c, BAD_CAST "ptCount", nullptr), BAD_CAST "val", BAD_CAST count.c_str());
        for (std::size_t i = 0; i < rows.size(); ++i) point(labels, i, rows[i].label);

        xmlNode* format = descendant(old_val, ns::c, "formatCode");
        const std::string code = format ? Node(format).text() : "General";
        xmlNode* val = xmlNewNode(c, BAD_CAST "val");
        xmlNode* numbers = cache(val, "numRef", "numCache", formula(old_val, std::string(1, static_cast<char>('B' + s % 25))));
        xmlNewTextChild(numbers, c, BAD_CAST "formatCode", BAD_CAST code.c_str());
        xmlSetProp(xmlNewChild(numbers, c, BAD_CAST "ptCount", nullptr), BAD_CAST "val", BAD_CAST count.c_str());
        for (std::size_t i = 0; i < rows.size(); ++i) point(numbers, i, number_text(rows[i].values[s]));

        if (old_cat) {
            xmlReplaceNode(old_cat, cat);
            xmlFreeNode(old_cat);
        } else {
            xmlAddPrevSibling(old_val, cat);
        }
        xmlReplaceNode(old_val, val);
        xmlFreeNode(old_val);
        // Formatting of points that no longer exist.
        for (xmlNode* n = ser->children; n;) {
            xmlNode* next = n->next;
            if (is(n, ns::c, "dPt")) {
                xmlNode* idx = child(n, ns::c, "idx");
                std::size_t i = 0;
                const std::string v = idx ? attr(idx, "", "val") : std::string();
                std::from_chars(v.data(), v.data() + v.size(), i);
                if (i >= rows.size()) remove(n);
            }
            n = next;
        }
    }

    // The embedded workbook of a chart, its relationship and its content type.
    void drop_workbook(const std::string& chart_part, const std::string& id) {
        const std::string rels_name = rels_of(chart_part);
        Part rels = read_part(package_, rels_name, template_, options_, out_);
        if (!rels.file) return;
        for (xmlNode* r : descendants(rels.root(), ns::rel, "Relationship")) {
            if (attr(r, "", "Id") != id) continue;
            if (attr(r, "", "TargetMode") != "External") {
                const std::string target = resolve(folder_of(chart_part), attr(r, "", "Target"));
                drop_entry(package_, target);
                drop_override("/" + target);
            }
            remove(r);
        }
        write_part(package_, rels_name, rels);
    }

    void drop_override(const std::string& part_name) {
        const std::string name = "[Content_Types].xml";
        Part types = read_part(package_, name, template_, options_, out_);
        if (!types.file) return;
        for (xmlNode* o : descendants(types.root(), ns::types, "Override"))
            if (attr(o, "", "PartName") == part_name) remove(o);
        write_part(package_, name, types);
    }

    std::optional<std::string> fill_odt_chart(const std::string& name, const std::string& chart,
                                              const std::string& text) {
        Part part = read_part(package_, name, template_, options_, out_);
        if (!part.file) return std::nullopt;
        xmlNode* body = descendant(part.root(), ns::chart, "chart");
        xmlNode* plot = descendant(body, ns::chart, "plot-area");
        xmlNode* local = descendant(body, ns::table, "table");
        if (!plot || !local) {
            error(chart, "в диаграмме нет области построения или своей таблицы данных; пересохраните шаблон");
            return std::nullopt;
        }
        const std::vector<xmlNode*> series = descendants(plot, ns::chart, "series");
        const std::optional<std::vector<ChartRow>> rows = table(chart, text, series.size());
        if (!rows) return std::nullopt;

        // Rows of the local table: the header row stays (the series' names).
        xmlNode* body_rows = child(local, ns::table, "table-rows");
        for (xmlNode* n = local->children; n;) {
            xmlNode* next = n->next;
            if (is(n, ns::table, "table-row")) remove(n);
            n = next;
        }
        if (!body_rows) body_rows = xmlNewChild(local, local->ns, BAD_CAST "table-rows", nullptr);
        while (body_rows->children) remove(body_rows->children);
        xmlNs* table = local->ns;
        xmlNs* office = ns_of(local, ns::office, "office");
        xmlNs* txt = ns_of(local, ns::text, "text");
        for (const ChartRow& row : *rows) {
            xmlNode* r = xmlNewChild(body_rows, table, BAD_CAST "table-row", nullptr);
            xmlNode* label = xmlNewChild(r, table, BAD_CAST "table-cell", nullptr);
            xmlSetNsProp(label, office, BAD_CAST "value-type", BAD_CAST "string");
            xmlNewTextChild(label, txt, BAD_CAST "p", BAD_CAST row.label.c_str());
            for (double v : row.values) {
                const std::string number = number_text(v);
                xmlNode* cell = xmlNewChild(r, table, BAD_CAST "table-cell", nullptr);
                xmlSetNsProp(cell, office, BAD_CAST "value-type", BAD_CAST "float");
                xmlSetNsProp(cell, office, BAD_CAST "value", BAD_CAST number.c_str());
                xmlNewTextChild(cell, txt, BAD_CAST "p", BAD_CAST number.c_str());
            }
        }

        // Ranges: the plot area spans the header row too.
        auto restretch = [&](xmlNode* n, std::string_view ns, const char* prefix, const char* local_name,
                             std::size_t count) {
            if (!n) return;
            if (std::optional<std::string> s = stretch(attr(n, ns, local_name), count))
                set_attr(n, ns, prefix, local_name, *s);
        };
        restretch(plot, ns::table, "table", "cell-range-address", rows->size() + 1);
        for (xmlNode* categories : descendants(plot, ns::chart, "categories"))
            restretch(categories, ns::table, "table", "cell-range-address", rows->size());
        for (xmlNode* s : series) {
            restretch(s, ns::chart, "chart", "values-cell-range-address", rows->size());
            for (xmlNode* n = s->children; n;) {
                xmlNode* next = n->next;
                if (is(n, ns::chart, "data-point")) remove(n);  // repeats counted for the old rows
                n = next;
            }
        }
        write_part(package_, name, part);
        return table_text(*rows);
    }

    void drop_from_manifest() {
        const std::string name = "META-INF/manifest.xml";
        Part manifest = read_part(package_, name, template_, options_, out_);
        if (!manifest.file) return;
        for (xmlNode* e : descendants(manifest.root(), ns::manifest, "file-entry"))
            if (std::find(stale_.begin(), stale_.end(), attr(e, ns::manifest, "full-path")) != stale_.end()) remove(e);
        write_part(package_, name, manifest);
    }

    Package& package_;
    const std::string& template_;
    const ChartOptions& options_;
    std::vector<Diagnostic>& out_;
    std::string where_;
    std::vector<std::string> stale_;  // parts dropped that the manifest lists
};

}  // namespace

std::variant<std::vector<ChartRow>, std::string> read_chart_table(std::string_view text, std::size_t series) {
    std::vector<ChartRow> rows;
    std::size_t number = 0;
    while (!text.empty() || number == 0) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (line.empty()) {
            if (text.empty()) break;
            continue;
        }
        ++number;
        const std::string where = "строка " + std::to_string(number) + " «" + std::string(line) + "»: ";
        std::vector<std::string_view> fields;
        for (std::string_view rest = line;;) {
            const std::size_t semi = rest.find(';');
            fields.push_back(trim(rest.substr(0, semi)));
            if (semi == std::string_view::npos) break;
            rest.remove_prefix(semi + 1);
        }
        if (fields.size() != series + 1)
            return where + fields_word(fields.size()) + " через «;», а нужно " + std::to_string(series + 1) +
                   ": подпись и по числу на каждый ряд диаграммы (рядов: " + std::to_string(series) + ")";
        ChartRow row{std::string(fields[0]), {}};
        for (std::size_t k = 1; k < fields.size(); ++k) {
            const std::optional<double> v = read_number(fields[k]);
            if (!v)
                return where + "«" + std::string(fields[k]) +
                       "» — не число; нужно число с точкой или запятой, например 14,2";
            row.values.push_back(*v);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void fill_charts(Package& package, const Format& format, const std::string& template_name,
                 const ChartOptions& options, std::vector<Diagnostic>& out) {
    Charts charts(package, template_name, options, out);
    if (&format == &docx_format()) charts.docx();
    else if (&format == &odt_format()) charts.odt();
}

}  // namespace prikaz
