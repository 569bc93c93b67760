#include "template/format.hpp"

namespace prikaz {

namespace {

constexpr std::string_view w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view custom = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
constexpr std::string_view meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

bool docx_holds_text(std::string_view part) {
    if (!starts_with(part, "word/") || !ends_with(part, ".xml") || part.find('/', 5) != std::string_view::npos) return false;
    std::string_view base = part.substr(5);
    return base == "document.xml" || base == "footnotes.xml" || base == "endnotes.xml" || starts_with(base, "header") ||
           starts_with(base, "footer");
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
