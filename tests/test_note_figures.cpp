// Figures and names the templates compute from the records: the roadmap's done, overdue and moved
// items in the analytic note (overdue, where over status.state), people named inside an order
// item's text (people), and a deadline inside a sentence (lower_first).
#include "expr_support.hpp"
#include "support.hpp"
#include "template/expr.hpp"
#include "template/package.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using prikaz::expr::Scope;
using prikaz::expr::Value;
using test::eval_error;
using test::render;

namespace {

const std::string nbsp = "\xC2\xA0";

// The text of every w:p of a DOCX part, one string per paragraph (w:t joined, w:tab as a tab).
void paragraphs_of(xmlNode* node, std::vector<std::string>& out, std::string* current) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = prikaz::as_view(n->name);
        if (name == "p") {
            std::string text;
            paragraphs_of(n->children, out, &text);
            out.push_back(text);
            continue;
        }
        if (current && name == "t") current->append(prikaz::Node(n).text());
        if (current && name == "tab") current->push_back('\t');
        paragraphs_of(n->children, out, current);
    }
}

// Renders a sample through a shipped DOCX template; the paragraphs of word/document.xml.
std::vector<std::string> rendered_paragraphs(const std::string& record, const std::string& template_name) {
    test::TempDir dir;
    prikaz::RenderOptions options;
    options.schema_dir = test::source_dir / "schemas";
    options.template_path = test::source_dir / "templates" / "docx" / template_name;
    options.output = dir.path() / "document.docx";
    const auto result = prikaz::render_documents(test::source_dir / "samples" / record, options);
    for (const auto& d : result.diagnostics) INFO(prikaz::format(d));
    REQUIRE(prikaz::exit_code(result.diagnostics) == prikaz::ExitCode::ok);
    std::vector<prikaz::Diagnostic> diagnostics;
    const auto package = prikaz::read_package(options.output, {}, diagnostics);
    REQUIRE(package);
    const prikaz::PackageEntry* entry = package->find("word/document.xml");
    REQUIRE(entry);
    const prikaz::XmlDocPtr doc = test::read_xml(entry->data);
    std::vector<std::string> paragraphs;
    paragraphs_of(xmlDocGetRootElement(doc.get()), paragraphs, nullptr);
    return paragraphs;
}

// The one paragraph that starts with `start`.
std::string paragraph_starting(const std::vector<std::string>& paragraphs, const std::string& start) {
    std::vector<std::string> found;
    for (const std::string& p : paragraphs)
        if (p.rfind(start, 0) == 0) found.push_back(p);
    INFO("абзацы, начинающиеся с «" << start << "»: " << found.size());
    REQUIRE(found.size() == 1);
    return found.front();
}

// A roadmap and its monitoring in memory, with the people of an organization.
const std::string records_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<set xmlns="urn:prikaz:records">
  <monitoring date="2023-04-20"/>
  <roadmap>
    <section number="1">
      <item number="1.1"><deadline>Май 2022 г.</deadline><status state="done"/></item>
      <item number="1.2"><deadline>До 10.10. 2022 г.</deadline><status state="in-progress"/></item>
      <item number="1.3"><deadline>Январь 2023 г.</deadline><status state="moved" new-deadline="Май 2023 г."/></item>
      <item number="1.4"><deadline>Март 2023 г.</deadline></item>
      <item number="1.5"><deadline>Апрель 2023 г.</deadline></item>
      <item number="1.6"><deadline>В течение года</deadline></item>
      <item number="1.7"><deadline>Февраль 2023 г.</deadline><status state="cancelled"/></item>
      <item number="1.8"><deadline kind="before-date" to="2023-04-19">К началу весенних каникул</deadline></item>
    </section>
  </roadmap>
  <people>
    <person id="s3-shevchenko" gender="female">
      <surname>Шевченко</surname><name>Ольга</name><patronymic>Владимировна</patronymic>
    </person>
    <person id="s3-kuzmina">
      <surname>Кузьмина</surname><name>Наталья</name><patronymic>Петровна</patronymic>
    </person>
    <person id="s3-yershov">
      <surname>Ершов</surname><name>Павел</name><patronymic>Андреевич</patronymic>
    </person>
    <person id="p-nogender">
      <surname>Петрова</surname><name>Анна</name>
    </person>
  </people>
  <text id="t1">Назначить куратором <person person="s3-shevchenko" case="acc"/>.</text>
  <text id="t2">Закрепить <person person="s3-yershov" case="acc" form="surname-initials"/> за <person person="s3-kuzmina" case="ins" form="initials-surname"/></text>
  <text id="t3">Поручить <person person="s3-kuzmina" case="dat" form="initials-surname"/> и <person person="s3-yershov" case="dat"/> подготовить отчёт</text>
  <text id="t4">Вручить грамоту <person person="s3-yershov" case="dat" form="full"/> и <person person="s3-shevchenko"/></text>
  <text id="t5">Без людей, как написано.</text>
  <text id="bad-id">Назначить <person person="s3-nobody" case="acc"/></text>
  <text id="bad-case">Назначить <person person="s3-kuzmina" case="accusative"/></text>
  <text id="bad-form">Назначить <person person="s3-kuzmina" form="short"/></text>
  <text id="bad-gender">Наградить <person person="p-nogender" case="dat"/></text>
</set>
)";

// The elements of the in-memory records by id, as the engine's resolver finds them.
xmlNode* find_id(xmlNode* node, std::string_view id) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (prikaz::Node(n).attr("id") == id) return n;
        if (xmlNode* found = find_id(n->children, id)) return found;
    }
    return nullptr;
}

// The numbers of the items an expression selects, space-separated.
std::string numbers(const std::string& expression, const Scope& scope) {
    const Value value = test::eval(expression, scope);
    const Value::Nodes* nodes = value.as_nodes();
    REQUIRE(nodes);
    std::string out;
    for (xmlNode* n : *nodes) out += (out.empty() ? "" : " ") + prikaz::Node(n).attr("number");
    return out;
}

struct Fixture {
    prikaz::XmlDocPtr doc = test::read_xml(records_xml);
    Scope scope;
    Fixture() {
        xmlNode* root = xmlDocGetRootElement(doc.get());
        scope.set_resolver([root](std::string_view id) { return find_id(root->children, id); });
        for (xmlNode* n = root->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE) {
                const std::string name(prikaz::as_view(n->name));
                std::string id = prikaz::Node(n).attr("id");
                std::replace(id.begin(), id.end(), '-', '_');  // a hyphen would be part of the name anyway
                scope.set(id.empty() ? name : name + "_" + id, Value::Nodes{n});
            }
    }
};

}  // namespace

TEST_CASE("note: the roadmap's items done, overdue and moved, counted by the template from samples/kezhma") {
    const std::vector<std::string> paragraphs = rendered_paragraphs("kezhma/monitoring-2022.xml", "note.docx");
    CHECK(paragraph_starting(paragraphs, "Из ") ==
          "Из 27 пунктов дорожной карты выполнено 10, не выполнено в срок 2 (пункты 4.1, 5.1), перенесено 2 "
          "(пункты 2.2, 6.3). Новые сроки: май 2023" + nbsp + "г. (пункт 2.2), апрель 2023" + nbsp + "г. (пункт 6.3).");
    CHECK(paragraph_starting(paragraphs, "На 20") ==
          "На 20" + nbsp + "апреля 2023" + nbsp + "г. не выполнено в срок 2 мероприятия дорожной карты: по ним необходимо "
          "завершить работу или установить новые сроки.");
}

TEST_CASE("overdue: items whose deadline ended before the date, not done, cancelled or moved") {
    Fixture f;
    CHECK(numbers("roadmap.section.item | overdue(monitoring.date)", f.scope) == "1.2 1.4 1.8");
    CHECK(render("count(roadmap.section.item | overdue(\"2023-05-01\"))", f.scope) == "4");  // April has ended
    CHECK(render("count(roadmap.section.item | overdue(\"2022-05-31\"))", f.scope) == "0");  // May 2022 is not over
    CHECK(render("count(roadmap.section.item | where(\"status.state\", \"done\"))", f.scope) == "1");
    CHECK(numbers("roadmap.section.item | where(\"status.state\", \"moved\")", f.scope) == "1.3");
    CHECK(render("count(roadmap.section.item | where(\"status.new-deadline\"))", f.scope) == "1");
    CHECK(render("count(roadmap.section.item | where(\"status.nothing.state\"))", f.scope) == "0");
    CHECK(eval_error("roadmap.section.item | overdue(\"20.04.2023\")", f.scope) ==
          "фильтр «overdue»: «20.04.2023» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2021-11-15");
    CHECK(eval_error("\"текст\" | overdue(monitoring.date)", f.scope) ==
          "фильтр «overdue»: отбирает пункты записи, а получил «текст»; пишите, например, "
          "{{ count(roadmap.section.item | overdue(monitoring.date)) }}");
}

TEST_CASE("people: persons inside a text, in their case and form") {
    Fixture f;
    struct Case {
        std::string expression, expected;
    };
    const std::vector<Case> cases = {
        {"text_t1 | people", "Назначить куратором Шевченко Ольгу Владимировну."},
        {"text_t2 | people", "Закрепить Ершова" + nbsp + "П.А. за Н.П." + nbsp + "Кузьминой"},
        {"text_t3 | people", "Поручить Н.П." + nbsp + "Кузьминой и Ершову Павлу Андреевичу подготовить отчёт"},
        {"text_t4 | people", "Вручить грамоту Ершову Павлу Андреевичу и Шевченко Ольга Владимировна"},
        {"text_t5 | people", "Без людей, как написано."},
        {"\"просто текст\" | people", "просто текст"},
    };
    for (const Case& c : cases) {
        INFO(c.expression);
        CHECK(render(c.expression, f.scope) == c.expected);
    }
}

TEST_CASE("people: what it cannot name") {
    Fixture f;
    CHECK(eval_error("text_bad_id | people", f.scope) ==
          "фильтр «people»: в тексте <person person=\"s3-nobody\"/>, а человека с id «s3-nobody» нет в записях "
          "папки; людей перечисляют в <people> записи организации");
    CHECK(eval_error("text_bad_case | people", f.scope) ==
          "фильтр «people»: у <person person=\"s3-kuzmina\"/> неизвестный падеж «accusative»; пишите case=\"nom\", "
          "\"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
    CHECK(eval_error("text_bad_form | people", f.scope) ==
          "фильтр «people»: у <person person=\"s3-kuzmina\"/> неизвестный вид имени «short»; пишите form=\"full\", "
          "\"initials-surname\" или \"surname-initials\"");
    CHECK(eval_error("text_bad_gender | people", f.scope) ==
          "фильтр «people»: у «Петрова Анна» (id p-nogender) не указан пол и нет отчества, а имя склоняется для "
          "мужчины и для женщины по-разному; укажите gender=\"male\" или gender=\"female\" или форму в <forms> "
          "(docs/records.md)");
    CHECK(eval_error("text_nothing | people", f.scope).find("text_nothing") != std::string::npos);
}

TEST_CASE("lower_first: a wording inside a sentence") {
    Scope scope;
    struct Case {
        std::string input, expected;
    };
    const std::vector<Case> cases = {
        {"До 30.09.2022", "до 30.09.2022"},
        {"В течение учебного года", "в течение учебного года"},
        {"Декабрь 2022, май 2023", "декабрь 2022, май 2023"},
        {"Ёжегодно", "ёжегодно"},
        {"«Май» 2023", "«май» 2023"},
        {"  Ежеквартально", "  ежеквартально"},
        {"МКОУ КСОШ № 3", "МКОУ КСОШ № 3"},  // abbreviations stay
        {"ОО до 01.10.2022", "ОО до 01.10.2022"},
        {"КемГУ", "КемГУ"},
        {"I квартал 2022 г.", "I квартал 2022 г."},  // a Roman numeral
        {"IV квартал", "IV квартал"},
        {"А.С. Пушкин", "А.С. Пушкин"},  // an initial
        {"В.", "В."},
        {"20.05.2025", "20.05.2025"},  // no letter first
        {"уже строчная", "уже строчная"},
        {"", ""},
    };
    for (const Case& c : cases) {
        INFO(c.input);
        scope.set("x", Value(c.input));
        CHECK(render("x | lower_first", scope) == c.expected);
    }
}

TEST_CASE("order-pairs: item 2 names the curator from the record, item 3.1 has its deadline in the sentence") {
    const std::vector<std::string> paragraphs = rendered_paragraphs("kezhma/order-pairs-2022.xml", "order-pairs.docx");
    CHECK(paragraph_starting(paragraphs, "2. ") ==
          "2. Назначить куратором реализации программ наставничества заместителя директора по "
          "учебно-воспитательной работе Шевченко Ольгу Владимировну.");
    CHECK(paragraph_starting(paragraphs, "3.1. ") ==
          "3.1. Разработать совместно с наставляемыми индивидуальные планы развития и представить их куратору. "
          "Срок: до 30.09.2022.");
}

TEST_CASE("prikaz check: a person named in an item's text must be in the records") {
    test::TempDir dir;
    fs::copy(test::source_dir / "samples" / "kezhma", dir.path() / "kezhma", fs::copy_options::recursive);
    const fs::path order = dir.path() / "kezhma" / "order-pairs-2022.xml";
    std::string xml = test::read_file(order);
    const std::string mark = "<person person=\"s3-shevchenko\" case=\"acc\"/>";
    REQUIRE(xml.find(mark) != std::string::npos);
    xml.replace(xml.find(mark), mark.size(), "<person person=\"s3-nobody\" case=\"acc\"/>");
    std::ofstream(order, std::ios::binary) << xml;
    std::vector<std::string> references;
    for (const std::string& line : test::check(dir.path() / "kezhma"))
        if (line.find("unknown-reference") != std::string::npos) references.push_back(line.substr(dir.path().string().size() + 1));
    CHECK(references == std::vector<std::string>{
                            "kezhma/order-pairs-2022.xml:18:120: error[unknown-reference]: ссылка на неизвестного человека «s3-nobody» "
                            "(атрибут person): такого id нет в проверяемых записях; людей перечисляют в <people> записи организации"});
}
