#include "template/render.hpp"

#include "russian/typograph.hpp"
#include "text.hpp"

#include <set>

namespace prikaz {

namespace {

class Renderer {
public:
    Renderer(const ScannedPart& part, const Program& program, const Format& format, const std::string& where,
             std::vector<Diagnostic>& out, bool typograph, const PartSink* sink = nullptr)
        : part_(part), program_(program), f_(format), where_(where), out_(out), typograph_(typograph), sink_(sink) {}

    std::string run(const expr::Scope& scope) {
        text_ = part_.prolog;
        emit(0, static_cast<int>(part_.items.size()), program_.top, scope);
        flush(0);
        return std::move(text_);
    }

private:
    const Block& block(int index) const { return program_.blocks[static_cast<std::size_t>(index)]; }

    void emit(int from, int to, const std::vector<int>& children, const expr::Scope& scope) {
        auto child = children.begin();
        for (int i = from; i < to;) {
            if (child != children.end() && block(*child).from == i) {
                emit_block(block(*child), scope);
                i = block(*child).to;
                ++child;
                continue;
            }
            emit_item(part_.items[static_cast<std::size_t>(i)], scope);
            flush(256u << 10);  // small chunks: a few are in flight to the deflating thread
            ++i;
        }
    }

    void emit_block(const Block& b, const expr::Scope& scope) {
        try {
            if (b.kind == Block::Kind::loop) {
                const Branch& body = b.branches.front();
                std::vector<expr::Value> items = b.items->evaluate(scope).items();
                const double length = static_cast<double>(items.size());
                for (std::size_t k = 0; k < items.size(); ++k) {
                    expr::Scope inner(&scope);
                    inner.set(b.variable, items[k]);
                    const double index = static_cast<double>(k);
                    inner.set("loop", expr::Object{{"index", index + 1},
                                                   {"index0", index},
                                                   {"first", k == 0},
                                                   {"last", k + 1 == items.size()},
                                                   {"length", length},
                                                   {"revindex", length - index}});
                    emit(body.from, body.to, body.children, inner);
                }
            } else if (b.kind == Block::Kind::condition) {
                for (const Branch& branch : b.branches)
                    if (!branch.condition || branch.condition->evaluate(scope).truthy()) {
                        emit(branch.from, branch.to, branch.children, scope);
                        break;
                    }
            }
        } catch (const expr::EvalError& e) {
            problem(b.open_tag, "undefined-value", e.what());
        }
    }

    void emit_item(const Item& item, const expr::Scope& scope) {
        switch (item.kind) {
            case Item::Kind::open:
            case Item::Kind::empty:
                if (item.role == Role::cell && item.kind == Item::Kind::open) cells_.push_back(false);
                if (item.role == Role::paragraph && !cells_.empty()) cells_.back() = true;
                if (item.role == Role::table && item.kind == Item::Kind::open) tables_.push_back({text_.size(), false});
                if (item.role == Role::row && !tables_.empty()) tables_.back().has_row = true;
                text_ += item.data;
                return;
            case Item::Kind::close:
                // Word needs a paragraph in every cell, even one whose paragraphs a block left out.
                if (item.role == Role::cell && !cells_.empty()) {
                    if (!cells_.back()) text_ += f_.empty_cell_content;
                    cells_.pop_back();
                }
                // A table needs a row: one whose rows all vanished vanishes too.
                if (item.role == Role::table && !tables_.empty()) {
                    const Table table = tables_.back();
                    tables_.pop_back();
                    if (!table.has_row) {
                        text_.erase(table.start);
                        return;
                    }
                }
                text_ += item.data;
                return;
            case Item::Kind::text: text::escape_xml(text_, item.data); return;
            case Item::Kind::markup: text_ += item.data; return;
            case Item::Kind::tag: break;
        }
        auto value = program_.values.find(item.tag);
        if (value == program_.values.end()) return;  // statements and comments print nothing
        try {
            const std::string text = value->second.evaluate(scope).to_text();
            write_value(typograph_ ? russian::typograph(text) : text, item.tag);
        } catch (const expr::EvalError& e) {
            problem(item.tag, "undefined-value", e.what());
        }
    }

    // Hands what has been rendered to the sink once there is more than `above` of it.
    void flush(std::size_t above) {
        if (!sink_ || text_.size() <= above) return;
        // A table with no row yet may still have to be taken back.
        for (const Table& t : tables_)
            if (!t.has_row) return;
        (*sink_)(text_);
        text_.clear();
    }

    // A value: escaped, line breaks and tabs as the format writes them, and
    // nothing that XML 1.0 forbids.
    void write_value(const std::string& value, int tag) {
        std::size_t spaces = 0;
        auto flush_spaces = [&] {
            if (spaces == 0) return;
            text_ += ' ';
            if (spaces > 1) {
                if (f_.collapse_spaces) text_ += "<text:s text:c=\"" + std::to_string(spaces - 1) + "\"/>";
                else text_.append(spaces - 1, ' ');
            }
            spaces = 0;
        };
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value[i]);
            if (c == ' ') {
                ++spaces;
                continue;
            }
            flush_spaces();
            if (c == '\n') text_ += f_.line_break;
            else if (c == '\t') text_ += f_.tab;
            else if (c == '\r') continue;
            else if (c < 0x20) {
                problem(tag, "bad-value", "значение содержит управляющий символ U+00" + std::string(1, "0123456789ABCDEF"[c >> 4]) +
                                 "0123456789ABCDEF"[c & 15] + ", недопустимый в документе");
                return;
            } else if (c == '&') text_ += "&amp;";
            else if (c == '<') text_ += "&lt;";
            else if (c == '>') text_ += "&gt;";
            else text_ += static_cast<char>(c);
        }
        flush_spaces();
    }

    // Reports a value that cannot be printed, once however often a loop meets it.
    void problem(int tag, const char* rule, const std::string& message) {
        if (!reported_.insert({tag, message}).second) return;
        const Tag& t = part_.tags[static_cast<std::size_t>(tag)];
        out_.push_back({Severity::error, Category::data, rule, {where_, 0, 0},
                        "в абзаце " + quote_paragraph(t.paragraph_text) + ", тег «" + t.source + "»: " + message});
    }

    const ScannedPart& part_;
    const Program& program_;
    const Format& f_;
    const std::string& where_;
    std::vector<Diagnostic>& out_;
    const bool typograph_;
    const PartSink* sink_;
    std::string text_;
    std::vector<bool> cells_;  // per open cell: has a paragraph been written in it
    struct Table {
        std::size_t start;  // where its start tag is in text_
        bool has_row;
    };
    std::vector<Table> tables_;  // open tables
    std::set<std::pair<int, std::string>> reported_;
};

}  // namespace

std::string render_part(const ScannedPart& part, const Program& program, const Format& format, const expr::Scope& scope,
                        const std::string& where, std::vector<Diagnostic>& out, bool typograph) {
    return Renderer(part, program, format, where, out, typograph).run(scope);
}

void render_part_to(const PartSink& sink, const ScannedPart& part, const Program& program, const Format& format,
                    const expr::Scope& scope, const std::string& where, std::vector<Diagnostic>& out, bool typograph) {
    std::string rest = Renderer(part, program, format, where, out, typograph, &sink).run(scope);
    sink(rest);
}

}  // namespace prikaz
