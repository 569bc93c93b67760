#include "template/render.hpp"

#include "russian/typograph.hpp"
#include "text.hpp"

#include <cmath>
#include <numeric>
#include <set>

namespace prikaz {

namespace {

class Renderer {
public:
    Renderer(const ScannedPart& part, const Program& program, const Format& format, const std::string& where,
             std::vector<Diagnostic>& out, bool typograph, const PartSink* sink = nullptr)
        : part_(part), program_(program), f_(format), where_(where), out_(out), typograph_(typograph), sink_(sink),
          // Column styles go before the body, so a part that makes them is held until its end.
          hold_(format.write_column_style && !program.grids.empty()),
          width_(std::get<expr::Expression>(expr::parse("column.width?"))) {}

    std::string run(const expr::Scope& scope) {
        text_ = part_.prolog;
        emit(0, static_cast<int>(part_.items.size()), program_.top, scope);
        if (!styles_.empty() && styles_at_ != std::string::npos) text_.insert(styles_at_, styles_);
        flush(0);
        return std::move(text_);
    }

private:
    struct Cell {
        bool has_paragraph = false;
        int column = 0, span = 1;  // the generated columns it covers
        bool span_element = false;
        int extra_covered = 0;  // covered cells to add after it (ODT)
    };
    struct Table {
        std::size_t start = 0;  // where its start tag is in text_
        bool has_row = false;
        const Grid* grid = nullptr;  // when a cell block makes its columns
        bool grid_written = false;
        std::vector<double> widths;  // the generated columns
        int delta = 0;               // generated minus template columns
        int loops = 0;               // cell blocks being rendered
        int column = 0;              // in the current row: the next generated column
        int skip_covered = 0;        // covered cells a shrunken span no longer needs
        int row_tag = -1;            // the current row's last cell block, for messages
    };

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
            const Item& item = part_.items[static_cast<std::size_t>(i)];
            if (skipped(item, scope)) {
                i = (item.kind == Item::Kind::open ? item.match : i) + 1;
                continue;
            }
            emit_item(item, scope);
            flush(256u << 10);  // small chunks: a few are in flight to the deflating thread
            ++i;
        }
    }

    void emit_block(const Block& b, const expr::Scope& scope) {
        Table* table = b.cells && !tables_.empty() ? &tables_.back() : nullptr;
        if (table) {
            ++table->loops;
            table->row_tag = b.open_tag;
        }
        // The tag paragraphs vanish; a section break one of them carried stays where it was.
        const int body = b.branches.empty() ? b.to : b.branches.front().from;
        keep_section_breaks(b.from, body);
        emit_branches(b, scope);
        int at = body;
        for (const Branch& branch : b.branches) {
            keep_section_breaks(at, branch.from);
            at = std::max(at, branch.to);
        }
        keep_section_breaks(at, b.to);
        if (table) --table->loops;
    }

    // Paragraphs in [from, to) that end a section are written as empty paragraphs of
    // their properties alone: Word keeps a section's layout in its last paragraph.
    void keep_section_breaks(int from, int to) {
        for (int i = from; i < to; ++i) {
            const Item& p = part_.items[static_cast<std::size_t>(i)];
            if (p.role != Role::paragraph || p.kind != Item::Kind::open || !p.section_break) continue;
            text_ += p.data;
            for (int k = i + 1; k < p.match; ++k) {
                const Item& properties = part_.items[static_cast<std::size_t>(k)];
                if (properties.role != Role::paragraph_properties || properties.kind != Item::Kind::open) continue;
                for (int m = k; m <= properties.match; ++m) text_ += part_.items[static_cast<std::size_t>(m)].data;
                break;
            }
            text_ += part_.items[static_cast<std::size_t>(p.match)].data;
            i = p.match;
        }
    }

    void emit_branches(const Block& b, const expr::Scope& scope) {
        try {
            if (b.kind == Block::Kind::loop) {
                const Branch& body = b.branches.front();
                std::vector<expr::Value> items = b.items->evaluate(scope).items();
                const double length = static_cast<double>(items.size());
                for (std::size_t k = 0; k < items.size(); ++k) {
                    expr::Scope inner(&scope);
                    inner.set(b.variable, items[k]);
                    const double index = static_cast<double>(k);
                    expr::Object loop{{"index", index + 1},     {"index0", index},  {"first", k == 0},
                                      {"last", k + 1 == items.size()}, {"length", length}, {"revindex", length - index}};
                    // The loop around this one, for a cell loop inside a row loop: loop.parent.first.
                    if (const expr::Value* outer = scope.find("loop")) loop.emplace("parent", *outer);
                    inner.set("loop", std::move(loop));
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
                if (item.role == Role::paragraph && !cells_.empty()) cells_.back().has_paragraph = true;
                if (item.role == Role::table && item.kind == Item::Kind::open) {
                    Table table;
                    table.start = text_.size();
                    if (auto grid = program_.grids.find(static_cast<int>(&item - part_.items.data())); grid != program_.grids.end())
                        table.grid = &grid->second;
                    tables_.push_back(table);
                }
                if (item.role == Role::row && !tables_.empty()) {
                    Table& t = tables_.back();
                    t.has_row = true;
                    t.column = 0;
                    t.skip_covered = 0;
                    t.row_tag = -1;
                }
                if (item.role == Role::cell && item.kind == Item::Kind::open) {
                    cells_.push_back(open_cell(item));
                    return;
                }
                if (item.role == Role::covered_cell && gridded()) ++tables_.back().column;
                if (item.role == Role::cell_width && item.kind == Item::Kind::empty && gridded() && !cells_.empty()) {
                    const Cell& cell = cells_.back();
                    text_ += f_.write_cell_width(column_width(cell.column, cell.span));
                    if (!cell.span_element && cell.span != 1) text_ += f_.write_cell_span(cell.span);
                    return;
                }
                if (item.role == Role::cell_span && item.kind == Item::Kind::empty && gridded() && !cells_.empty()) {
                    text_ += f_.write_cell_span(cells_.back().span);
                    return;
                }
                if (item.role == Role::styles && hold_) {
                    if (item.kind == Item::Kind::open) {
                        text_ += item.data;
                        return;
                    }
                    // <office:automatic-styles/>: opened and closed around the styles to come.
                    const std::string name = item.data.substr(1, item.data.find_first_of(" />") - 1);
                    text_ += item.data.substr(0, item.data.size() - 2) + ">";
                    styles_at_ = text_.size();
                    text_ += "</" + name + ">";
                    return;
                }
                text_ += item.data;
                return;
            case Item::Kind::close:
                if (item.role == Role::styles && hold_) styles_at_ = text_.size();
                // Word needs a paragraph in every cell, even one whose paragraphs a block left out.
                if (item.role == Role::cell && !cells_.empty()) {
                    const Cell cell = cells_.back();
                    cells_.pop_back();
                    if (!cell.has_paragraph) text_ += f_.empty_cell_content;
                    text_ += item.data;
                    // A cell whose span grew covers more columns (ODT).
                    for (int k = 0; k < cell.extra_covered; ++k) text_ += f_.covered_cell_markup;
                    if (gridded()) tables_.back().column += cell.extra_covered;
                    return;
                }
                if (item.role == Role::row && gridded()) check_row();
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

    // Whether the open table's columns are generated (its grid written already).
    bool gridded() const { return !tables_.empty() && tables_.back().grid && tables_.back().grid_written; }

    // Grid columns of a table whose columns a cell block makes are replaced by
    // generated ones; covered cells a shrunken span no longer needs are left out.
    bool skipped(const Item& item, const expr::Scope& scope) {
        if (tables_.empty() || !tables_.back().grid) return false;
        Table& t = tables_.back();
        if (item.role == Role::grid_column) {
            if (!t.grid_written) write_grid(t, scope);
            return t.grid != nullptr;
        }
        if (item.role == Role::covered_cell && t.grid_written && t.loops == 0 && t.skip_covered > 0) {
            --t.skip_covered;
            return true;
        }
        return false;
    }

    // The weight of one column a cell loop makes: its element's `width`, else 1.
    double weight(const expr::Value& value, int tag) {
        try {
            expr::Scope scope;
            scope.set("column", value);
            const expr::Value width = width_.evaluate(scope);
            if (width.is_undefined() || text::trim(width.to_text()).empty()) return 1;
            if (const std::optional<double> w = width.to_number(); w && *w > 0) return *w;
            problem(tag, "bad-value", "ширина столбца width=«" + width.to_text() + "» — не положительное число");
        } catch (const expr::EvalError&) {
            // Not an element: it has no width.
        }
        return 1;
    }

    // Evaluates the block that makes the columns and writes one grid column per column it makes.
    void write_grid(Table& t, const expr::Scope& scope) {
        const Grid& g = *t.grid;
        const Block& b = block(g.block);
        std::vector<double> weights;
        try {
            if (b.kind == Block::Kind::loop) {
                for (const expr::Value& v : b.items->evaluate(scope).items()) weights.push_back(weight(v, b.open_tag));
            } else if (b.branches.front().condition->evaluate(scope).truthy()) {
                weights.push_back(1);
            }
        } catch (const expr::EvalError& e) {
            problem(b.open_tag, "undefined-value",
                    std::string(e.what()) + " (первый блок ячеек таблицы вычисляется там, где начинается таблица)");
            t.grid = nullptr;  // the template's columns stay
            return;
        }
        t.grid_written = true;
        const auto& tw = g.widths;
        const double total = std::accumulate(tw.begin(), tw.end(), 0.0);
        const double looped = std::accumulate(tw.begin() + g.from, tw.begin() + g.to, 0.0);
        const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
        std::vector<double> widths;
        std::vector<std::string> styles;
        std::vector<bool> made;  // a column the block made, with a style of its own (ODT)
        auto fixed = [&](int from, int to) {
            for (int j = from; j < to; ++j) {
                widths.push_back(tw[static_cast<std::size_t>(j)]);
                styles.push_back(g.styles[static_cast<std::size_t>(j)]);
                made.push_back(false);
            }
        };
        fixed(0, g.from);
        for (double w : weights)
            for (int j = g.from; j < g.to; ++j) {
                const double share = looped > 0 ? tw[static_cast<std::size_t>(j)] / looped : 1.0 / (g.to - g.from);
                widths.push_back(looped * w / weight_sum * share);
                styles.push_back("PrikazColumn" + std::to_string(++styles_made_));
                made.push_back(true);
            }
        fixed(g.to, static_cast<int>(tw.size()));
        // With no column made, the other columns take the table's width.
        if (weights.empty() && total > looped && looped > 0)
            for (double& w : widths) w *= total / (total - looped);
        // Whole steps whose sum is the table's width: round the running total, not each column.
        double sum = 0, written = 0;
        for (double& w : widths) {
            sum += w;
            const double edge = std::round(sum / f_.width_step) * f_.width_step;
            w = edge - written;
            written = edge;
        }
        t.delta = static_cast<int>(widths.size()) - static_cast<int>(tw.size());
        for (std::size_t k = 0; k < widths.size(); ++k) {
            if (made[k] && f_.write_column_style) styles_ += f_.write_column_style(styles[k], widths[k]);
            text_ += f_.write_column(widths[k], styles[k]);
        }
        t.widths = std::move(widths);
    }

    // Where a template column edge lands among the generated columns.
    int moved(const Table& t, int edge) const {
        return edge >= t.grid->to ? edge + t.delta : edge;
    }

    double column_width(int from, int span) const {
        const auto& w = tables_.back().widths;
        double sum = 0;
        for (int k = from; k < from + span && k < static_cast<int>(w.size()); ++k) sum += w[static_cast<std::size_t>(k)];
        return sum;
    }

    // A cell opens: outside a cell block its span follows the columns made, and its start tag says so (ODT).
    Cell open_cell(const Item& item) {
        Cell cell;
        if (!gridded()) {
            text_ += item.data;
            return cell;
        }
        Table& t = tables_.back();
        cell.column = t.column;
        cell.span = t.loops > 0 ? item.span : moved(t, item.column + item.span) - moved(t, item.column);
        cell.span_element = item.span_element;
        const bool covers = !f_.covered_cell.local.empty();
        t.column += covers ? 1 : cell.span;
        if (!covers || cell.span == item.span) {
            text_ += item.data;
            return cell;
        }
        if (cell.span > item.span) cell.extra_covered = cell.span - item.span;
        else t.skip_covered += item.span - cell.span;
        const std::string& bare = item.spanless;
        const std::size_t end = bare.size() - (bare.ends_with("/>") ? 2 : 1);
        text_ += bare.substr(0, end);
        if (cell.span > 1) text_ += " " + std::string(f_.span_attribute) + "=\"" + std::to_string(cell.span) + "\"";
        text_ += bare.substr(end);
        return cell;
    }

    // Every row of a table with generated columns must fill them all.
    void check_row() {
        const Table& t = tables_.back();
        const int columns = static_cast<int>(t.widths.size());
        if (t.column == columns) return;
        const int tag = t.row_tag >= 0 ? t.row_tag : block(t.grid->block).open_tag;
        problem(tag, "cell-count",
                "в строке таблицы столбцов: " + std::to_string(t.column) + ", а в таблице: " + std::to_string(columns) +
                    " (по первому блоку ячеек таблицы «{% " +
                    part_.tags[static_cast<std::size_t>(block(t.grid->block).open_tag)].source +
                    " %}»): блоки ячеек в разных строках должны давать одно число ячеек");
    }

    // Hands what has been rendered to the sink once there is more than `above` of it.
    void flush(std::size_t above) {
        if (!sink_ || hold_ || text_.size() <= above) return;
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
    const bool hold_;
    const expr::Expression width_;  // a column's weight: column.width?
    std::string text_;
    std::vector<Cell> cells_;  // open cells
    std::vector<Table> tables_;  // open tables
    std::string styles_;                       // column styles made (ODT)
    std::size_t styles_at_ = std::string::npos;  // where they go
    int styles_made_ = 0;
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
