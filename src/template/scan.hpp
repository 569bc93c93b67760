// Scanning one XML part of a template into a flat list of items: serialized
// XML, document text, and template tags (each tag moved whole into the text
// node where it begins), with what each item stands in: paragraph, cell, row.
#pragma once

#include <prikaz/prikaz.hpp>

#include "template/format.hpp"
#include "template/lex.hpp"
#include "xml_reader.hpp"

#include <string>
#include <vector>

namespace prikaz {

enum class Role { other, paragraph, wrapper, text_holder, table, row, cell, covered_cell, grid_column, cell_width, cell_span, styles, paragraph_properties };

struct Item {
    enum class Kind { open, close, empty, text, markup, tag };
    Kind kind = Kind::markup;
    Role role = Role::other;
    std::string data;  // XML for open/close/empty/markup; plain (unescaped) text for text
    int match = -1;    // an open item's close and a close item's open
    int parent = -1;   // the enclosing open item
    int tag = -1;      // for tag items: index into ScannedPart::tags
    // Cells and covered cells: the first grid column they stand in, and how many they span.
    // Grid columns: how many columns the element stands for, its width and style (Format).
    int column = -1;
    int span = 1;
    double width = 0;
    bool span_element = false;  // a cell whose span is written in an element of its own (DOCX)
    bool section_break = false;  // a paragraph whose properties end a section (Format::section_break)
    std::string style;
    std::string spanless;  // a cell's start tag without the span attribute (ODT)
};

struct Tag {
    TagKind kind;
    std::string source;          // between the delimiters, trimmed
    std::string paragraph_text;  // the visible text of its paragraph, for messages
    int item = -1;               // its item
    // Open items of what encloses it (-1: none).
    int paragraph = -1;
    int unit = -1;   // the paragraph, or the wrapper it stands alone in (a list item)
    int cell = -1;
    int row = -1;
    int table = -1;
    bool alone = false;  // nothing but blanks beside it in its paragraph
};

struct ScannedPart {
    std::string prolog;  // the XML declaration
    std::vector<Item> items;
    std::vector<Tag> tags;
};

// Scans a parsed part. Lexing errors become template diagnostics at `where`.
ScannedPart scan_part(const XmlFile& part, const Format& format, const std::string& where,
                      std::vector<Diagnostic>& out);

// The visible text of a paragraph shortened for a message: «…».
std::string quote_paragraph(const std::string& text);

}  // namespace prikaz
