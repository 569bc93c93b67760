// Template expressions in tests: a record parsed in memory, an expression
// evaluated to its text or to the message it fails with. Shared by the tests
// of the expression language and of the filters.
#pragma once

#include "template/expr.hpp"
#include "xml.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <variant>

namespace test {

inline prikaz::XmlDocPtr read_xml(const std::string& xml) {
    prikaz::XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "r.xml", "UTF-8", XML_PARSE_NONET));
    REQUIRE(doc);
    return doc;
}

// The value of an expression that must parse.
inline prikaz::expr::Value eval(const std::string& text, const prikaz::expr::Scope& scope) {
    auto parsed = prikaz::expr::parse(text);
    if (auto* error = std::get_if<prikaz::expr::ParseError>(&parsed))
        FAIL("«" << text << "»: " << error->message << " at " << error->offset);
    return std::get<prikaz::expr::Expression>(parsed).evaluate(scope);
}

// The text a template would print for it.
inline std::string render(const std::string& text, const prikaz::expr::Scope& scope) { return eval(text, scope).to_text(); }

// The message of an evaluation that must fail.
inline std::string eval_error(const std::string& text, const prikaz::expr::Scope& scope) {
    try {
        eval(text, scope).to_text();
    } catch (const prikaz::expr::EvalError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace test
