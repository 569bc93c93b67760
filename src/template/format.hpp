// What a document format calls a paragraph, a run's text, a table row and
// cell, which parts hold text, and how a line break is written. The engine
// reads these tables and never spells a format's element names itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace prikaz {

// An element name resolved to its namespace.
struct QName {
    std::string_view ns;
    std::string_view local;
};

struct Format {
    std::string_view name;  // "DOCX", "ODT"

    // Parts that may hold tags; all others are copied through unchanged.
    bool (*holds_text)(std::string_view part_name);

    std::vector<QName> paragraphs;        // w:p; text:p, text:h
    std::vector<QName> text_holders;      // elements whose text is document text (w:t); empty: any text in a paragraph
    std::vector<QName> paragraph_wrappers;  // a paragraph alone in one of these repeats with it (text:list-item)
    QName table;
    QName row;
    QName cell;

    // Markup written inside a text holder for a line break and a tab in a value.
    std::string_view line_break;
    std::string_view tab;
    // ODT collapses runs of spaces: write extra spaces as <text:s text:c="n"/>.
    bool collapse_spaces;
    // A cell left with no paragraph gets this (Word requires a paragraph in every cell).
    std::string_view empty_cell_content;
    // An attribute every text holder gets so that spaces at its edges survive (xml:space).
    std::string_view text_holder_attribute;

    // Custom document properties (File → Properties → Custom), where a template
    // keeps its settings: the part, the element of one property, its name attribute.
    std::string_view properties_part;  // "docProps/custom.xml", "meta.xml"
    QName property;                    // its text is the value
    QName property_name;

    // Content types: how a template's main type is named and what the output's becomes.
    std::string_view types_part;        // "[Content_Types].xml", "mimetype"
    std::string_view template_type;     // "...template.main+xml", "application/vnd.oasis.opendocument.text-template"
    std::string_view document_type;
};

const Format& docx_format();
const Format& odt_format();

}  // namespace prikaz
