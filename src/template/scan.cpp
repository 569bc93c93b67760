#include "template/scan.hpp"

#include "text.hpp"

#include <algorithm>
#include <map>

namespace prikaz {

namespace {

bool is(xmlNode* node, const QName& name) {
    return node->type == XML_ELEMENT_NODE && node->ns && as_view(node->ns->href) == name.ns && as_view(node->name) == name.local;
}

bool is_any(xmlNode* node, const std::vector<QName>& names) {
    return std::any_of(names.begin(), names.end(), [&](const QName& n) { return is(node, n); });
}

Role role_of(xmlNode* node, const Format& f) {
    if (is_any(node, f.paragraphs)) return Role::paragraph;
    if (is_any(node, f.paragraph_wrappers)) return Role::wrapper;
    if (is_any(node, f.text_holders)) return Role::text_holder;
    if (is(node, f.table)) return Role::table;
    if (is(node, f.row)) return Role::row;
    if (is(node, f.cell)) return Role::cell;
    if (is(node, f.covered_cell)) return Role::covered_cell;
    if (is(node, f.grid_column)) return Role::grid_column;
    if (is(node, f.cell_width)) return Role::cell_width;
    if (is(node, f.cell_span)) return Role::cell_span;
    if (is(node, f.automatic_styles)) return Role::styles;
    if (is(node, f.paragraph_properties)) return Role::paragraph_properties;
    return Role::other;
}

void escape_attribute(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '"': out += "&quot;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default: out += c;
        }
    }
}

std::string qualified(xmlNode* node) {
    std::string name;
    if (node->ns && node->ns->prefix) name = std::string(as_view(node->ns->prefix)) + ":";
    return name + std::string(as_view(node->name));
}

// `skip`: an attribute left out (qualified name).
std::string start_tag(xmlNode* node, std::string_view extra_attribute, bool empty, std::string_view skip = {}) {
    std::string out = "<" + qualified(node);
    for (xmlNs* ns = node->nsDef; ns; ns = ns->next) {
        out += ns->prefix ? " xmlns:" + std::string(as_view(ns->prefix)) + "=\"" : std::string(" xmlns=\"");
        escape_attribute(out, as_view(ns->href));
        out += '"';
    }
    bool has_extra = extra_attribute.empty();
    for (xmlAttr* a = node->properties; a; a = a->next) {
        std::string name;
        if (a->ns && a->ns->prefix) name = std::string(as_view(a->ns->prefix)) + ":";
        name += std::string(as_view(a->name));
        if (!skip.empty() && name == skip) continue;
        if (!extra_attribute.empty() && extra_attribute.substr(0, extra_attribute.find('=')) == name) has_extra = true;
        out += " " + name + "=\"";
        xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
        escape_attribute(out, as_view(v));
        xmlFree(v);
        out += '"';
    }
    if (!has_extra) out += " " + std::string(extra_attribute);
    out += empty ? "/>" : ">";
    return out;
}

// Text nodes of a paragraph, in order, that hold its document text.
void collect_texts(xmlNode* node, const Format& f, bool in_holder, std::vector<xmlNode*>& out) {
    for (xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (in_holder) out.push_back(c);
        } else if (c->type == XML_ELEMENT_NODE && !is_any(c, f.paragraphs)) {
            // A nested paragraph (a note, a frame) has tags of its own.
            collect_texts(c, f, in_holder || is_any(c, f.text_holders), out);
        }
    }
}

// Where a paragraph's tags go: per text node, the byte ranges a tag takes away
// and, at the start of each tag, the tag's index.
struct Cut {
    std::size_t from, to;
    int tag;  // -1: only removed
};

struct Context {
    int paragraph = -1, unit = -1, cell = -1, row = -1, table = -1;
};

class Scanner {
public:
    Scanner(const Format& f, const std::string& where, std::vector<Diagnostic>& out) : f_(f), where_(where), out_(out) {}

    ScannedPart run(xmlDoc* doc) {
        part_.prolog = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"") +
                       (doc->standalone == 1 ? " standalone=\"yes\"" : "") + "?>\n";
        for (xmlNode* n = doc->children; n; n = n->next) walk(n, -1, {}, false);
        return std::move(part_);
    }

private:
    int add(Item item) {
        part_.items.push_back(std::move(item));
        return static_cast<int>(part_.items.size()) - 1;
    }

    void add_text(std::string_view text, int parent) {
        if (text.empty()) return;
        Item item;
        item.kind = Item::Kind::text;
        item.data = std::string(text);
        item.parent = parent;
        add(std::move(item));
    }

    // Lexes a paragraph before it is written out: its tags become cuts of its text nodes.
    void lex(xmlNode* paragraph) {
        std::vector<xmlNode*> texts;
        collect_texts(paragraph, f_, f_.text_holders.empty(), texts);
        std::vector<std::string_view> contents;
        std::string visible;
        for (xmlNode* t : texts) {
            contents.push_back(as_view(t->content));
            visible += as_view(t->content);
        }
        LexResult lexed = lex_paragraph(contents);
        if (!lexed.error.empty()) {
            out_.push_back({Severity::error, Category::template_, lexed.error_rule, {where_, 0, 0},
                            "в абзаце " + quote_paragraph(visible) + ": " + lexed.error});
            return;
        }
        if (lexed.tags.empty()) return;
        paragraph_has_tags_ = true;
        for (const LexedTag& t : lexed.tags) {
            const int index = static_cast<int>(part_.tags.size());
            part_.tags.push_back({t.kind, t.source, visible, -1});
            for (std::size_t n = t.begin.node; n <= t.end.node; ++n) {
                std::size_t from = n == t.begin.node ? t.begin.offset : 0;
                std::size_t to = n == t.end.node ? t.end.offset : contents[n].size();
                cuts_[texts[n]].push_back({from, to, n == t.begin.node ? index : -1});
            }
        }
        // A lone tag is "alone" when the rest of its paragraph is blank.
        pending_alone_ = false;
        if (lexed.tags.size() != 1) return;
        std::string rest;
        for (std::size_t n = 0; n < texts.size(); ++n) {
            std::size_t pos = 0;
            if (auto it = cuts_.find(texts[n]); it != cuts_.end())
                for (const Cut& cut : it->second) {
                    rest += contents[n].substr(pos, cut.from - pos);
                    pos = cut.to;
                }
            rest += contents[n].substr(pos);
        }
        pending_alone_ = text::trim(rest).empty();
    }

    void walk(xmlNode* node, int parent, Context ctx, bool in_tagged_paragraph) {
        switch (node->type) {
            case XML_ELEMENT_NODE: break;
            case XML_TEXT_NODE: emit_text(node, parent, ctx); return;
            case XML_COMMENT_NODE: {
                Item item;
                item.data = "<!--" + std::string(as_view(node->content)) + "-->";
                item.parent = parent;
                add(std::move(item));
                return;
            }
            case XML_PI_NODE: {
                Item item;
                item.data = "<?" + std::string(as_view(node->name)) +
                            (node->content ? " " + std::string(as_view(node->content)) : std::string()) + "?>";
                item.parent = parent;
                add(std::move(item));
                return;
            }
            default: return;  // no DTD, entities or CDATA reach here (see xml_reader)
        }
        const Role role = role_of(node, f_);
        bool tagged = in_tagged_paragraph;
        if (role == Role::paragraph) {
            paragraph_has_tags_ = false;
            pending_alone_ = false;
            lex(node);
            tagged = paragraph_has_tags_;
        }
        const bool empty = node->children == nullptr;
        Item open;
        open.kind = empty ? Item::Kind::empty : Item::Kind::open;
        open.role = role;
        open.parent = parent;
        open.data = start_tag(node, role == Role::text_holder && tagged ? f_.text_holder_attribute : std::string_view(), empty);
        if (role == Role::cell || role == Role::covered_cell) {
            open.column = row_columns_.empty() ? 0 : row_columns_.back();
            open.span = role == Role::cell ? f_.span_of_cell(node) : 1;
            // ODT fills the columns a cell spans with covered cells; DOCX does not.
            if (!row_columns_.empty()) row_columns_.back() += f_.covered_cell.local.empty() ? open.span : 1;
            if (role == Role::cell && !f_.span_attribute.empty()) open.spanless = start_tag(node, {}, empty, f_.span_attribute);
        } else if (role == Role::grid_column) {
            open.span = f_.columns_of(node);
            open.width = f_.width_of_column(node);
            open.style = f_.style_of_column(node);
        } else if (role == Role::cell_span && ctx.cell >= 0) {
            part_.items[static_cast<std::size_t>(ctx.cell)].span_element = true;
        } else if (is(node, f_.section_break) && ctx.paragraph >= 0) {
            part_.items[static_cast<std::size_t>(ctx.paragraph)].section_break = true;
        }
        const int index = add(std::move(open));
        switch (role) {
            case Role::paragraph: {
                ctx.paragraph = index;
                ctx.unit = index;
                // A paragraph alone in a list item repeats with its list item.
                if (parent >= 0 && part_.items[static_cast<std::size_t>(parent)].role == Role::wrapper) {
                    int elements = 0;
                    for (xmlNode* c = node->parent->children; c; c = c->next) elements += c->type == XML_ELEMENT_NODE;
                    if (elements == 1) ctx.unit = parent;
                }
                break;
            }
            case Role::table: ctx.table = index; ctx.row = ctx.cell = -1; break;
            case Role::row: ctx.row = index; break;
            case Role::cell: ctx.cell = index; break;
            default: break;
        }
        if (empty) return;
        const bool outer_alone = alone_;
        if (role == Role::paragraph) alone_ = pending_alone_;
        if (role == Role::row) row_columns_.push_back(0);
        for (xmlNode* c = node->children; c; c = c->next) walk(c, index, ctx, tagged);
        if (role == Role::row) row_columns_.pop_back();
        alone_ = outer_alone;
        Item close;
        close.kind = Item::Kind::close;
        close.role = role;
        close.parent = parent;
        close.match = index;
        close.data = "</" + qualified(node) + ">";
        const int close_index = add(std::move(close));
        part_.items[static_cast<std::size_t>(index)].match = close_index;
    }

    void emit_text(xmlNode* node, int parent, const Context& ctx) {
        std::string_view text = as_view(node->content);
        auto it = cuts_.find(node);
        if (it == cuts_.end()) {
            add_text(text, parent);
            return;
        }
        std::size_t pos = 0;
        for (const Cut& cut : it->second) {
            add_text(text.substr(pos, cut.from - pos), parent);
            if (cut.tag >= 0) {
                Tag& tag = part_.tags[static_cast<std::size_t>(cut.tag)];
                Item item;
                item.kind = Item::Kind::tag;
                item.parent = parent;
                item.tag = cut.tag;
                tag.item = add(std::move(item));
                tag.paragraph = ctx.paragraph;
                tag.unit = ctx.unit;
                tag.cell = ctx.cell;
                tag.row = ctx.row;
                tag.table = ctx.table;
                tag.alone = alone_;
            }
            pos = cut.to;
        }
        add_text(text.substr(pos), parent);
    }

    const Format& f_;
    const std::string& where_;
    std::vector<Diagnostic>& out_;
    ScannedPart part_;
    std::map<xmlNode*, std::vector<Cut>> cuts_;
    bool paragraph_has_tags_ = false;
    bool pending_alone_ = false;
    bool alone_ = false;
    std::vector<int> row_columns_;  // per open row: the grid column its next cell stands in
};

}  // namespace

std::string quote_paragraph(const std::string& text) { return "«" + text::shorten(text, 70) + "»"; }

ScannedPart scan_part(const XmlFile& part, const Format& format, const std::string& where, std::vector<Diagnostic>& out) {
    return Scanner(format, where, out).run(part.doc.get());
}

}  // namespace prikaz
