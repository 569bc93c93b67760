// Lexing tags in a paragraph whose text is spread over several text nodes
// (runs): join the texts, find the delimiters in the joined string, and map
// every offset back to the node it came from (never regular expressions over XML).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace prikaz {

// A place in the paragraph: the index of a text node and a byte offset in it.
struct TextPlace {
    std::size_t node = 0;
    std::size_t offset = 0;
};

enum class TagKind { value, statement, comment };  // {{ }}, {% %}, {# #}

struct LexedTag {
    TagKind kind;
    std::string source;  // between the delimiters, trimmed
    TextPlace begin;     // the opening delimiter
    TextPlace end;       // just past the closing delimiter
};

struct LexResult {
    std::vector<LexedTag> tags;
    std::string error;       // Russian; empty when the paragraph lexed cleanly
    std::string error_rule;  // "unclosed-tag" or "unopened-tag"
};

// Finds the tags in the texts of one paragraph, in order.
LexResult lex_paragraph(const std::vector<std::string_view>& texts);

}  // namespace prikaz
