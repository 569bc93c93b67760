#include "template/parse.hpp"

#include <algorithm>
#include <cctype>

namespace prikaz {

namespace {

struct Statement {
    enum class Word { for_, endfor, if_, elif, else_, endif, unknown } word;
    std::string rest;  // after the first word
    std::string mark;  // "tc" (the block repeats cells), "tr" (rows) or empty, as in docxtpl
};

Statement split_statement(const std::string& source) {
    auto space = source.find_first_of(" \t\n");
    std::string first = source.substr(0, space);
    std::string rest = space == std::string::npos ? std::string() : source.substr(source.find_first_not_of(" \t\n", space));
    if (first == "tc" || first == "tr") {
        Statement s = split_statement(rest);
        if (s.mark.empty()) s.mark = first;
        else s.word = Statement::Word::unknown;
        return s;
    }
    using W = Statement::Word;
    W word = first == "for" ? W::for_ : first == "endfor" ? W::endfor : first == "if" ? W::if_ : first == "elif" ? W::elif
           : first == "else" ? W::else_ : first == "endif" ? W::endif : W::unknown;
    return {word, rest, {}};
}

class Parser {
public:
    Parser(const ScannedPart& part, const std::string& where, std::vector<Diagnostic>& out)
        : part_(part), where_(where), out_(out) {}

    Program run() {
        for (std::size_t i = 0; i < part_.tags.size(); ++i) take(static_cast<int>(i));
        for (const Open& open : stack_)
            error(open.tags.front(), "unclosed-block",
                  std::string("блок «{% ") + tag(open.tags.front()).source + " %}» не закрыт: нет «{% " +
                      (open.kind == Block::Kind::loop ? "endfor" : "endif") + " %}»");
        nest();
        grids();
        return std::move(program_);
    }

private:
    struct Open {
        Block::Kind kind;
        std::vector<int> tags;  // the opening tag, then elif/else tags
        std::vector<std::optional<expr::Expression>> conditions;
        std::string variable;
        std::optional<expr::Expression> items;
        std::string mark;
    };

    const Tag& tag(int index) const { return part_.tags[static_cast<std::size_t>(index)]; }
    const Item& item(int index) const { return part_.items[static_cast<std::size_t>(index)]; }
    int close_of(int open) const { return item(open).match; }

    void error(int tag_index, std::string rule, std::string message) {
        out_.push_back({Severity::error, Category::template_, std::move(rule), {where_, 0, 0},
                        "в абзаце " + quote_paragraph(tag(tag_index).paragraph_text) + ": " + message});
    }

    std::optional<expr::Expression> expression(int tag_index, std::string_view text, std::string_view what) {
        auto parsed = expr::parse(text);
        if (auto* e = std::get_if<expr::Expression>(&parsed)) return *e;
        const auto& problem = std::get<expr::ParseError>(parsed);
        error(tag_index, "bad-expression",
              std::string(what) + " «" + std::string(text) + "»: " + problem.message + " (позиция " +
                  std::to_string(problem.offset + 1) + ")");
        return std::nullopt;
    }

    void take(int index) {
        const Tag& t = tag(index);
        if (t.kind == TagKind::comment) {
            // A comment alone in its paragraph takes the paragraph with it.
            if (t.alone) add_block({Block::Kind::drop, {}, {}, {}, t.unit, close_of(t.unit) + 1, index, false});
            return;
        }
        if (t.kind == TagKind::value) {
            if (auto e = expression(index, t.source, "выражение"))
                program_.values.emplace(index, std::move(*e));
            return;
        }
        Statement s = split_statement(t.source);
        using W = Statement::Word;
        switch (s.word) {
            case W::for_: {
                auto in = s.rest.find(" in ");
                std::string variable = s.rest.substr(0, in);
                bool name_ok = in != std::string::npos && !variable.empty() &&
                               std::all_of(variable.begin(), variable.end(), [](char c) {
                                   return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                               }) && !std::isdigit(static_cast<unsigned char>(variable[0]));
                if (!name_ok) {
                    error(index, "bad-statement", "ожидается «{% for имя in путь %}», а написано «{% " + t.source + " %}»");
                    stack_.push_back({Block::Kind::loop, {index}, {}, {}, {}, s.mark});
                    return;
                }
                stack_.push_back({Block::Kind::loop, {index}, {}, variable,
                                  expression(index, s.rest.substr(in + 4), "выражение цикла"), s.mark});
                return;
            }
            case W::if_:
                stack_.push_back({Block::Kind::condition, {index}, {expression(index, s.rest, "условие")}, {}, {}, s.mark});
                return;
            case W::elif:
            case W::else_:
                if (stack_.empty() || stack_.back().kind != Block::Kind::condition) {
                    error(index, "unexpected-statement",
                          "«{% " + t.source + " %}» стоит вне блока «{% if %}»");
                    return;
                }
                if (!same_mark(stack_.back(), s.mark, index)) return;
                stack_.back().tags.push_back(index);
                stack_.back().conditions.push_back(
                    s.word == W::elif ? expression(index, s.rest, "условие") : std::optional<expr::Expression>());
                return;
            case W::endfor:
            case W::endif: {
                const auto kind = s.word == W::endfor ? Block::Kind::loop : Block::Kind::condition;
                const char* opener = kind == Block::Kind::loop ? "for" : "if";
                if (stack_.empty()) {
                    error(index, "unexpected-statement",
                          "«{% " + t.source + " %}» без открывающего «{% " + opener + " … %}»");
                    return;
                }
                if (stack_.back().kind != kind) {
                    error(index, "unexpected-statement",
                          "«{% " + t.source + " %}» закрывает не тот блок: открыт «{% " + tag(stack_.back().tags.front()).source +
                              " %}»");
                    stack_.pop_back();
                    return;
                }
                Open open = std::move(stack_.back());
                stack_.pop_back();
                if (!same_mark(open, s.mark, index)) return;
                open.tags.push_back(index);
                place(std::move(open));
                return;
            }
            case W::unknown:
                error(index, "bad-statement",
                      "неизвестная команда «{% " + t.source + " %}»; есть for, endfor, if, elif, else, endif");
                return;
        }
    }

    // All tags of a block carry the mark of its opening tag: {%tc for %} … {%tc endfor %}.
    bool same_mark(const Open& open, const std::string& mark, int index) {
        if (mark == open.mark) return true;
        error(open.tags.front(), "block-placement",
              "теги одного блока пишутся с одной пометкой: «{% " + tag(open.tags.front()).source + " %}» и «{% " +
                  tag(index).source + " %}»");
        return false;
    }

    // Markup between two items must close exactly what it opens, or repeating it breaks the document.
    bool balanced(int from, int to) const {
        std::vector<int> closed, opened;
        for (int i = from; i < to; ++i) {
            const Item& it = item(i);
            if (it.kind == Item::Kind::open) {
                opened.push_back(i);
            } else if (it.kind == Item::Kind::close) {
                if (!opened.empty()) opened.pop_back();
                else closed.push_back(it.match);
            }
        }
        if (closed.size() != opened.size()) return false;
        // What is closed, innermost first, must be reopened in the same order outermost first.
        for (std::size_t k = 0; k < closed.size(); ++k) {
            const std::string& shut = item(closed[k]).data;
            const std::string& reopen = item(opened[opened.size() - 1 - k]).data;
            auto name = [](const std::string& tag) { return tag.substr(1, tag.find_first_of(" />") - 1); };
            if (name(shut) != name(reopen)) return false;
        }
        return true;
    }

    void place(Open open) {
        const Tag& first = tag(open.tags.front());
        const Tag& last = tag(open.tags.back());
        Block block;
        block.kind = open.kind;
        block.variable = open.variable;
        block.items = open.items;
        block.open_tag = open.tags.front();
        const bool has_branches = open.tags.size() > 2;
        auto fail = [&](const std::string& message) { error(open.tags.front(), "block-placement", message); };
        const std::string name = "«{% " + first.source + " %}» … «{% " + last.source + " %}»";

        if (open.mark == "tc") {
            // Cells of one row, from the opening tag's cell to the closing tag's: they repeat or vanish.
            if (first.cell < 0 || last.cell < 0)
                return fail("пометка «tc» повторяет ячейки строки таблицы, а теги " + name + " стоят вне ячейки таблицы");
            if (first.row != last.row)
                return fail("теги " + name + " стоят в разных строках таблицы: «tc» повторяет ячейки одной строки "
                            "(строки повторяет «tr»)");
            if (has_branches)
                return fail("«{% elif %}» и «{% else %}» в блоке ячеек не поддерживаются: используйте отдельные «{%tc if %}»");
            block.cells = true;
            block.from = first.cell;
            block.to = close_of(last.cell) + 1;
            block.branches.push_back({open.conditions.empty() ? std::nullopt : open.conditions[0], block.from, block.to, {}});
        } else if (open.mark == "tr" && (first.row < 0 || last.row < 0)) {
            return fail("пометка «tr» повторяет строки таблицы, а теги " + name + " стоят вне таблицы");
        } else if (open.mark != "tr" && first.paragraph == last.paragraph) {
            // Inline: the text between the tags repeats.
            block.from = first.item;
            block.to = last.item + 1;
            for (std::size_t k = 0; k + 1 < open.tags.size(); ++k) {
                int from = tag(open.tags[k]).item + 1, to = tag(open.tags[k + 1]).item;
                if (!balanced(from, to)) {
                    return fail("теги " + name + " стоят в одном абзаце на разной глубине разметки (например, один в "
                                "гиперссылке или поле): поставьте их на одном уровне текста");
                }
                block.branches.push_back({k < open.conditions.size() ? open.conditions[k] : std::nullopt, from, to, {}});
            }
        } else if (first.row >= 0 && first.row == last.row && (first.cell != last.cell || open.mark == "tr")) {
            // Tags in different cells of one row: the row repeats.
            if (has_branches) return fail("«{% elif %}» и «{% else %}» в строках таблицы не поддерживаются: используйте отдельные «{% if %}»");
            block.from = first.row;
            block.to = close_of(first.row) + 1;
            block.branches.push_back({open.conditions.empty() ? std::nullopt : open.conditions[0], block.from, block.to, {}});
        } else if (first.row >= 0 && last.row >= 0 && first.row != last.row) {
            // Tags in different rows of one table: those rows repeat.
            if (first.table != last.table || item(first.row).parent != item(last.row).parent)
                return fail("теги " + name + " стоят в разных таблицах: блок разорвал бы таблицу");
            block.from = first.row;
            block.to = close_of(last.row) + 1;
            // Each branch is the rows from its tag's row up to the next branch's row.
            for (std::size_t k = 0; k + 1 < open.tags.size(); ++k) {
                const Tag& here = tag(open.tags[k]);
                const Tag& next = tag(open.tags[k + 1]);
                const bool last_branch = k + 2 == open.tags.size();
                if (here.table != first.table || item(here.row).parent != item(first.row).parent ||
                    (!last_branch && (next.row <= here.row || next.table != first.table)))
                    return fail("в " + name + " каждый «{% elif %}» и «{% else %}» должен стоять в своей строке той же "
                                "таблицы, ниже предыдущего тега");
                block.branches.push_back({k < open.conditions.size() ? open.conditions[k] : std::nullopt, here.row,
                                          last_branch ? block.to : next.row, {}});
            }
        } else if ((first.row >= 0) != (last.row >= 0) || first.cell != last.cell) {
            return fail("один тег из " + name + " стоит в таблице, а другой — вне её (или в другой ячейке): блок "
                        "разорвал бы таблицу");
        } else {
            // Each tag alone in its paragraph: the paragraphs between repeat, the tag paragraphs vanish.
            for (int t : open.tags)
                if (!tag(t).alone)
                    return fail("теги " + name + " стоят в разных абзацах, но не одни: поставьте каждый тег в "
                                "отдельный абзац (тогда повторяются абзацы между ними) или оба в один абзац");
            const int parent = item(first.unit).parent;
            for (int t : open.tags)
                if (item(tag(t).unit).parent != parent)
                    return fail("теги " + name + " стоят на разных уровнях документа (например, один в списке, "
                                "другой вне его)");
            block.from = first.unit;
            block.to = close_of(last.unit) + 1;
            for (std::size_t k = 0; k + 1 < open.tags.size(); ++k)
                block.branches.push_back({k < open.conditions.size() ? open.conditions[k] : std::nullopt,
                                          close_of(tag(open.tags[k]).unit) + 1, tag(open.tags[k + 1]).unit, {}});
        }
        add_block(std::move(block));
    }

    // The table a block's cells are in makes its columns from the first cell block in it.
    void grids() {
        const auto& blocks = program_.blocks;
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            const Block& b = blocks[k];
            if (!b.cells) continue;
            const int table = tag(b.open_tag).table;
            auto found = program_.grids.find(table);
            if (found != program_.grids.end()) {
                const Block& other = blocks[static_cast<std::size_t>(found->second.block)];
                if (other.from < b.from || (other.from == b.from && other.to >= b.to)) continue;
            }
            Grid grid;
            grid.block = static_cast<int>(k);
            for (int i = table + 1; i < close_of(table); ++i) {
                const Item& it = item(i);
                if (it.role != Role::grid_column || it.kind == Item::Kind::close) continue;
                int owner = it.parent;
                while (owner >= 0 && item(owner).role != Role::table) owner = item(owner).parent;
                if (owner != table) continue;
                for (int c = 0; c < it.span; ++c) {
                    grid.widths.push_back(it.width / it.span);
                    grid.styles.push_back(it.style);
                }
            }
            const Item& last_cell = item(item(b.to - 1).match);
            grid.from = item(b.from).column;
            grid.to = last_cell.column + last_cell.span;
            if (grid.to > static_cast<int>(grid.widths.size())) {
                program_.grids.erase(table);  // a table without a grid of its own: its cells repeat as they are
                continue;
            }
            program_.grids[table] = std::move(grid);
        }
    }

    void add_block(Block block) { program_.blocks.push_back(std::move(block)); }

    // Blocks must nest: each one inside a body of the block around it.
    void nest() {
        auto& blocks = program_.blocks;
        std::vector<int> order(blocks.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const Block &x = blocks[static_cast<std::size_t>(a)], &y = blocks[static_cast<std::size_t>(b)];
            if (x.from != y.from) return x.from < y.from;
            if (x.to != y.to) return x.to > y.to;
            return x.open_tag < y.open_tag;
        });
        std::vector<int> stack;
        for (int index : order) {
            Block& b = blocks[static_cast<std::size_t>(index)];
            while (!stack.empty() && blocks[static_cast<std::size_t>(stack.back())].to <= b.from) stack.pop_back();
            if (stack.empty()) {
                program_.top.push_back(index);
            } else {
                Block& parent = blocks[static_cast<std::size_t>(stack.back())];
                auto body = std::find_if(parent.branches.begin(), parent.branches.end(),
                                         [&](const Branch& br) { return br.from <= b.from && b.to <= br.to; });
                if (body == parent.branches.end()) {
                    error(b.open_tag, "block-placement",
                          "блок «" + tag(b.open_tag).source + "» пересекается с блоком «" + tag(parent.open_tag).source +
                              "»: блоки должны быть вложены один в другой целиком");
                    continue;
                }
                body->children.push_back(index);
            }
            stack.push_back(index);
        }
    }

    const ScannedPart& part_;
    const std::string& where_;
    std::vector<Diagnostic>& out_;
    Program program_;
    std::vector<Open> stack_;
};

}  // namespace

Program parse_part(const ScannedPart& part, const std::string& where, std::vector<Diagnostic>& out) {
    return Parser(part, where, out).run();
}

}  // namespace prikaz
