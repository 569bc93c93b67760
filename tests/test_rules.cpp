// Cross-record rules: each rule on a small record, and the samples, whose only
// findings must be the real slips of the source documents.
#include "rules.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using test::TempDir;
using Lines = std::vector<std::string>;

namespace {

const std::string columns =
    "  <columns>\n"
    "    <column field=\"number\">№</column>\n"
    "    <column field=\"name\">Мероприятие</column>\n"
    "    <column field=\"deadline\">Срок</column>\n"
    "    <column field=\"responsible\">Ответственный</column>\n"
    "  </columns>\n";

std::string item(const std::string& number, const std::string& deadline = "Май 2022 г.") {
    return "    <item number=\"" + number + "\"><name>Мероприятие " + number + "</name><deadline>" + deadline +
           "</deadline><responsible>ОО</responsible></item>\n";
}

std::string section(const std::string& number, const std::string& items) {
    return "  <section number=\"" + number + "\">\n    <title>Раздел " + number + "</title>\n" + items + "  </section>\n";
}

std::string roadmap(const std::string& body, const std::string& head = "") {
    return test::record("roadmap", "  <title>План</title>\n" + head + columns + body);
}

// Gives a test record another id: test::record(...) | WithId{"school1"}.
struct WithId {
    std::string id;
};
std::string operator|(std::string doc, const WithId& w) {
    doc.replace(doc.find("id=\"r1\""), 7, "id=\"" + w.id + "\"");
    return doc;
}

}  // namespace

TEST_CASE("number_components reads numbers as people write them") {
    using V = std::vector<int>;
    CHECK(prikaz::number_components("1.5") == V{1, 5});
    CHECK(prikaz::number_components("8.") == V{8});
    CHECK(prikaz::number_components("Этап 1.") == V{1});
    CHECK(prikaz::number_components("2.1.3 ") == V{2, 1, 3});
    CHECK(prikaz::number_components("—").empty());
    CHECK(prikaz::number_components("").empty());
}

TEST_CASE("duplicate item numbers inside a roadmap") {
    TempDir dir;
    dir.write("r.xml", roadmap(section("1", item("1.1") + item("1.2") + item("1.1"))));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:14:5: warning[duplicate-number]: номер пункта 1.1 повторяется: он уже есть в строке 12. Пункты с "
                "одинаковыми номерами путают исполнителей"});
}

TEST_CASE("duplicate numbers of five parts and of large parts are found too") {
    TempDir dir;
    dir.write("r.xml", roadmap(section("1", item("1.1.1.1.1") + item("1.1.1.1.2") + item("1.1.1.1.1"))));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:14:5: warning[duplicate-number]: номер пункта 1.1.1.1.1 повторяется: он уже есть в строке 12. "
                "Пункты с одинаковыми номерами путают исполнителей"});
    // 65 536 + 1 and 1 must not share a key.
    dir.write("big.xml", roadmap(section("1", item("1.65537") + item("1.1"))));
    for (const std::string& line : test::check_file(dir, "big.xml")) CHECK(line.find("duplicate-number") == std::string::npos);
}

TEST_CASE("gaps in section and item numbering") {
    TempDir dir;
    dir.write("r.xml", roadmap(section("1", item("1.1") + item("1.3")) + section("3", item("3.1"))));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:13:5: warning[number-gap]: пропущен номер пункта: после 1.1 идёт 1.3, а 1.2 нет",
                "r.xml:15:3: warning[number-gap]: пропущен номер раздела: после 1 идёт 3, а 2 нет"});
}

TEST_CASE("continuous numbering across stages, and numbers that restart per stage") {
    TempDir dir;
    dir.write("through.xml", roadmap(section("Этап 1.", item("1") + item("2")) + section("Этап 2.", item("3.") + item("5."))));
    dir.write("restart.xml", roadmap(section("1", item("1") + item("2")) + section("2", item("1") + item("2"))));
    CHECK(test::check_file(dir, "through.xml") ==
          Lines{"through.xml:18:5: warning[number-gap]: пропущен номер пункта: после 3 идёт 5, а 4 нет"});
    CHECK(test::check_file(dir, "restart.xml").empty());
}

TEST_CASE("numbers out of order") {
    TempDir dir;
    dir.write("r.xml", roadmap(item("1") + item("2") + item("3") + item("2.")));
    // "2." after 3 is a duplicate of 2: reported once, as a duplicate.
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:13:5: warning[duplicate-number]: номер пункта 2 повторяется: он уже есть в строке 11. Пункты с "
                "одинаковыми номерами путают исполнителей"});
    dir.write("o.xml", roadmap(item("1") + item("3") + item("2")));
    CHECK(test::check_file(dir, "o.xml") ==
          Lines{"o.xml:11:5: warning[number-gap]: пропущен номер пункта: после 1 идёт 3, а 2 нет",
                "o.xml:12:5: warning[number-order]: нарушен порядок номеров: 2 стоит после 3"});
}

TEST_CASE("a deadline far outside a stated period") {
    TempDir dir;
    dir.write("r.xml", roadmap(item("1", "Сентябрь 2022 г.") + item("2", "Апрель 2032г."),
                               "  <period school-year=\"2022-2023\"/>\n"));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:12:48: warning[date-out-of-period]: срок «Апрель 2032г.» (2032 г.) далеко за пределами периода "
                "документа: он рассчитан на 2022–2023 гг.; возможно, опечатка в годе"});
}

TEST_CASE("a deadline far from the others when no period is stated") {
    TempDir dir;
    dir.write("r.xml", roadmap(item("1", "Май 2022 г.") + item("2", "Декабрь 2022 г.") + item("3", "Апрель 2023 г.") +
                               item("4", "Апрель 2032г.")));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:13:48: warning[date-out-of-period]: срок «Апрель 2032г.» (2032 г.) далеко за пределами периода "
                "документа: остальные его сроки приходятся на 2022 год; возможно, опечатка в годе"});
}

TEST_CASE("year-less months are dated by the approval and stay in period") {
    TempDir dir;
    dir.write("r.xml", "<?xml version=\"1.0\"?>\n<roadmap xmlns=\"urn:prikaz:records\" version=\"1\" id=\"r1\">\n"
                       "  <approval><date>2024-09-02</date><number>01-74.1</number></approval>\n"
                       "  <title>План</title>\n" + columns + item("1", "Август -сентябрь") + item("2", "Январь, май") +
                       item("3", "Май 2029 г.") + "</roadmap>\n");
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:13:48: warning[date-out-of-period]: срок «Май 2029 г.» (2029 г.) далеко за пределами периода "
                "документа: документ утверждён 02.09.2024; возможно, опечатка в годе"});
}

TEST_CASE("a deadline that cannot be read is a warning; explicit dates silence it") {
    TempDir dir;
    dir.write("r.xml", roadmap(item("1", "когда-нибудь потом") +
                               "    <item number=\"2\"><name>Б</name><deadline from=\"2022-05-01\" to=\"2022-05-31\">после "
                               "экзаменов</deadline><responsible>ОО</responsible></item>\n"));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:10:48: warning[deadline-unreadable]: срок «когда-нибудь потом» не читается как дата или период: он "
                "будет напечатан как есть, но просрочку по нему не определить. Запишите его, например, «Май 2022 г.», «До "
                "30.09.2022», «В течение года» или добавьте атрибуты from/to"});
}

TEST_CASE("an empty cell of a declared column") {
    TempDir dir;
    dir.write("r.xml", roadmap("    <item number=\"1\"><name>Встреча</name><deadline>Май 2022 г.</deadline></item>\n"));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:10:5: warning[empty-cell]: у пункта 1 пустая графа «Ответственный»: за мероприятие никто не отвечает"});
}

TEST_CASE("a row of column numbers that does not match the columns") {
    TempDir dir;
    std::string body = columns;
    body.replace(body.find("  </columns>"), 0, "    <number-row><cell>2</cell><cell>3</cell><cell>4</cell><cell/></number-row>\n");
    dir.write("r.xml", test::record("roadmap", "  <title>План</title>\n" + body + item("1")));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:9:5: warning[column-numbers]: строка номеров столбцов «2, 3, 4, (пусто)» не совпадает со "
                "столбцами: их 4, ожидается 1, 2, … 4"});
}

TEST_CASE("unbalanced quotes") {
    TempDir dir;
    dir.write("r.xml", roadmap("    <item number=\"1\"><name>Конкурс «Учитель года и «Педагогический дуэт»</name>"
                               "<deadline>Май 2022 г.</deadline><responsible>ОО</responsible></item>\n"
                               "    <item number=\"2\"><name>письмо об использовании рекомендаций»</name>"
                               "<deadline>Май 2022 г.</deadline><responsible>ОО</responsible></item>\n"
                               "    <item number=\"3\"><name>Пособие \"Наставничество</name>"
                               "<deadline>Май 2022 г.</deadline><responsible>ОО</responsible></item>\n"));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:10:22: warning[unbalanced-quotes]: в <name> кавычка « не закрыта, текст: «Учитель года и "
                "«Педагогический дуэт» — проверьте, где кончается название",
                "r.xml:11:22: warning[unbalanced-quotes]: в <name> закрывающая кавычка » стоит без открывающей, текст: "
                "письмо об использовании рекомендаций» — проверьте, где начинается название",
                "r.xml:12:22: warning[unbalanced-quotes]: в <name> нечётное число кавычек \"; проверьте, где кончается "
                "название"});
}

TEST_CASE("a required text that is empty after trimming") {
    TempDir dir;
    dir.write("r.xml", roadmap("    <item number=\"1\"><name> \n\t </name><deadline>Май 2022 г.</deadline>"
                               "<responsible>ОО</responsible></item>\n"));
    CHECK(test::check_file(dir, "r.xml") ==
          Lines{"r.xml:10:22: error[empty-text]: элемент <name> пуст: впишите текст или удалите элемент, если в документе "
                "этой графы нет"});
}

namespace {

const std::string organization =
    "  <full-name>МКОУ «Школа № 1»</full-name>\n"
    "  <people>\n"
    "    <person id=\"ivanova\" gender=\"female\"><surname>Иванова</surname><name>Мария</name>"
    "<patronymic>Петровна</patronymic><position>учитель</position></person>\n"
    "    <person id=\"petrov\" gender=\"male\"><surname>Петров</surname><name>Пётр</name><class>7А</class></person>\n"
    "  </people>\n";

}  // namespace

TEST_CASE("references to unknown persons and organizations") {
    TempDir dir;
    dir.write("org.xml", test::record("organization", organization));
    dir.write("reg.xml", test::record("registry",
                                      "  <mentors><mentor person=\"ivanova\"/><mentor person=\"sidorov\"/></mentors>\n"
                                      "  <mentees><mentee person=\"petrov\"/></mentees>\n"
                                      "  <pairs><pair id=\"p1\" mentor=\"ivanova\" mentee=\"petrov\" form=\"teacher-pupil\" "
                                      "start=\"2022-09-01\" programme=\"none\"/></pairs>\n",
                                      " organization=\"school2\" school-year=\"2022-2023\"") | WithId{"reg1"});
    dir.write("org.xml", test::record("organization", organization) | WithId{"school1"});
    auto lines = test::check(dir.path());
    const std::string reg = (dir.path() / "reg.xml").string();
    CHECK(lines == Lines{reg + ":2:1: error[unknown-reference]: ссылка на неизвестную организацию «school2» (атрибут "
                               "organization): такого id нет в проверяемых записях; организация — это отдельная запись "
                               "<organization>",
                         reg + ":3:38: error[unknown-reference]: ссылка на неизвестного человека «sidorov» (атрибут "
                               "person): такого id нет в проверяемых записях; людей перечисляют в <people> записи "
                               "организации",
                         reg + ":5:10: error[unknown-reference]: ссылка на неизвестную программу «none»: в этом реестре "
                               "нет <programme id=\"none\">"});
}

TEST_CASE("a reference to an id of the wrong kind") {
    TempDir dir;
    dir.write("org.xml", test::record("organization", organization) | WithId{"school1"});
    dir.write("reg.xml", test::record("registry",
                                      "  <mentors><mentor person=\"school1\"/></mentors>\n"
                                      "  <mentees><mentee person=\"petrov\"/></mentees>\n",
                                      " organization=\"ivanova\" school-year=\"2022-2023\"") | WithId{"reg1"});
    auto lines = test::check(dir.path());
    const std::string reg = (dir.path() / "reg.xml").string();
    CHECK(lines == Lines{reg + ":2:1: error[unknown-reference]: «ivanova» в атрибуте organization должно указывать на "
                               "организацию, а это id другой записи или человека",
                         reg + ":3:12: error[unknown-reference]: «school1» в атрибуте person должно указывать на "
                               "человека, а это id другой записи или человека"});
}

TEST_CASE("a pair whose mentor and mentee are one person, and a group that holds its mentor") {
    TempDir dir;
    dir.write("org.xml", test::record("organization", organization) | WithId{"school1"});
    dir.write("reg.xml", test::record("registry",
                                      "  <mentors><mentor person=\"ivanova\"/></mentors>\n"
                                      "  <mentees><mentee person=\"petrov\"/></mentees>\n"
                                      "  <pairs><pair id=\"p1\" mentor=\"ivanova\" mentee=\"ivanova\" form=\"teacher-teacher\" "
                                      "start=\"2022-09-01\" end=\"2022-06-01\"/></pairs>\n"
                                      "  <groups><group id=\"g1\" mentor=\"ivanova\" form=\"teacher-pupil\" start=\"2022-09-01\">"
                                      "<mentee person=\"petrov\"/><mentee person=\"ivanova\"/></group></groups>\n",
                                      " organization=\"school1\" school-year=\"2022-2023\"") | WithId{"reg1"});
    auto lines = test::check(dir.path());
    const std::string reg = (dir.path() / "reg.xml").string();
    CHECK(lines == Lines{reg + ":5:10: error[self-pair]: в паре p1 наставник и наставляемый — один и тот же человек "
                               "(ivanova); укажите разных людей",
                         reg + ":5:10: error[period-order]: срок p1 кончается (01.06.2022) раньше, чем начинается "
                               "(01.09.2022)",
                         reg + ":6:108: error[self-pair]: в группе g1 наставник ivanova записан и среди наставляемых; "
                               "укажите разных людей"});
}

TEST_CASE("duplicate ids and a school year that is not two consecutive years") {
    TempDir dir;
    dir.write("a.xml", test::record("organization", organization) | WithId{"school1"});
    dir.write("b.xml", test::record("organization", "  <full-name>Другая</full-name>\n") | WithId{"school1"});
    dir.write("c.xml", test::record("monitoring",
                                    "  <title>Мониторинг</title>\n  <indicator id=\"i\" unit=\"people\"><title>Наставники"
                                    "</title><value organization=\"school1\" period=\"2022-2024\" actual=\"3\"/></indicator>\n",
                                    " organization=\"school1\" school-year=\"2022-2023\"") | WithId{"m1"});
    auto lines = test::check(dir.path());
    const std::string a = (dir.path() / "a.xml").string(), b = (dir.path() / "b.xml").string(),
                      c = (dir.path() / "c.xml").string();
    CHECK(lines == Lines{b + ":2:1: error[duplicate-id]: id «school1» уже занят: " + a +
                             ":2. Идентификаторы записей и людей должны быть уникальны во всех проверяемых файлах",
                         c + ":4:60: error[school-year]: учебный год «2022-2024» должен состоять из двух соседних лет, "
                             "например 2022-2023"});
}

TEST_CASE("order items: numbering at every level, deadlines inside items") {
    TempDir dir;
    dir.write("org.xml", test::record("organization", organization) | WithId{"school1"});
    dir.write("o.xml", test::record("order",
                                    "  <issuer organization=\"school1\"/>\n  <kind>ПРИКАЗ</kind>\n  <date>2021-11-15</date>\n"
                                    "  <number>866</number>\n  <heading>О наставничестве</heading>\n"
                                    "  <operative>приказываю</operative>\n"
                                    "  <item number=\"1.\"><text>Утвердить:</text>\n"
                                    "    <item number=\"1.1.\"><text>план</text><responsible persons=\"ivanova\"/>"
                                    "<deadline>до 01.12.2031</deadline></item>\n"
                                    "    <item number=\"1.3.\"><text>список</text></item>\n"
                                    "  </item>\n"
                                    "  <item number=\"2.\"><text>Назначить</text></item>\n"
                                    "  <control number=\"4.\">Контроль оставляю за собой.</control>\n"
                                    "  <signature person=\"ivanova\"><position>Директор</position></signature>\n") | WithId{"o1"});
    auto lines = test::check(dir.path());
    const std::string o = (dir.path() / "o.xml").string();
    CHECK(lines == Lines{o + ":10:74: warning[date-out-of-period]: срок «до 01.12.2031» (2031 г.) далеко за пределами "
                             "периода документа: приказ издан 15.11.2021; возможно, опечатка в годе",
                         o + ":11:5: warning[number-gap]: пропущен номер пункта: после 1.1 идёт 1.3, а 1.2 нет",
                         o + ":14:3: warning[number-gap]: пропущен номер пункта: после 2 идёт 4, а 3 нет"});
}

TEST_CASE("the acknowledgement sheet lists everyone the order names, once") {
    TempDir dir;
    std::string people = organization;
    people.insert(people.find("  </people>"),
                  "    <person id=\"sidorova\" gender=\"female\"><surname>Сидорова</surname><name>Анна</name>"
                  "<patronymic>Ивановна</patronymic><position>педагог-психолог</position></person>\n");
    dir.write("org.xml", test::record("organization", people) | WithId{"school1"});
    dir.write("o.xml", test::record("order",
                                    "  <issuer organization=\"school1\"/>\n  <kind>ПРИКАЗ</kind>\n  <date>2022-09-02</date>\n"
                                    "  <heading>О наставничестве</heading>\n"
                                    "  <operative>приказываю</operative>\n"
                                    "  <item number=\"1.\"><text>Назначить куратором программы «Вместе <person person=\"sidorova\" "
                                    "case=\"acc\"/>.</text></item>\n"
                                    "  <item number=\"2.\"><text>Составить план.</text><responsible persons=\"petrov "
                                    "sidorova\"/></item>\n"
                                    "  <signature person=\"ivanova\"><position>Директор</position></signature>\n"
                                    "  <executor person=\"sidorova\"/>\n"
                                    "  <acknowledgement>\n    <person person=\"petrov\"/>\n    <person person=\"petrov\"/>\n"
                                    "  </acknowledgement>\n") | WithId{"o1"});
    auto lines = test::check(dir.path());
    const std::string o = (dir.path() / "o.xml").string();
    // Named three times (item text, responsible, executor), said once, where first named; the signer is not listed.
    // The quotes of a running text with a person in it are checked too.
    CHECK(lines == Lines{o + ":8:21: warning[unbalanced-quotes]: в <text> кавычка « не закрыта, текст: «Вместе . — "
                             "проверьте, где кончается название",
                         o + ":8:65: warning[acknowledgement]: приказ называет человека «sidorova», а в листе "
                             "ознакомления его нет: добавьте <person person=\"sidorova\"/> в <acknowledgement>",
                         o + ":14:5: warning[acknowledgement]: «petrov» уже есть в листе ознакомления (строка 13): "
                             "уберите повтор"});
}

TEST_CASE("the samples: exactly the real slips of the source documents") {
    auto lines = test::check(test::source_dir / "samples");
    const std::string s = (test::source_dir / "samples").string() + "/";
    for (auto& line : lines)
        if (line.rfind(s, 0) == 0) line.erase(0, s.size());
    CHECK(lines ==
          Lines{
              // 002: item 3 has no responsible person; item 6 is missing.
              "kashary/roadmap-2024.xml:33:5: warning[empty-cell]: у пункта 3 пустая графа «Ответственные»: за "
              "мероприятие никто не отвечает",
              "kashary/roadmap-2024.xml:47:5: warning[number-gap]: пропущен номер пункта: после 5 идёт 7, а 6 нет",
              // 000: 1.5 twice, section 3 missing, 2032 for 2023.
              "kezhma/roadmap-2022.xml:62:5: warning[duplicate-number]: номер пункта 1.5 повторяется: он уже есть в "
              "строке 41. Пункты с одинаковыми номерами путают исполнителей",
              "kezhma/roadmap-2022.xml:123:3: warning[number-gap]: пропущен номер раздела: после 2 идёт 4, а 3 нет",
              "kezhma/roadmap-2022.xml:218:7: warning[date-out-of-period]: срок «Апрель 2032г.» (2032 г.) далеко за "
              "пределами периода документа: остальные его сроки приходятся на 2022 год; возможно, опечатка в годе",
              // 004: the preamble never closes «Об утверждении комплекса мер …».
              "salsk/order-866.xml:12:5: warning[unbalanced-quotes]: в <p> кавычка « не закрыта, текст: «Об утверждении "
              "комплекса мер по созданию муниципальной сист… — проверьте, где кончается название",
              // 004, appendix 5: column numbers "2 3 4 5" under five columns; two unclosed quotes.
              "salsk/plan-2021.xml:17:5: warning[column-numbers]: строка номеров столбцов «2, 3, 4, 5, (пусто)» не "
              "совпадает со столбцами: их 5, ожидается 1, 2, … 5",
              "salsk/plan-2021.xml:98:5: warning[unbalanced-quotes]: в <name> кавычка « не закрыта, текст: «Площадка "
              "«горизонтального обучения» в рамках работы РМО учи… — проверьте, где кончается название",
              "salsk/plan-2021.xml:162:5: warning[unbalanced-quotes]: в <p> кавычка « не закрыта, текст: «Методический "
              "ресурсный центр образовательных учреждений Сал… — проверьте, где кончается название",
              // 001: a closing » with no opening one; stage 7 has an empty "Мероприятия" cell.
              "school26/roadmap-2025.xml:22:9: warning[unbalanced-quotes]: в <p> закрывающая кавычка » стоит без "
              "открывающей, текст: …работников в образовательных организациях»… — проверьте, где начинается "
              "название",
              "school26/roadmap-2025.xml:125:5: warning[empty-cell]: у пункта в строке 125 пустая графа «Мероприятия»",
          });
}
