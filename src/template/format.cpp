#include "template/format.hpp"
#include "template/namespaces.hpp"

#include "xml.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace prikaz {

namespace {

using ns::w, ns::text, ns::table, ns::custom, ns::meta, ns::office;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

bool docx_holds_text(std::string_view part) {
    if (!starts_with(part, "word/") || !ends_with(part, ".xml") || part.find('/', 5) != std::string_view::npos) return false;
    std::string_view base = part.substr(5);
    return base == "document.xml" || base == "footnotes.xml" || base == "endnotes.xml" || starts_with(base, "header") ||
           starts_with(base, "footer");
}

// An attribute in a namespace, or nothing.
std::string attribute(xmlNode* node, std::string_view ns, const char* name) {
    XmlChars value(xmlGetNsProp(node, BAD_CAST name, BAD_CAST std::string(ns).c_str()));
    return value ? std::string(as_view(value.get())) : std::string();
}

bool is_element(xmlNode* node, std::string_view ns, std::string_view local) {
    return node->type == XML_ELEMENT_NODE && node->ns && as_view(node->ns->href) == ns && as_view(node->name) == local;
}

int positive(const std::string& s) {
    const int n = std::atoi(s.c_str());
    return n > 0 ? n : 1;
}

std::string number(double value, int decimals) {
    char buffer[64];
    auto done = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return std::string(buffer, done.ptr);
}

int docx_cell_span(xmlNode* cell) {
    for (xmlNode* c = cell->children; c; c = c->next)
        if (is_element(c, w, "tcPr"))
            for (xmlNode* p = c->children; p; p = p->next)
                if (is_element(p, w, "gridSpan")) return positive(attribute(p, w, "val"));
    return 1;
}

int one(xmlNode*) { return 1; }
double docx_column_width(xmlNode* column) { return std::atof(attribute(column, w, "w").c_str()); }
std::string no_style(xmlNode*) { return {}; }
std::string docx_column(double width, const std::string&) {
    return "<w:gridCol w:w=\"" + number(std::round(width), 0) + "\"/>";
}
std::string docx_cell_width(double width) { return "<w:tcW w:w=\"" + number(std::round(width), 0) + "\" w:type=\"dxa\"/>"; }
std::string docx_cell_span(int span) { return "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>"; }

int odt_cell_span(xmlNode* cell) { return positive(attribute(cell, table, "number-columns-spanned")); }
int odt_columns(xmlNode* column) { return positive(attribute(column, table, "number-columns-repeated")); }
std::string odt_column_style(xmlNode* column) { return attribute(column, table, "style-name"); }

// A length of ODF ("1.5cm", "0.59in", "42.5mm", "12pt") in centimetres; 0 when unreadable.
double centimetres(const std::string& length) {
    char* end = nullptr;
    const double value = std::strtod(length.c_str(), &end);
    const std::string_view unit(end);
    if (unit == "cm") return value;
    if (unit == "mm") return value / 10;
    if (unit == "in") return value * 2.54;
    if (unit == "pt") return value * 2.54 / 72;
    if (unit == "pc") return value * 2.54 / 6;
    return 0;
}

// The column-width of the automatic column style a table column names.
double odt_column_width(xmlNode* column) {
    const std::string name = odt_column_style(column);
    xmlNode* root = xmlDocGetRootElement(column->doc);
    for (xmlNode* part = root ? root->children : nullptr; part; part = part->next) {
        if (!is_element(part, office, "automatic-styles")) continue;
        for (xmlNode* style = part->children; style; style = style->next) {
            if (!is_element(style, ns::style, "style") || attribute(style, ns::style, "name") != name) continue;
            for (xmlNode* p = style->children; p; p = p->next)
                if (is_element(p, ns::style, "table-column-properties"))
                    return centimetres(attribute(p, ns::style, "column-width"));
        }
    }
    return 0;
}
std::string odt_column(double, const std::string& style) {
    return "<table:table-column table:style-name=\"" + style + "\"/>";
}
std::string odt_style(const std::string& style, double width) {
    return "<style:style style:name=\"" + style + "\" style:family=\"table-column\"><style:table-column-properties "
           "style:column-width=\"" + number(width, 3) + "cm\"/></style:style>";
}

bool odt_holds_text(std::string_view part) { return part == "content.xml" || part == "styles.xml"; }

}  // namespace

const Format& docx_format() {
    static const Format format{
        "DOCX",
        docx_holds_text,
        {{w, "p"}},
        {{w, "t"}},
        {},
        {w, "tbl"},
        {w, "tr"},
        {w, "tc"},
        {w, "gridCol"},
        {},
        {w, "tcW"},
        {w, "gridSpan"},
        {},
        {w, "pPr"},
        {w, "sectPr"},
        docx_cell_span,
        one,
        docx_column_width,
        no_style,
        "",
        docx_column,
        nullptr,
        docx_cell_width,
        docx_cell_span,
        "",
        1,
        "</w:t><w:br/><w:t xml:space=\"preserve\">",
        "</w:t><w:tab/><w:t xml:space=\"preserve\">",
        false,
        "<w:p/>",
        "xml:space=\"preserve\"",
        "docProps/custom.xml",
        {custom, "property"},
        {"", "name"},
        "[Content_Types].xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    };
    return format;
}

const Format& odt_format() {
    static const Format format{
        "ODT",
        odt_holds_text,
        {{text, "p"}, {text, "h"}},
        {},
        {{text, "list-item"}},
        {table, "table"},
        {table, "table-row"},
        {table, "table-cell"},
        {table, "table-column"},
        {table, "covered-table-cell"},
        {},
        {},
        {office, "automatic-styles"},
        {},
        {},
        odt_cell_span,
        odt_columns,
        odt_column_width,
        odt_column_style,
        "table:number-columns-spanned",
        odt_column,
        odt_style,
        nullptr,
        nullptr,
        "<table:covered-table-cell/>",
        0.001,
        "<text:line-break/>",
        "<text:tab/>",
        true,
        "",
        "",
        "meta.xml",
        {meta, "user-defined"},
        {meta, "name"},
        "mimetype",
        "application/vnd.oasis.opendocument.text-template",
        "application/vnd.oasis.opendocument.text",
    };
    return format;
}

}  // namespace prikaz
