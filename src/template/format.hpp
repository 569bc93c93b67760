// What a document format calls a paragraph, a run's text, a table row and
// cell, which parts hold text, and how a line break is written. The engine
// reads these tables and never spells a format's element names itself.
#pragma once

#include <libxml/tree.h>

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
    // Table grids, for cells repeated by a loop (docs/templates.md, «Повторяются ячейки»).
    QName grid_column;     // w:gridCol; table:table-column
    QName covered_cell;    // none in DOCX; table:covered-table-cell (fills the columns a cell spans)
    QName cell_width;      // w:tcW; none in ODT
    QName cell_span;       // w:gridSpan (an element in the cell's properties); none in ODT
    QName automatic_styles;  // none in DOCX; office:automatic-styles, where column widths go in ODT
    // A paragraph's properties and a section break among them (DOCX: w:sectPr in w:pPr ends a
    // section). A tag paragraph that vanishes keeps them; none in ODT (its breaks are styles).
    QName paragraph_properties;
    QName section_break;
    // How many grid columns a cell spans, and how many a grid column element stands for.
    int (*span_of_cell)(xmlNode* cell);
    int (*columns_of)(xmlNode* grid_column);
    // The width of a grid column (DOCX: twips; ODT: cm, from its column style; 0: unknown)
    // and its style name (ODT; empty in DOCX).
    double (*width_of_column)(xmlNode* grid_column);
    std::string (*style_of_column)(xmlNode* grid_column);
    // The name of the attribute of a cell's start tag that says how many columns it spans
    // (ODT: table:number-columns-spanned; empty when a child element says it).
    std::string_view span_attribute;
    // Markup for a generated grid column (`style` names its column style in ODT), the style of
    // a generated column (ODT; empty in DOCX), a cell's width (DOCX) and span element (DOCX),
    // and a covered cell (ODT).
    std::string (*write_column)(double width, const std::string& style);
    std::string (*write_column_style)(const std::string& style, double width);
    std::string (*write_cell_width)(double width);
    std::string (*write_cell_span)(int span);
    std::string_view covered_cell_markup;
    // The finest width a grid column is written with (DOCX: a twip; ODT: 0.001 cm).
    double width_step;

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
