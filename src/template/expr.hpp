// Expressions of the template language: dotted paths into records, literals,
// comparisons, and/or/not, filters, and the aggregates count, sum, min, max.
//
// A small evaluator of our own over the libxml2 tree rather than XPath: the
// syntax is Jinja's (users know it from docxtpl), loop variables bind to nodes,
// and a path that finds nothing must be reported with the path as written.
#pragma once

#include "xml.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace prikaz::expr {

class Value;
using Object = std::map<std::string, Value, std::less<>>;

// What an expression yields.
class Value {
public:
    struct Undefined {
        std::string path;  // the path as written, for the error message
    };
    using Nodes = std::vector<xmlNode*>;

    Value() : v_(Undefined{}) {}
    static Value undefined(std::string path) { return Value(Undefined{std::move(path)}); }
    Value(std::string s) : v_(std::move(s)) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(double d) : v_(d) {}
    Value(bool b) : v_(b) {}
    Value(Nodes nodes) : v_(std::move(nodes)) {}
    Value(Object object) : v_(std::make_shared<Object>(std::move(object))) {}

    bool is_undefined() const;
    const Undefined* as_undefined() const;
    const std::string* as_string() const;
    const double* as_number() const;
    const bool* as_bool() const;
    const Nodes* as_nodes() const;
    const Object* as_object() const;

    // Text to print: a string as is; a node's text as written (first node of a set);
    // numbers without trailing zeros and with a decimal comma ("72,5"); true/false as "да"/"нет".
    // Throws EvalError for an undefined value.
    std::string to_text() const;
    // Truth for if/and/or/not: undefined, "", 0, false, empty node set, a node set whose
    // only node is a text element with blank text → false.
    bool truthy() const;
    // A number if the value reads as one ("72.5", "72,5", " 12 "); nullopt otherwise.
    std::optional<double> to_number() const;
    // The items a for loop walks: the nodes of a set (one Value per node); empty for undefined.
    std::vector<Value> items() const;

private:
    explicit Value(Undefined u) : v_(std::move(u)) {}
    std::variant<Undefined, std::string, double, bool, Nodes, std::shared_ptr<const Object>> v_;
};

// Finds the element an id names among the loaded records (a person, an
// organization, a record); nullptr when none.
using Resolver = std::function<xmlNode*(std::string_view id)>;

// Variables visible to an expression; a child scope shadows its parent. The
// root scope also knows how to follow references between records.
class Scope {
public:
    explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
    void set(std::string name, Value value) { vars_[std::move(name)] = std::move(value); }
    const Value* find(std::string_view name) const;

    void set_resolver(Resolver resolver) { resolver_ = std::move(resolver); }
    // The elements named by `ids` (one id, or several separated by spaces), in
    // that order; nullopt when any of them names nothing (or there are none).
    std::optional<Value::Nodes> resolve(std::string_view ids) const;

private:
    const Scope* parent_;
    std::map<std::string, Value, std::less<>> vars_;
    Resolver resolver_;
};

// A parse error at a byte offset into the expression text.
struct ParseError {
    std::size_t offset = 0;
    std::string message;  // Russian
};

// An evaluation failure: an undefined path printed, a filter given a wrong value…
struct EvalError : std::runtime_error {
    using std::runtime_error::runtime_error;  // message in Russian
};

struct Ast;  // the parsed tree (private to expr.cpp)

// A parsed expression; cheap to copy.
class Expression {
public:
    // The text it was parsed from.
    const std::string& text() const { return text_; }
    Value evaluate(const Scope& scope) const;

    // Parses an expression: the whole text must be one expression.
    friend std::variant<Expression, ParseError> parse(std::string_view text);

private:
    std::string text_;
    std::shared_ptr<const Ast> root_;
};

std::variant<Expression, ParseError> parse(std::string_view text);

// Names of the filters the language knows (default, upper, lower, join, …), for error messages.
std::vector<std::string> filter_names();

}  // namespace prikaz::expr
