// The expression language: paths into records, filters, aggregates,
// comparisons, logic, number printing, and the errors a template author meets.
#include "expr_support.hpp"
#include "template/expr.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace prikaz::expr;

namespace {

// A small record in the shape of the samples.
const std::string record_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<roadmap xmlns="urn:prikaz:records" version="1" id="r1" school-year="2022-2023">
  <title>Дорожная карта
внедрения  наставничества</title>
  <owner organization="kezhma-uo"/>
  <section number="1">
    <title>Первый</title>
    <item number="1.1"><name>Приказ</name><deadline>Май 2022 г.</deadline></item>
    <item number="1.2" note="срочно"><name>Положение</name></item>
  </section>
  <section number="2" title="атрибут">
    <title>Второй</title>
    <item number="2.1"><name>База</name></item>
  </section>
  <indicator id="pupils" target="70">
    <value organization="a" actual="72,5"/>
    <value organization="b" actual="10"/>
    <value organization="c" actual=" 0.25 "/>
  </indicator>
  <people>
    <person><full-name>Жуков</full-name></person>
    <person><full-name>Ёлкин</full-name></person>
    <person><full-name>Елкин</full-name></person>
  </people>
  <numbers><n>72,5</n><n> 10 </n></numbers>
  <bad><v>12</v><v>abc</v></bad>
  <empty>  </empty>
</roadmap>
)";

// The record parsed once per test, bound as `roadmap` and `record`.
struct Fixture {
    prikaz::XmlDocPtr doc;
    Scope scope;
    Fixture() {
        doc = test::read_xml(record_xml);
        xmlNode* root = xmlDocGetRootElement(doc.get());
        scope.set("roadmap", Value::Nodes{root});
        scope.set("record", Value::Nodes{root});
    }
};

using test::eval;
using test::eval_error;
std::string text(const std::string& expression, const Scope& scope) { return test::render(expression, scope); }

ParseError parse_error(const std::string& text) {
    auto result = parse(text);
    if (auto* error = std::get_if<ParseError>(&result)) return *error;
    FAIL("«" << text << "» parsed");
    return {};
}

std::string undefined_message(const std::string& path) {
    return "путь «" + path + "» ничего не нашёл в записи; проверьте имя или сделайте значение необязательным: {{ " + path +
           " | default(\"\") }} или {{ " + path + "? }}";
}

}  // namespace

TEST_CASE("paths step to child elements and print the first node's text as written") {
    Fixture f;
    CHECK(text("roadmap.title", f.scope) == "Дорожная карта\nвнедрения  наставничества");
    CHECK(text("record.section.title", f.scope) == "Первый");
    CHECK(text("roadmap . section . item . name", f.scope) == "Приказ");
    CHECK(text("roadmap.people.person.full-name", f.scope) == "Жуков");
    CHECK(text("roadmap.empty", f.scope) == "  ");
    Value items = eval("roadmap.section.item", f.scope);
    REQUIRE(items.as_nodes());
    CHECK(items.as_nodes()->size() == 3);
    // Node sets keep document order across parents.
    std::vector<std::string> numbers;
    for (const Value& item : items.items()) {
        Scope s(&f.scope);
        s.set("i", item);
        numbers.push_back(text("i.number", s));
    }
    CHECK(numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
}

TEST_CASE("paths reach attributes when there is no such child, and children win over attributes") {
    Fixture f;
    CHECK(text("roadmap.id", f.scope) == "r1");
    CHECK(text("roadmap.school-year", f.scope) == "2022-2023");
    CHECK(text("roadmap.owner.organization", f.scope) == "kezhma-uo");
    REQUIRE(eval("roadmap.id", f.scope).as_string());
    // Over several nodes the attribute of the first node that has one.
    CHECK(text("roadmap.section.number", f.scope) == "1");
    CHECK(text("roadmap.section.item.note", f.scope) == "срочно");
    // The second section has both <title> and title="…": the element wins.
    Scope s(&f.scope);
    s.set("s", eval("roadmap.section", f.scope).items().at(1));
    CHECK(text("s.title", s) == "Второй");
    CHECK(text("s.number", s) == "2");
    // A step from an attribute (a string) finds nothing.
    CHECK(eval("roadmap.id.x", f.scope).is_undefined());
}

TEST_CASE("a path that finds nothing is undefined and reported as written") {
    Fixture f;
    Value v = eval("roadmap.numbr", f.scope);
    REQUIRE(v.as_undefined());
    CHECK(v.as_undefined()->path == "roadmap.numbr");
    CHECK_THROWS_WITH(v.to_text(), undefined_message("roadmap.numbr"));
    CHECK(eval_error("roadmap.section.nothing.deeper", f.scope) == undefined_message("roadmap.section.nothing.deeper"));
    CHECK(eval_error("nobody.name", f.scope) == undefined_message("nobody.name"));
    CHECK(eval_error("roadmap . numbr", f.scope) == undefined_message("roadmap.numbr"));
    CHECK_FALSE(v.truthy());
    CHECK(v.items().empty());
    CHECK_FALSE(v.to_number());
}

TEST_CASE("the optional marker turns nothing into an empty string") {
    Fixture f;
    CHECK(text("roadmap.numbr?", f.scope) == "");
    CHECK(text("nobody?", f.scope) == "");
    CHECK(text("roadmap.id?", f.scope) == "r1");
    CHECK(eval("roadmap.numbr?", f.scope).items().empty());
    CHECK_FALSE(eval("roadmap.numbr?", f.scope).truthy());
}

TEST_CASE("a loop-like object: members by name, nothing else") {
    Fixture f;
    Scope inner(&f.scope);
    inner.set("loop", Object{{"index", 1.0}, {"index0", 0.0}, {"first", true}, {"last", false}, {"length", 3.0}, {"revindex", 3.0}});
    inner.set("roadmap", "тень");  // a child scope shadows its parent
    CHECK(text("loop.index", inner) == "1");
    CHECK(text("loop.first", inner) == "да");
    CHECK(text("loop.last", inner) == "нет");
    CHECK(text("roadmap", inner) == "тень");
    CHECK(text("record.id", inner) == "r1");
    CHECK(eval("not loop.last and loop.index < loop.length", inner).truthy());
    CHECK(eval_error("loop.nothing", inner) == undefined_message("loop.nothing"));
    CHECK(eval("loop.index.x", inner).is_undefined());
    CHECK_THROWS_AS(eval("loop", inner).to_text(), EvalError);
    CHECK(eval("loop", inner).truthy());
}

TEST_CASE("filters: default, upper, lower, join") {
    Fixture f;
    // The engine's own filters come first; the Russian ones follow (tests/test_russian.cpp).
    const std::vector<std::string> names = filter_names();
    REQUIRE(names.size() > 4);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 4) == std::vector<std::string>{"default", "upper", "lower", "join"});
    CHECK(text("roadmap.numbr | default(\"—\")", f.scope) == "—");
    CHECK(text("roadmap.empty | default('пусто')", f.scope) == "пусто");
    CHECK(text("roadmap.id | default('x')", f.scope) == "r1");
    CHECK(text("roadmap.nothing | default(roadmap.id)", f.scope) == "r1");
    CHECK(text("'' | default(5)", f.scope) == "5");
    CHECK(eval_error("roadmap.a | default(roadmap.b)", f.scope) == undefined_message("roadmap.b"));

    CHECK(text("roadmap.people.person.full-name | upper", f.scope) == "ЖУКОВ");
    CHECK(text("'Ёлкин Иван' | upper()", f.scope) == "ЁЛКИН ИВАН");
    CHECK(text("'ЁЛКИН Ivan' | lower", f.scope) == "ёлкин ivan");
    CHECK(text("roadmap.numbr? | upper", f.scope) == "");
    CHECK(eval_error("roadmap.numbr | upper", f.scope) == undefined_message("roadmap.numbr"));
    CHECK(text("true | upper", f.scope) == "ДА");

    CHECK(text("roadmap.section.title | join", f.scope) == "Первый, Второй");
    CHECK(text("roadmap.section.item.name | join('; ')", f.scope) == "Приказ; Положение; База");
    // A join straight after a path sees every attribute, not just the first.
    CHECK(text("roadmap.section.number | join('/')", f.scope) == "1/2");
    CHECK(text("roadmap.id | join", f.scope) == "r1");
    CHECK(text("roadmap.numbr? | join", f.scope) == "");
    CHECK(text("roadmap.section.title | join | upper", f.scope) == "ПЕРВЫЙ, ВТОРОЙ");
    CHECK(eval_error("roadmap.numbr | join", f.scope) == undefined_message("roadmap.numbr"));
}

TEST_CASE("aggregates: count, sum, min, max") {
    Fixture f;
    CHECK(text("count(roadmap.section)", f.scope) == "2");
    CHECK(text("count(roadmap.section.item)", f.scope) == "3");
    CHECK(text("count(roadmap.nothing)", f.scope) == "0");
    CHECK(text("count(roadmap.nothing?)", f.scope) == "0");
    CHECK(text("count(roadmap.indicator.value.actual)", f.scope) == "3");
    CHECK(text("count(roadmap.section.item.note)", f.scope) == "1");
    CHECK(text("count('abc')", f.scope) == "1");
    CHECK_THROWS_AS(eval("count(1)", f.scope), EvalError);
    CHECK(eval("count(roadmap.section) == 2", f.scope).truthy());

    CHECK(text("sum(roadmap.numbers.n)", f.scope) == "82,5");
    CHECK(text("sum(roadmap.numbers.n.nothing)", f.scope) == "0");
    CHECK(text("sum(roadmap.indicator.value.actual)", f.scope) == "82,75");
    CHECK(text("sum('72,5')", f.scope) == "72,5");
    CHECK(text("min(roadmap.indicator.value.actual)", f.scope) == "0,25");
    CHECK(text("max(roadmap.indicator.value.actual)", f.scope) == "72,5");
    CHECK(text("max(roadmap.numbers.n)", f.scope) == "72,5");
    CHECK(text("min(roadmap.numbers.n)", f.scope) == "10");
    CHECK(text("max(roadmap.indicator.target)", f.scope) == "70");
    CHECK(eval_error("sum(roadmap.bad.v)", f.scope) == "в «roadmap.bad.v» не число: «abc»");
    CHECK(eval_error("max(roadmap.bad.v)", f.scope) == "в «roadmap.bad.v» не число: «abc»");
    CHECK(eval_error("min(roadmap.nothing)", f.scope) == "в «roadmap.nothing» нет ни одного значения: min не из чего выбрать");
    CHECK(eval_error("max(roadmap.nothing)", f.scope) == "в «roadmap.nothing» нет ни одного значения: max не из чего выбрать");
    // Names of functions are paths unless called.
    Scope s(&f.scope);
    s.set("count", "7");
    CHECK(text("count", s) == "7");
}

TEST_CASE("comparisons: numbers as numbers, strings byte-wise or in Russian order") {
    Fixture f;
    CHECK(eval("10 > 9", f.scope).truthy());
    CHECK(eval("'10' > '9'", f.scope).truthy());  // both read as numbers
    CHECK(eval("'72,5' == 72.5", f.scope).truthy());
    CHECK(eval("roadmap.indicator.target >= 70", f.scope).truthy());
    CHECK(eval("roadmap.numbers.n == 72.5", f.scope).truthy());
    CHECK(eval("roadmap.id == 'r1'", f.scope).truthy());
    CHECK(eval("roadmap.id != 'R1'", f.scope).truthy());
    CHECK_FALSE(eval("'абв' == 'абв '", f.scope).truthy());
    CHECK(eval("true == true", f.scope).truthy());
    const Value result = eval("1 < 2", f.scope);
    REQUIRE(result.as_bool());
    CHECK(*result.as_bool());

    // Ё sorts with Е, both before Ж; bytes would put Ё (U+0401) first.
    CHECK(eval("'Елкин' < 'Ёлкин'", f.scope).truthy());
    CHECK(eval("'Ёлкин' < 'Жуков'", f.scope).truthy());
    CHECK(eval("'Ёлкин' > 'Елкин'", f.scope).truthy());
    CHECK_FALSE(eval("'Ёлкин' <= 'Елкин'", f.scope).truthy());
    CHECK(eval("'Елкин' <= 'Елкин'", f.scope).truthy());
    CHECK(eval("'Жуков' >= 'Ёлкин'", f.scope).truthy());
    CHECK(eval("'яблоко' > 'Апельсин'", f.scope).truthy());
    CHECK(eval("roadmap.people.person.full-name > 'Ёлкин'", f.scope).truthy());  // Жуков

    // Undefined equals only undefined; ordering with it is an error.
    CHECK(eval("roadmap.a == roadmap.b", f.scope).truthy());
    CHECK_FALSE(eval("roadmap.a == ''", f.scope).truthy());
    CHECK_FALSE(eval("'' == roadmap.a", f.scope).truthy());
    CHECK(eval("roadmap.a != 'x'", f.scope).truthy());
    CHECK_FALSE(eval("roadmap.a != roadmap.b", f.scope).truthy());
    CHECK_THROWS_WITH(eval("roadmap.a < 1", f.scope), undefined_message("roadmap.a"));
    CHECK_THROWS_WITH(eval("'x' >= roadmap.b", f.scope), undefined_message("roadmap.b"));
}

TEST_CASE("and, or, not: truth and short circuit") {
    Fixture f;
    CHECK_FALSE(eval("false and roadmap.nothing > 1", f.scope).truthy());  // the right side is never evaluated
    CHECK(eval("true or roadmap.nothing > 1", f.scope).truthy());
    CHECK_THROWS_WITH(eval("true and roadmap.nothing > 1", f.scope), undefined_message("roadmap.nothing"));
    CHECK_THROWS_WITH(eval("false or roadmap.nothing > 1", f.scope), undefined_message("roadmap.nothing"));
    CHECK(eval("not roadmap.nothing", f.scope).truthy());
    CHECK(eval("not not roadmap.title", f.scope).truthy());
    CHECK(eval("not roadmap.empty", f.scope).truthy());  // blank text
    CHECK(eval("roadmap.section and roadmap.id", f.scope).truthy());
    CHECK(eval("not 1 == 2", f.scope).truthy());  // not binds looser than ==
    CHECK(eval("false or false or 1", f.scope).truthy());
    CHECK(eval("true and (false or 'x')", f.scope).truthy());
    CHECK_FALSE(eval("0", f.scope).truthy());
    CHECK_FALSE(eval("''", f.scope).truthy());
    const Value v = eval("roadmap.title and 'x'", f.scope);
    REQUIRE(v.as_bool());
}

TEST_CASE("values print as a Russian document writes them") {
    CHECK(Value(3.0).to_text() == "3");
    CHECK(Value(72.5).to_text() == "72,5");
    CHECK(Value(1.0 / 3).to_text() == "0,33");
    CHECK(Value(2.999).to_text() == "3");
    CHECK(Value(-4.25).to_text() == "-4,25");
    CHECK(Value(-0.001).to_text() == "0");
    CHECK(Value(1234567.0).to_text() == "1234567");
    CHECK(Value(1e20).to_text() == "100000000000000000000");
    CHECK(Value(true).to_text() == "да");
    CHECK(Value(false).to_text() == "нет");
    CHECK(Value("как есть ").to_text() == "как есть ");
    CHECK(Value(Value::Nodes{}).to_text() == "");
    CHECK_FALSE(Value(Value::Nodes{}).truthy());
    CHECK(Value::undefined("a.b").items().empty());
}

TEST_CASE("numbers read from text: point or comma, spaces, a minus, nothing else") {
    CHECK(Value("72.5").to_number() == 72.5);
    CHECK(Value("72,5").to_number() == 72.5);
    CHECK(Value(" 12 \n").to_number() == 12);
    CHECK(Value("\xC2\xA0" "5\xC2\xA0").to_number() == 5);
    CHECK(Value("-3").to_number() == -3);
    CHECK(Value(4.0).to_number() == 4);
    for (const char* s : {"", " ", "1 000", "+5", "1e5", ".5", "5.", "12abc", "--1", "1,2,3", "0x10", "- 1", "inf", "nan"})
        CHECK_FALSE(Value(s).to_number());
    CHECK_FALSE(Value(true).to_number());
    CHECK_FALSE(Value(std::string(400, '9')).to_number());
}

TEST_CASE("literals and escapes") {
    Fixture f;
    CHECK(text(R"("он сказал \"да\"")", f.scope) == "он сказал \"да\"");
    CHECK(text(R"('it\'s \\ ok')", f.scope) == "it's \\ ok");
    CHECK(text("'двойные \" внутри'", f.scope) == "двойные \" внутри");
    CHECK(text("12.50", f.scope) == "12,5");
    CHECK(text("  ( 7 )  ", f.scope) == "7");
    CHECK(eval("true", f.scope).as_bool());
    CHECK(std::get<Expression>(parse("  roadmap.id ")).text() == "  roadmap.id ");
}

TEST_CASE("parse errors say what is wrong and where") {
    auto check = [](const std::string& text, std::size_t offset, const std::string& message) {
        INFO(text);
        ParseError e = parse_error(text);
        CHECK(e.message == message);
        CHECK(e.offset == offset);
    };
    check("", 0, "ожидается выражение");
    check("   ", 3, "ожидается выражение");
    check("a ==", 4, "ожидается выражение");
    check("a and", 5, "ожидается выражение");
    check("and", 0, "ожидается выражение");
    check("a == not b", 5, "ожидается выражение");
    check("(a", 2, "ожидается «)»");
    check("count(a", 7, "ожидается «)»");
    check("count(a, b)", 7, "ожидается «)»");
    check("x | default(1", 13, "ожидается «)»");
    check("'abc", 0, "незакрытая строка");
    check("a == \"x", 5, "незакрытая строка");
    check("'abc\\", 0, "незакрытая строка");
    check("'a\\nb'", 2, "в строке после «\\» может стоять только «\"», «'» или «\\»");
    check("a b", 2, "лишний текст после выражения: «b»");
    check("a )  ", 2, "лишний текст после выражения: «)»");
    check("a == b == c", 7, "лишний текст после выражения: «== c»");
    check("1.", 1, "лишний текст после выражения: «.»");
    check("a-", 2, "ожидается выражение");  // "a" minus nothing
    CHECK(parse_error("a | bold").message.rfind("неизвестный фильтр «bold»; есть: default, upper, lower, join, ref, one_line, where, date, ", 0) == 0);
    check("a | default", 4, "фильтр «default» ждёт один аргумент");
    check("a | default()", 4, "фильтр «default» ждёт один аргумент");
    check("a | default(1, 2)", 4, "фильтр «default» ждёт один аргумент");
    check("a | upper(1)", 4, "фильтр «upper» не принимает аргументов");
    check("a | lower('x')", 4, "фильтр «lower» не принимает аргументов");
    check("a | join(',', 2)", 4, "фильтр «join» ждёт не больше одного аргумента");
    check("a |", 3, "ожидается имя фильтра после «|»");
    check("a | 'x'", 4, "ожидается имя фильтра после «|»");
    check("a.", 2, "ожидается имя после «.»");
    check("a.1", 2, "ожидается имя после «.»");
    check("a = b", 2, "одиночный «=»: для сравнения пишите «==»");
    check("!a", 0, "«!» — не оператор: для отрицания пишите «not», для неравенства «!=»");
    check("a @ b", 2, "непонятный знак «@»");
    check("имя", 0, "непонятный знак «и»; имена в выражениях пишутся латиницей, как в записи");
    check("a\xff", 1, "непонятный знак «\xEF\xBF\xBD»");
    check(std::string(400, '9'), 0, "слишком большое число «" + std::string(30, '9') + "…»");
    check(std::string(200, '(') + "1" + std::string(200, ')'), 100, "выражение вложено слишком глубоко");
    std::string nots;
    for (int i = 0; i < 500; ++i) nots += "not ";
    check(nots + "a", 396, "выражение вложено слишком глубоко");
}

TEST_CASE("random input gives a parse error or an expression, never a crash") {
    Fixture f;
    Scope inner(&f.scope);
    inner.set("loop", Object{{"index", 1.0}, {"first", true}});
    const std::vector<std::string> pieces{
        "roadmap", "record", "loop", ".", "section", "item", "number", "title", "indicator", "value", "actual", "index",
        "|", "upper", "lower", "default", "join", "bold", "(", ")", ",", "\"", "'", "\\", "==", "!=", "<", "<=", ">",
        ">=", "=", "!", " not ", " and ", " or ", "true", "false", "count", "sum", "min", "max", "1", "2.5", "0", "?",
        " ", "\n", "Ё", "\xff", std::string(1, '\0'), "-", "_", "@", "\xC2\xA0", "'x'", "\"y\""};
    std::mt19937 random(20240501);
    int expressions = 0;
    for (int round = 0; round < 30000; ++round) {
        std::string input;
        const int length = static_cast<int>(random() % 12);
        for (int k = 0; k < length; ++k) {
            if (random() % 8 == 0) input += static_cast<char>(random() % 256);
            else input += pieces[random() % pieces.size()];
        }
        auto result = parse(input);
        if (auto* error = std::get_if<ParseError>(&result)) {
            CHECK(error->offset <= input.size());
            CHECK_FALSE(error->message.empty());
            continue;
        }
        ++expressions;
        try {
            Value v = std::get<Expression>(result).evaluate(inner);
            (void)v.truthy();
            (void)v.to_number();
            (void)v.items();
            (void)v.to_text();
        } catch (const EvalError& e) {
            CHECK(std::string(e.what()).size() > 0);
        }
    }
    CHECK(expressions > 1000);
}

TEST_CASE("references between records: a path goes on from the element an id names; ref gives the elements") {
    const std::string xml = R"(<registry id="reg">
  <pair mentor="kuzmina" mentee="yershov belova"/>
  <pair mentor="nobody" mentee="yershov"/>
  <person id="kuzmina"><surname>Кузьмина</surname><position>учитель математики</position></person>
  <person id="yershov"><surname>Ершов</surname></person>
  <person id="belova"><surname>Белова</surname></person>
</registry>)";
    prikaz::XmlDocPtr doc = test::read_xml(xml);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    Scope scope;
    scope.set("registry", Value::Nodes{root});
    scope.set_resolver([root](std::string_view id) -> xmlNode* {
        for (xmlNode* n = root->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && xmlHasProp(n, BAD_CAST "id")) {
                xmlChar* value = xmlGetProp(n, BAD_CAST "id");
                const bool same = std::string_view(reinterpret_cast<const char*>(value)) == id;
                xmlFree(value);
                if (same) return n;
            }
        return nullptr;
    });
    Scope loop(&scope);  // resolved through the parent scopes
    loop.set("p", eval("registry.pair", scope).items().front());

    CHECK(text("registry.pair.mentee.surname", scope) == "Ершов");
    CHECK(text("count(registry.pair.mentee.surname)", scope) == "3");
    CHECK(text("p.mentor.position", loop) == "учитель математики");
    CHECK(text("p.mentor", loop) == "kuzmina");  // the id itself when the path ends on it
    CHECK(text("p.mentee.surname | join(\", \")", loop) == "Ершов, Белова");
    CHECK(text("count(p.mentee.surname)", loop) == "2");
    CHECK(text("p.mentee | ref | join(\" и \")", loop) == "Ершов и Белова");
    CHECK(text("count(registry.pair.mentee | ref)", scope) == "3");
    // An id that names nothing: the path is undefined as written; ref says which id.
    Scope second(&scope);
    second.set("p", eval("registry.pair", scope).items().back());
    CHECK(eval_error("p.mentor.surname", second) == undefined_message("p.mentor.surname"));
    CHECK(eval_error("registry.pair.mentor.surname", scope) == undefined_message("registry.pair.mentor.surname"));
    CHECK(eval_error("p.mentor | ref", second) ==
          "«nobody» — не id человека, организации или записи из папки записи; проверьте ссылку (prikaz check покажет, "
          "какой записи не хватает)");
}

TEST_CASE("arithmetic: + - * / on numbers and numbers as text, Jinja precedence, clear errors") {
    Fixture f;
    CHECK(text("1 + 2 * 3", f.scope) == "7");
    CHECK(text("(1 + 2) * 3", f.scope) == "9");
    CHECK(text("10 - 4 - 3", f.scope) == "3");  // left to right
    CHECK(text("7 / 2", f.scope) == "3,5");
    CHECK(text("-2 + 5", f.scope) == "3");
    CHECK(text("- -2", f.scope) == "2");
    CHECK(text("roadmap.indicator.target - 72.5", f.scope) == "-2,5");  // attribute "70"
    CHECK(text("sum(roadmap.indicator.value.actual) / count(roadmap.indicator.value)", f.scope) == "27,58");  // printed with at most two decimals
    CHECK(eval("70 - 58 > 10", f.scope).truthy());
    CHECK(text("roadmap.period.school-year?", f.scope).empty());  // a hyphen inside a name stays a name
    CHECK(eval_error("1 / (2 - 2)", f.scope) == "деление на ноль: «2 - 2» равно 0");
    CHECK(eval_error("roadmap.section.title - 1", f.scope) == "«roadmap.section.title» — не число: «Первый»");
    CHECK(eval_error("roadmap.nothing + 1", f.scope) == undefined_message("roadmap.nothing"));
}

TEST_CASE("one_line puts a text with line breaks on one line") {
    Fixture f;
    CHECK(text("roadmap.title | one_line", f.scope) == "Дорожная карта внедрения наставничества");
}

TEST_CASE("where keeps the elements whose child or attribute has the value") {
    Fixture f;
    CHECK(text("count(roadmap.section.item | where(\"number\", \"1.2\"))", f.scope) == "1");
    CHECK(text("roadmap.section.item | where(\"note\") | join(\"\")", f.scope) == "Положение");  // has the attribute
    CHECK(text("count(roadmap.section.item | where(\"deadline\"))", f.scope) == "1");                // has the child
    CHECK(text("count(roadmap.section | where(\"title\", \"Второй\"))", f.scope) == "1");
    CHECK(text("count(roadmap.section.item | where(\"number\", \"9.9\"))", f.scope) == "0");
    CHECK(eval_error("'текст' | where(\"x\")", f.scope) == "фильтр «where» отбирает элементы записи, а получил «текст»");
    CHECK(eval_error("roadmap.nothing | where(\"x\")", f.scope) == undefined_message("roadmap.nothing"));
}

TEST_CASE("a text with an element inside its words is not printed without a filter that knows it") {
    auto doc = test::read_xml("<order><item><text>Назначить куратором <person person=\"s3\" case=\"acc\"/>.</text>"
                              "<deadline>До 30.09.2022</deadline></item></order>");
    prikaz::expr::Scope scope;
    scope.set("order", Value::Nodes{xmlDocGetRootElement(doc.get())});
    CHECK(test::eval_error("order.item.text", scope) ==
          "текст «Назначить куратором .» содержит элемент <person>, который так не напечатать (он пропал бы); "
          "выведите текст фильтром, который знает такие элементы, — для людей в тексте пункта это «| people»");
    // Elements without words between them (an item of fields) and plain texts print as before.
    CHECK(test::render("order.item.deadline", scope) == "До 30.09.2022");
    CHECK(test::render("order.item", scope) == "Назначить куратором .До 30.09.2022");
}
