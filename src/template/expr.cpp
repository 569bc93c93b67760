// The expression language of the templates: a recursive-descent parser to a
// small tree, and an evaluator over the libxml2 tree of a record.
//
// Grammar (whitespace between tokens is free; keywords and/or/not/true/false are not paths):
//
//   expr     := or
//   or       := and ("or" and)*
//   and      := not ("and" not)*
//   not      := "not" not | cmp
//   cmp      := sum [("==" | "!=" | "<" | "<=" | ">" | ">=") sum]
//   sum      := product (("+" | "-") product)*
//   product  := unary (("*" | "/") unary)*
//   unary    := "-" unary | filtered
//   filtered := primary ("|" ident ["(" [expr ("," expr)*] ")"])*
//   primary  := string | number | "true" | "false" | call | path ["?"] | "(" expr ")"
//   call     := ("count" | "sum" | "min" | "max") "(" expr ")"
//   path     := ident ("." ident)*
//   ident    := [A-Za-z_][A-Za-z0-9_-]*   (hyphens inside, as in XML names; not at the end)
//   string   := '…' | "…"   (escapes \" \' \\ only)
//   number   := digits ["." digits]
//
// count/sum/min/max followed by "(" are calls; alone they are ordinary paths.
// Arithmetic binds looser than filters, as in Jinja: (a - b) | number(1). A
// hyphen between letters belongs to a name (school-year), so subtraction is
// written with spaces: target - actual.
// Filters and their argument counts are checked while parsing, so a template's
// mistakes are all reported before anything is rendered.
//
// Paths. The first name is a variable of the Scope. Each following name steps
// from every node of the current set to its child elements of that local name
// (namespaces ignored), in document order. When no node of the set has such
// children, the step takes the attribute of that name instead: as a value it is
// the attribute of the first node that has one (as a node set prints its first
// node), while count/sum/min/max and join see the attribute of every node, so
// sum(indicator.value.actual) adds up all of them. A step into an Object (the
// loop variable) takes the member. A step from a string, number or boolean, or
// a step that finds nothing, makes the whole path undefined, reported with the
// path as written. A step from attributes that hold ids (one, or several
// separated by spaces) goes on from the elements they name, found through the
// root scope's resolver: pair.mentor.surname is the surname of the person whose
// id the mentor attribute holds.
#include "template/expr.hpp"

#include "russian/text.hpp"
#include "template/filters.hpp"
#include "text.hpp"


#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cmath>
#include <span>
#include <utility>

namespace prikaz::expr {

namespace {

enum class Kind { literal, path, aggregate, filtered, compare, arithmetic, negate, and_, or_, not_ };
enum class Aggregate { count, sum, min, max };
enum class Op { eq, ne, lt, le, gt, ge };

constexpr std::array<std::pair<std::string_view, Aggregate>, 4> aggregate_table{{
    {"count", Aggregate::count},
    {"sum", Aggregate::sum},
    {"min", Aggregate::min},
    {"max", Aggregate::max},
}};

// Deeper nesting than this is no real template; the limit keeps the recursive
// parser and evaluator far from the end of the stack on hostile input.
constexpr int max_depth = 100;

// ---------------------------------------------------------------- text helpers


std::string node_text(xmlNode* node) {
    XmlChars content(xmlNodeGetContent(node));
    return std::string(as_view(content.get()));
}

// An element inside running text (<text>Назначить <person …/>.</text>): printed as plain
// text it would vanish or lose its meaning, so it needs a filter that knows it.
const xmlNode* mark_in_words(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return nullptr;
    bool words = false;
    const xmlNode* mark = nullptr;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !mark) mark = c;
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !text::trim(as_view(c->content)).empty())
            words = true;
    }
    return words ? mark : nullptr;
}

// Whitespace around numbers and for blankness: ASCII whitespace and the
// no-break space U+00A0, which Word puts in numbers and empty cells.
std::string_view trim(std::string_view s) {
    auto space_at_front = [&] {
        if (s.empty()) return std::size_t{0};
        if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\v' || s[0] == '\f') return std::size_t{1};
        if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return std::size_t{2};
        return std::size_t{0};
    };
    auto space_at_back = [&] {
        if (s.empty()) return std::size_t{0};
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return std::size_t{1};
        if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && c == '\xA0') return std::size_t{2};
        return std::size_t{0};
    };
    while (std::size_t n = space_at_front()) s.remove_prefix(n);
    while (std::size_t n = space_at_back()) s.remove_suffix(n);
    return s;
}

bool blank(std::string_view s) { return trim(s).empty(); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c) || c == '-'; }

// A number as people write it in records: "72.5", "72,5", "-3", " 12 ".
std::optional<double> read_number(std::string_view text) {
    std::string s(trim(text));
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    const std::size_t digits = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == digits) return std::nullopt;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        s[i++] = '.';  // from_chars reads only the point
        const std::size_t fraction = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == fraction) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    double d = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(d)) return std::nullopt;
    return d;
}

// Numbers as a Russian document prints them: no trailing zeros, at most two
// decimals, a decimal comma, no grouping. to_chars does not depend on the C locale.
std::string format_number(double d) {
    if (!std::isfinite(d)) throw EvalError("число вне допустимого диапазона");
    std::array<char, 400> buffer{};  // the largest double has 309 digits
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d, std::chars_format::fixed, 2);
    if (ec != std::errc()) throw EvalError("число вне допустимого диапазона");
    std::string s(buffer.data(), end);
    while (s.back() == '0') s.pop_back();  // stops at the point: "%.2f" always has one
    if (s.back() == '.') s.pop_back();
    else if (auto point = s.find('.'); point != std::string::npos) s[point] = ',';
    if (s == "-0") s = "0";
    return s;
}

// At most `limit` characters of `s` for an error message: invalid UTF-8 shows
// as U+FFFD and control characters as spaces, so a message is always clean text.
std::string excerpt(std::string_view s, std::size_t limit = 30) {
    std::string out;
    std::size_t i = 0;
    for (std::size_t count = 0; i < s.size(); ++count) {
        if (count == limit) {
            out += "…";
            break;
        }
        const std::size_t start = i;
        const int32_t c = russian::next_char(s, i);
        if (c < 0) out += "\xEF\xBF\xBD";
        else if (c < 0x20 || c == 0x7F) out += ' ';
        else out.append(s.substr(start, i - start));
    }
    return out;
}

std::string undefined_message(const std::string& path) {
    return "путь «" + path + "» ничего не нашёл в записи; проверьте имя или сделайте значение необязательным: {{ " + path +
           " | default(\"\") }} или {{ " + path + "? }}";
}

}  // namespace

// ---------------------------------------------------------------- the tree

// One node of a parsed expression. A tagged struct rather than a class
// hierarchy: the language is small and the evaluator reads best as one switch.
struct Ast {
    struct Filter {
        const FilterSpec* spec;  // a row of the filter table
        std::vector<std::unique_ptr<const Ast>> args;
    };

    Kind kind = Kind::literal;
    std::string source;  // as written, for messages; for a path its names joined by dots
    Value literal;                          // literal
    std::vector<std::string> steps;         // path
    bool optional = false;                  // path: written with "?"
    Aggregate aggregate = Aggregate::count;  // aggregate
    Op op = Op::eq;                         // compare
    char arithmetic = '+';                  // arithmetic: + - * /
    // aggregate: the argument; filtered: the input; compare: both sides; and/or: every operand; not: one.
    std::vector<std::unique_ptr<const Ast>> operands;
    std::vector<Filter> filters;  // filtered
};

namespace {

// ---------------------------------------------------------------- parser

// Thrown inside the parser and turned into the ParseError result at its edge.
struct Failure {
    ParseError error;
};

[[noreturn]] void fail(std::size_t offset, std::string message) { throw Failure{{offset, std::move(message)}}; }

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) { lex(); }

    std::unique_ptr<const Ast> whole() {
        auto e = expression();
        if (tok_.kind != Tok::end)
            fail(tok_.from, "лишний текст после выражения: «" + excerpt(trim(text_.substr(tok_.from))) + "»");
        return e;
    }

private:
    enum class Tok { end, ident, number, string, lparen, rparen, comma, dot, pipe, question, op, arithmetic };
    struct Token {
        Tok kind = Tok::end;
        std::size_t from = 0, to = 0;
        std::string text;  // an ident's name, a string's value, an operator
        double number = 0;
    };

    // Nesting depth, counted on the way down; the parser is thrown away on failure.
    struct Deeper {
        explicit Deeper(Parser& p) : p_(p) {
            if (++p_.depth_ > max_depth) fail(p_.tok_.from, "выражение вложено слишком глубоко");
        }
        ~Deeper() { --p_.depth_; }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
        Parser& p_;
    };

    // ------------------------------------------------------------ tokens

    // Reads the token at pos_ into tok_. Lexing is lazy, one token ahead of the
    // parser, so the first problem in the text is the one reported.
    void lex() {
        std::size_t i = pos_;
        while (i < text_.size()) {
            const char c = text_[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++i;
            else if (c == '\xC2' && i + 1 < text_.size() && text_[i + 1] == '\xA0') i += 2;  // Word's no-break space
            else break;
        }
        tok_ = Token{};
        tok_.from = tok_.to = i;
        if (i == text_.size()) return;
        const char c = text_[i];
        auto single = [&](Tok kind) {
            tok_.kind = kind;
            tok_.to = i + 1;
        };
        auto op = [&](std::string_view symbol) {
            tok_.kind = Tok::op;
            tok_.text = symbol;
            tok_.to = i + symbol.size();
        };
        const char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
        if (is_ident_start(c)) {
            std::size_t j = i + 1;
            while (j < text_.size() && is_ident_char(text_[j])) ++j;
            while (text_[j - 1] == '-') --j;  // a hyphen ends no name: "a-" is "a" then "-"
            tok_.kind = Tok::ident;
            tok_.text = text_.substr(i, j - i);
            tok_.to = j;
        } else if (is_digit(c)) {
            lex_number(i);
        } else if (c == '"' || c == '\'') {
            lex_string(i);
        } else if (c == '(') single(Tok::lparen);
        else if (c == ')') single(Tok::rparen);
        else if (c == ',') single(Tok::comma);
        else if (c == '.') single(Tok::dot);
        else if (c == '|') single(Tok::pipe);
        else if (c == '?') single(Tok::question);
        else if (c == '+' || c == '-' || c == '*' || c == '/') {
            single(Tok::arithmetic);
            tok_.text = std::string(1, c);
        }
        else if (c == '=' && next == '=') op("==");
        else if (c == '!' && next == '=') op("!=");
        else if (c == '<') op(next == '=' ? "<=" : "<");
        else if (c == '>') op(next == '=' ? ">=" : ">");
        else if (c == '=') fail(i, "одиночный «=»: для сравнения пишите «==»");
        else if (c == '!') fail(i, "«!» — не оператор: для отрицания пишите «not», для неравенства «!=»");
        else bad_character(i);
    }

    void lex_number(std::size_t i) {
        std::size_t j = i;
        while (j < text_.size() && is_digit(text_[j])) ++j;
        if (j + 1 < text_.size() && text_[j] == '.' && is_digit(text_[j + 1])) {
            ++j;
            while (j < text_.size() && is_digit(text_[j])) ++j;
        }
        double d = 0;
        const auto [end, ec] = std::from_chars(text_.data() + i, text_.data() + j, d);
        if (ec != std::errc() || end != text_.data() + j || !std::isfinite(d))
            fail(i, "слишком большое число «" + excerpt(text_.substr(i, j - i)) + "»");
        tok_.kind = Tok::number;
        tok_.number = d;
        tok_.to = j;
    }

    void lex_string(std::size_t i) {
        const char quote = text_[i];
        std::string value;
        for (std::size_t j = i + 1; j < text_.size(); ++j) {
            const char c = text_[j];
            if (c == quote) {
                tok_.kind = Tok::string;
                tok_.text = std::move(value);
                tok_.to = j + 1;
                return;
            }
            if (c == '\\') {
                if (j + 1 == text_.size()) break;  // unclosed
                const char escaped = text_[j + 1];
                if (escaped != '"' && escaped != '\'' && escaped != '\\')
                    fail(j, "в строке после «\\» может стоять только «\"», «'» или «\\»");
                value += escaped;
                ++j;
                continue;
            }
            value += c;
        }
        fail(i, "незакрытая строка");
    }

    [[noreturn]] void bad_character(std::size_t i) {
        const std::string_view rest = text_.substr(i, 4);
        std::size_t k = 0;
        const int32_t c = russian::next_char(rest, k);  // one character, however many bytes
        std::string message = "непонятный знак «" + excerpt(rest.substr(0, k)) + "»";
        if (c >= 0x80 && russian::is_letter(static_cast<char32_t>(c)))
            message += "; имена в выражениях пишутся латиницей, как в записи";
        fail(i, std::move(message));
    }

    void advance() {
        end_ = tok_.to;
        pos_ = tok_.to;
        lex();
    }

    bool at_word(std::string_view word) const { return tok_.kind == Tok::ident && tok_.text == word; }

    void expect(Tok kind, const char* message) {
        if (tok_.kind != kind) fail(tok_.from, message);
        advance();
    }

    std::unique_ptr<Ast> node(Kind kind, std::size_t from) const {
        auto a = std::make_unique<Ast>();
        a->kind = kind;
        a->source = std::string(text_.substr(from, end_ - from));
        return a;
    }

    // ------------------------------------------------------------ grammar

    std::unique_ptr<const Ast> expression() {
        Deeper deeper(*this);
        return logic(Kind::or_);
    }

    // or := and ("or" and)*;  and := not ("and" not)*. A chain is one node with
    // all its operands, so a long chain does not nest.
    std::unique_ptr<const Ast> logic(Kind kind) {
        const std::string_view word = kind == Kind::or_ ? "or" : "and";
        const std::size_t from = tok_.from;
        auto operand = [&]() { return kind == Kind::or_ ? logic(Kind::and_) : negation(); };
        auto first = operand();
        if (!at_word(word)) return first;
        std::vector<std::unique_ptr<const Ast>> operands;
        operands.push_back(std::move(first));
        while (at_word(word)) {
            advance();
            operands.push_back(operand());
        }
        auto a = node(kind, from);
        a->operands = std::move(operands);
        return a;
    }

    std::unique_ptr<const Ast> negation() {
        if (!at_word("not")) return comparison();
        return prefixed(Kind::not_, [this] { return negation(); });
    }

    // "not x", "-x": the operator just read applies to the operand that follows.
    template <class Operand>
    std::unique_ptr<const Ast> prefixed(Kind kind, Operand operand) {
        Deeper deeper(*this);
        const std::size_t from = tok_.from;
        advance();
        auto inner = operand();
        auto a = node(kind, from);
        a->operands.push_back(std::move(inner));
        return a;
    }

    std::unique_ptr<const Ast> comparison() {
        const std::size_t from = tok_.from;
        auto left = sum();
        if (tok_.kind != Tok::op) return left;
        const std::string symbol = tok_.text;
        advance();
        auto right = sum();
        auto a = node(Kind::compare, from);
        a->op = symbol == "==" ? Op::eq : symbol == "!=" ? Op::ne : symbol == "<" ? Op::lt
              : symbol == "<=" ? Op::le : symbol == ">" ? Op::gt : Op::ge;
        a->operands.push_back(std::move(left));
        a->operands.push_back(std::move(right));
        return a;
    }

    // Left-associative + - over products, * / over unary operands.
    std::unique_ptr<const Ast> sum() { return arithmetic("+-", [this] { return product(); }); }
    std::unique_ptr<const Ast> product() { return arithmetic("*/", [this] { return unary(); }); }

    template <class Operand>
    std::unique_ptr<const Ast> arithmetic(std::string_view ops, Operand operand) {
        const std::size_t from = tok_.from;
        auto left = operand();
        while (tok_.kind == Tok::arithmetic && ops.find(tok_.text.front()) != std::string_view::npos) {
            const char op = tok_.text.front();
            advance();
            auto right = operand();
            auto a = node(Kind::arithmetic, from);
            a->arithmetic = op;
            a->operands.push_back(std::move(left));
            a->operands.push_back(std::move(right));
            left = std::move(a);
        }
        return left;
    }

    std::unique_ptr<const Ast> unary() {
        if (tok_.kind != Tok::arithmetic || tok_.text != "-") return filtered();
        return prefixed(Kind::negate, [this] { return unary(); });
    }

    std::unique_ptr<const Ast> filtered() {
        const std::size_t from = tok_.from;
        auto input = primary();
        if (tok_.kind != Tok::pipe) return input;
        std::vector<Ast::Filter> filters;
        while (tok_.kind == Tok::pipe) {
            advance();
            if (tok_.kind != Tok::ident) fail(tok_.from, "ожидается имя фильтра после «|»");
            const std::size_t name_at = tok_.from;
            const std::string name = tok_.text;
            const FilterSpec* known = find_filter(name);
            if (!known) {
                std::string list;
                for (const std::string& n : filter_names()) list += (list.empty() ? "" : ", ") + n;
                fail(name_at, "неизвестный фильтр «" + name + "»; есть: " + list);
            }
            advance();
            Ast::Filter f{known, {}};
            if (tok_.kind == Tok::lparen) {
                advance();
                if (tok_.kind != Tok::rparen) {
                    f.args.push_back(expression());
                    while (tok_.kind == Tok::comma) {
                        advance();
                        f.args.push_back(expression());
                    }
                }
                expect(Tok::rparen, "ожидается «)»");
            }
            if (std::string wrong = argument_count_error(*known, f.args.size()); !wrong.empty()) fail(name_at, std::move(wrong));
            filters.push_back(std::move(f));
        }
        auto a = node(Kind::filtered, from);
        a->operands.push_back(std::move(input));
        a->filters = std::move(filters);
        return a;
    }

    std::unique_ptr<const Ast> primary() {
        const std::size_t from = tok_.from;
        switch (tok_.kind) {
            case Tok::string:
            case Tok::number: {
                Value v = tok_.kind == Tok::string ? Value(tok_.text) : Value(tok_.number);
                advance();
                auto a = node(Kind::literal, from);
                a->literal = std::move(v);
                return a;
            }
            case Tok::lparen: {
                advance();
                auto inner = expression();
                expect(Tok::rparen, "ожидается «)»");
                return inner;
            }
            case Tok::ident: break;
            default: fail(tok_.from, "ожидается выражение");
        }
        const std::string name = tok_.text;
        if (name == "and" || name == "or" || name == "not") fail(tok_.from, "ожидается выражение");
        advance();
        if (name == "true" || name == "false") {
            auto a = node(Kind::literal, from);
            a->literal = Value(name == "true");
            return a;
        }
        const auto call = std::find_if(aggregate_table.begin(), aggregate_table.end(),
                                       [&](const auto& f) { return f.first == name; });
        if (call != aggregate_table.end() && tok_.kind == Tok::lparen) {
            advance();
            auto argument = expression();
            expect(Tok::rparen, "ожидается «)»");
            auto a = node(Kind::aggregate, from);
            a->aggregate = call->second;
            a->operands.push_back(std::move(argument));
            return a;
        }
        std::vector<std::string> steps{name};
        while (tok_.kind == Tok::dot) {
            advance();
            // After a dot any name is a step, keywords included: an element may be called <not>.
            if (tok_.kind != Tok::ident) fail(tok_.from, "ожидается имя после «.»");
            steps.push_back(tok_.text);
            advance();
        }
        auto a = node(Kind::path, from);
        a->source.clear();
        for (const std::string& s : steps) a->source += (a->source.empty() ? "" : ".") + s;
        a->steps = std::move(steps);
        if (tok_.kind == Tok::question) {
            a->optional = true;
            advance();
        }
        return a;
    }

    std::string_view text_;
    std::size_t pos_ = 0;  // where the token after tok_ starts to be looked for
    std::size_t end_ = 0;  // end of the last token taken
    Token tok_;
    int depth_ = 0;
};

// ---------------------------------------------------------------- evaluator

// One evaluation: the scope and the collator, made when first needed and
// dropped at the end, so nothing is shared between evaluations or threads.
class Evaluator {
public:
    explicit Evaluator(const Scope& scope) : scope_(scope) {}

    Value eval(const Ast& a) {
        switch (a.kind) {
            case Kind::literal: return a.literal;
            case Kind::path: return path(a, nullptr);
            case Kind::aggregate: return aggregate(a);
            case Kind::filtered: return filtered(a);
            case Kind::compare: return compare(a);
            case Kind::arithmetic: return arithmetic(a);
            case Kind::negate: return -number_of(*a.operands.front());
            case Kind::and_:
                for (const auto& operand : a.operands)
                    if (!eval(*operand).truthy()) return false;  // the rest is not evaluated
                return true;
            case Kind::or_:
                for (const auto& operand : a.operands)
                    if (eval(*operand).truthy()) return true;
                return false;
            case Kind::not_: return !eval(*a.operands.front()).truthy();
        }
        return Value::undefined(a.source);  // not reached: every kind returns above
    }

private:
    // Follows a path. When its last step lands on attributes and `every` is
    // given, the attribute of every node goes there (what aggregates walk).
    Value path(const Ast& a, std::vector<std::string>* every) {
        Value result = walk(a, every);
        if (result.is_undefined() && a.optional) return std::string();
        return result;
    }

    Value walk(const Ast& a, std::vector<std::string>* every) {
        const Value* variable = scope_.find(a.steps.front());
        if (!variable || variable->is_undefined()) return Value::undefined(a.source);
        Value current = *variable;
        for (std::size_t i = 1; i < a.steps.size(); ++i) {
            const std::string& name = a.steps[i];
            if (const Object* object = current.as_object()) {
                auto member = object->find(name);
                if (member == object->end() || member->second.is_undefined()) return Value::undefined(a.source);
                current = member->second;
                continue;
            }
            const Value::Nodes* nodes = current.as_nodes();
            if (!nodes) return Value::undefined(a.source);
            Value::Nodes children;
            for (xmlNode* n : *nodes)
                if (n && (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE))
                    for (xmlNode* c = n->children; c; c = c->next)
                        if (c->type == XML_ELEMENT_NODE && as_view(c->name) == name) children.push_back(c);
            if (!children.empty()) {
                current = std::move(children);
                continue;
            }
            std::vector<std::string> attributes;
            for (xmlNode* n : *nodes) {
                if (!n || n->type != XML_ELEMENT_NODE) continue;
                for (xmlAttr* attribute = n->properties; attribute; attribute = attribute->next)
                    if (as_view(attribute->name) == name) {
                        XmlChars value(xmlNodeListGetString(n->doc, attribute->children, 1));
                        attributes.emplace_back(as_view(value.get()));
                        break;
                    }
            }
            if (attributes.empty()) return Value::undefined(a.source);
            // An attribute that names other elements by id, with the path going on:
            // the next step starts from them ("pair.mentor.surname").
            if (i + 1 < a.steps.size()) {
                Value::Nodes referenced;
                for (const std::string& ids : attributes) {
                    std::optional<Value::Nodes> found = scope_.resolve(ids);
                    if (!found) return Value::undefined(a.source);
                    referenced.insert(referenced.end(), found->begin(), found->end());
                }
                current = std::move(referenced);
                continue;
            }
            current = attributes.front();
            if (every) *every = std::move(attributes);
        }
        return current;
    }

    // What count/sum/min/max walk: one Value per node, per attribute of a
    // path's last step, or the value itself; nothing for undefined or "".
    std::vector<Value> members(const Ast& a, Value& value) {
        std::vector<std::string> attributes;
        value = a.kind == Kind::path ? path(a, &attributes) : eval(a);
        if (!attributes.empty()) return {attributes.begin(), attributes.end()};
        return value.items();
    }

    Value aggregate(const Ast& a) {
        const Ast& argument = *a.operands.front();
        Value value;
        std::vector<Value> items = members(argument, value);
        const std::string name(aggregate_table[static_cast<std::size_t>(a.aggregate)].first);
        if (value.as_object()) throw EvalError("«" + argument.source + "» — набор полей; для «" + name + "» укажите путь к элементам записи");
        if (a.aggregate == Aggregate::count) {
            if (value.as_number() || value.as_bool())
                throw EvalError("count считает элементы записи, а «" + argument.source + "» — не путь к ним");
            return static_cast<double>(items.size());
        }
        if (items.empty()) {
            if (a.aggregate == Aggregate::sum) return 0.0;
            throw EvalError("в «" + argument.source + "» нет ни одного значения: " + name + " не из чего выбрать");
        }
        double result = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::optional<double> x = items[i].to_number();
            if (!x) throw EvalError("в «" + argument.source + "» не число: «" + excerpt(trim(items[i].to_text()), 60) + "»");
            if (a.aggregate == Aggregate::sum) result += *x;
            else if (i == 0) result = *x;
            else if (a.aggregate == Aggregate::min) result = std::min(result, *x);
            else result = std::max(result, *x);
        }
        return result;
    }

    Value filtered(const Ast& a) {
        const Ast& input = *a.operands.front();
        std::vector<std::string> attributes;  // only a filter straight after a path sees them all
        Value value = input.kind == Kind::path ? path(input, &attributes) : eval(input);
        for (std::size_t i = 0; i < a.filters.size(); ++i) {
            const Ast::Filter& f = a.filters[i];
            FilterContext context{f.spec->name, std::move(value),
                                  i == 0 ? std::span<const std::string>(attributes) : std::span<const std::string>(),
                                  f.args.size(), [&](std::size_t k) { return eval(*f.args.at(k)); }, &scope_};
            value = f.spec->apply(context);
        }
        return value;
    }

    // An operand of arithmetic: a number, or a number as text ("72,5").
    double number_of(const Ast& operand) {
        const Value value = eval(operand);
        if (value.is_undefined()) (void)value.to_text();  // throws the message of an undefined path
        const std::optional<double> x = value.to_number();
        if (!x) throw EvalError("«" + operand.source + "» — не число: «" + excerpt(trim(value.to_text()), 60) + "»");
        return *x;
    }

    Value arithmetic(const Ast& a) {
        const double x = number_of(*a.operands[0]);
        const double y = number_of(*a.operands[1]);
        switch (a.arithmetic) {
            case '+': return x + y;
            case '-': return x - y;
            case '*': return x * y;
            default:
                if (y == 0) throw EvalError("деление на ноль: «" + a.operands[1]->source + "» равно 0");
                return x / y;
        }
    }

    Value compare(const Ast& a) {
        const Value left = eval(*a.operands[0]);
        const Value right = eval(*a.operands[1]);
        if (a.op == Op::eq || a.op == Op::ne) {
            bool equal = false;
            if (left.is_undefined() || right.is_undefined()) equal = left.is_undefined() && right.is_undefined();
            else if (auto x = left.to_number(), y = right.to_number(); x && y) equal = *x == *y;
            else equal = left.to_text() == right.to_text();
            return a.op == Op::eq ? equal : !equal;
        }
        int order = 0;
        if (auto x = left.to_number(), y = right.to_number(); x && y) order = *x < *y ? -1 : *x > *y ? 1 : 0;
        else order = collate(left.to_text(), right.to_text());  // to_text throws for undefined
        switch (a.op) {
            case Op::lt: return order < 0;
            case Op::le: return order <= 0;
            case Op::gt: return order > 0;
            default: return order >= 0;
        }
    }

    // Russian alphabetical order: Е and Ё together, before Ж (bytes would put Ё first).
    int collate(const std::string& x, const std::string& y) {
        if (!collator_) collator_.emplace();
        return collator_->compare(x, y);
    }

    const Scope& scope_;
    std::optional<russian::Collator> collator_;
};

}  // namespace

// ---------------------------------------------------------------- Value

bool Value::is_undefined() const { return std::holds_alternative<Undefined>(v_); }
const Value::Undefined* Value::as_undefined() const { return std::get_if<Undefined>(&v_); }
const std::string* Value::as_string() const { return std::get_if<std::string>(&v_); }
const double* Value::as_number() const { return std::get_if<double>(&v_); }
const bool* Value::as_bool() const { return std::get_if<bool>(&v_); }
const Value::Nodes* Value::as_nodes() const { return std::get_if<Nodes>(&v_); }
const Object* Value::as_object() const {
    const auto* object = std::get_if<std::shared_ptr<const Object>>(&v_);
    return object ? object->get() : nullptr;
}

std::string Value::to_text() const {
    if (const auto* u = as_undefined()) throw EvalError(undefined_message(u->path));
    if (const auto* s = as_string()) return *s;
    if (const auto* d = as_number()) return format_number(*d);
    if (const auto* b = as_bool()) return *b ? "да" : "нет";
    if (const auto* nodes = as_nodes()) {
        if (nodes->empty() || !nodes->front()) return std::string();
        xmlNode* node = nodes->front();
        if (const xmlNode* mark = mark_in_words(node))
            throw EvalError("текст «" + excerpt(text::one_line(node_text(node)), 40) + "» содержит элемент <" +
                            std::string(as_view(mark->name)) +
                            ">, который так не напечатать (он пропал бы); выведите текст фильтром, который знает такие "
                            "элементы, — для людей в тексте пункта это «| people»");
        return node_text(node);
    }
    std::string fields;
    if (const Object* object = as_object())
        for (const auto& member : *object) fields += (fields.empty() ? "" : ", ") + member.first;
    throw EvalError("значение с полями (" + fields + ") нельзя вывести целиком; укажите одно поле через точку");
}

bool Value::truthy() const {
    if (is_undefined()) return false;
    if (const auto* s = as_string()) return !s->empty();
    if (const auto* d = as_number()) return *d != 0 && !std::isnan(*d);
    if (const auto* b = as_bool()) return *b;
    if (const auto* nodes = as_nodes()) {
        if (nodes->empty()) return false;
        // One node: false only when it is an empty text element (an element
        // that carries attributes or children, like <owner organization="…"/>, is there).
        if (nodes->size() == 1) {
            xmlNode* n = nodes->front();
            if (!n) return false;
            if (n->type == XML_ELEMENT_NODE && (n->properties || Node(n).has_element_children())) return true;
            return !blank(node_text(n));
        }
        return true;
    }
    return true;  // an object
}

std::optional<double> Value::to_number() const {
    if (const auto* d = as_number()) return *d;
    if (const auto* s = as_string()) return read_number(*s);
    if (const auto* nodes = as_nodes()) {
        if (nodes->empty() || !nodes->front()) return std::nullopt;
        return read_number(node_text(nodes->front()));
    }
    return std::nullopt;
}

std::vector<Value> Value::items() const {
    if (is_undefined()) return {};
    if (const auto* nodes = as_nodes()) {
        std::vector<Value> out;
        out.reserve(nodes->size());
        for (xmlNode* n : *nodes) out.emplace_back(Nodes{n});
        return out;
    }
    // "" is what an optional path gives for nothing: a loop over it runs no times.
    if (const auto* s = as_string(); s && s->empty()) return {};
    return {*this};
}

// ---------------------------------------------------------------- Scope, Expression

const Value* Scope::find(std::string_view name) const {
    for (const Scope* s = this; s; s = s->parent_) {
        auto it = s->vars_.find(name);
        if (it != s->vars_.end()) return &it->second;
    }
    return nullptr;
}

std::optional<Value::Nodes> Scope::resolve(std::string_view ids) const {
    const Scope* root = this;
    while (root->parent_) root = root->parent_;
    if (!root->resolver_) return std::nullopt;
    Value::Nodes nodes;
    for (std::size_t at = 0; at < ids.size();) {
        const std::size_t end = std::min(ids.find_first_of(" \t\n\r", at), ids.size());
        if (end > at) {
            xmlNode* node = root->resolver_(ids.substr(at, end - at));
            if (!node) return std::nullopt;
            nodes.push_back(node);
        }
        at = end + 1;
    }
    if (nodes.empty()) return std::nullopt;
    return nodes;
}

Value Expression::evaluate(const Scope& scope) const {
    if (!root_) throw EvalError("пустое выражение");
    return Evaluator(scope).eval(*root_);
}

std::variant<Expression, ParseError> parse(std::string_view text) {
    try {
        Parser parser(text);
        Expression e;
        e.root_ = parser.whole();
        e.text_ = std::string(text);
        return e;
    } catch (const Failure& f) {
        return f.error;
    }
}

}  // namespace prikaz::expr
