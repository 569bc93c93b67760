// The name, position, approval and typograph filters as a template uses them: {{ p | full_name("dat") }}.
#include "expr_support.hpp"
#include "template/expr.hpp"

#include <catch2/catch.hpp>

using namespace prikaz;
using prikaz::expr::EvalError;
using prikaz::expr::Scope;
using prikaz::expr::Value;

namespace {

const std::string record_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<organization xmlns="urn:prikaz:records" version="1" id="o1">
  <full-name>Школа</full-name>
  <title>План мероприятий по реализации "Дорожной карты" - 2021-2022 гг.</title>
  <kind>Положение о наставничестве</kind>
  <people>
    <person id="p1" gender="female">
      <surname>Сенченко</surname><name>Марина</name><patronymic>Евгеньевна</patronymic>
      <position>заместитель директора по УВР</position>
    </person>
    <person id="p2">
      <surname>Кузнецов</surname><name>Семён</name><patronymic>Сергеевич</patronymic>
      <position>учитель математики</position>
    </person>
    <person id="p3" gender="female">
      <surname>Малахова</surname><initials>Е.Н.</initials>
      <position>лаборант</position>
      <forms><form case="dat" position="лаборанту"/></forms>
    </person>
    <person id="p4">
      <surname>Петрова</surname><name>Анна</name>
    </person>
  </people>
</organization>
)";

struct Fixture {
    prikaz::XmlDocPtr doc = test::read_xml(record_xml);
    Scope scope;
    Fixture() {
        xmlNode* root = xmlDocGetRootElement(doc.get());
        scope.set("r", Value::Nodes{root});
        int i = 0;
        for (xmlNode* n = root->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(n->name)) == "people")
                for (xmlNode* p = n->children; p; p = p->next)
                    if (p->type == XML_ELEMENT_NODE) scope.set("p" + std::to_string(++i), Value::Nodes{p});
    }
};

using test::eval_error;
using test::render;

}  // namespace

TEST_CASE("name filters in templates") {
    Fixture f;
    CHECK(render("p1 | initials_surname", f.scope) == "М.Е.\u00A0Сенченко");
    CHECK(render("p1 | surname_initials", f.scope) == "Сенченко\u00A0М.Е.");
    CHECK(render("p1 | full_name", f.scope) == "Сенченко Марина Евгеньевна");
    CHECK(render("p1 | full_name(\"acc\")", f.scope) == "Сенченко Марину Евгеньевну");
    CHECK(render("p2 | full_name('dat')", f.scope) == "Кузнецову Семёну Сергеевичу");
    CHECK(render("p2 | surname_initials('ins')", f.scope) == "Кузнецовым\u00A0С.С.");
    CHECK(render("p2 | initials_surname('gen')", f.scope) == "С.С.\u00A0Кузнецова");
    CHECK(render("p3 | initials_surname('dat')", f.scope) == "Е.Н.\u00A0Малаховой");
    CHECK(render("p3 | full_name('ins')", f.scope) == "Малаховой\u00A0Е.Н.");
    CHECK(render("r.people.person | initials_surname", f.scope) == "М.Е.\u00A0Сенченко");  // the first of a set
    CHECK(render("r.nothing? | full_name('dat')", f.scope).empty());
    CHECK(render("p4 | full_name", f.scope) == "Петрова Анна");  // the nominative needs no gender
}

TEST_CASE("name filters report what they cannot do") {
    Fixture f;
    CHECK(eval_error("p4 | full_name('dat')", f.scope) ==
          "фильтр «full_name»: у «Петрова Анна» (id p4) не указан пол и нет отчества, а имя склоняется для мужчины и "
          "для женщины по-разному; укажите gender=\"male\" или gender=\"female\" или форму в <forms> (docs/records.md)");
    CHECK(eval_error("p1 | full_name('dative')", f.scope) ==
          "фильтр «full_name»: неизвестный падеж «dative»; пишите \"nom\", \"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
    CHECK(eval_error("'Сенченко' | initials_surname", f.scope) ==
          "фильтр «initials_surname»: нужен человек из записи (элемент <person> с <surname>), а не «Сенченко»; пишите, "
          "например, {{ p | initials_surname(\"dat\") }}, где p — человек");
    CHECK(eval_error("r.title | surname_initials", f.scope) ==
          "фильтр «surname_initials»: у элемента <title> нет <surname>: это не человек; ссылку на человека раскрывает "
          "ref: {{ m.person | ref | surname_initials }}");
    CHECK(eval_error("r.nobody | full_name", f.scope) == eval_error("r.nobody", f.scope));
}

TEST_CASE("position filter: a person's position or a text, with the record's override") {
    Fixture f;
    CHECK(render("p1 | position('dat')", f.scope) == "заместителю директора по УВР");
    CHECK(render("p2 | position('ins')", f.scope) == "учителем математики");
    CHECK(render("p2 | position", f.scope) == "учитель математики");
    CHECK(render("'педагог-психолог' | position('dat')", f.scope) == "педагогу-психологу");
    CHECK(render("p3 | position('dat')", f.scope) == "лаборанту");
    CHECK(eval_error("p3 | position('gen')", f.scope) ==
          "фильтр «position»: должность «лаборант» у «Малахова Е.Н.» (id p3) не из таблицы должностей, её падеж "
          "программа не знает; задайте форму в записи: <form case=\"gen\" position=\"…\"/> (docs/records.md)");
    CHECK(eval_error("p4 | position", f.scope) == "фильтр «position»: у «Петрова Анна» (id p4) в записи нет <position>");
    CHECK(eval_error("'лаборант' | position('gen')", f.scope) ==
          "фильтр «position»: должность «лаборант» не из таблицы должностей, её падеж программа не знает; напишите её в "
          "шаблоне в нужном падеже");
}

TEST_CASE("approved and typograph filters") {
    Fixture f;
    CHECK(render("'дорожная карта' | approved", f.scope) == "УТВЕРЖДЕНА");
    CHECK(render("r.title | approved", f.scope) == "УТВЕРЖДЕН");
    CHECK(render("r.kind | approved", f.scope) == "УТВЕРЖДЕНО");
    CHECK(render("'правила' | approved", f.scope) == "УТВЕРЖДЕНЫ");
    CHECK(render("r.nothing? | approved", f.scope).empty());
    CHECK(eval_error("'Ведомость' | approved", f.scope) ==
          "фильтр «approved»: по названию «Ведомость» не понять, какого рода документ; напишите слово сами: УТВЕРЖДЕН, "
          "УТВЕРЖДЕНА, УТВЕРЖДЕНО или УТВЕРЖДЕНЫ");
    CHECK(render("r.title | typograph", f.scope) ==
          "План мероприятий по реализации «Дорожной карты»\u00A0— 2021–2022\u00A0гг.");
    CHECK(render("'№866' | typograph", f.scope) == "№\u00A0866");
}
