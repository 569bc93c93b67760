// Names, positions and the approval word: the team's rules table against hand-written expected forms.
#include "russian/names.hpp"
#include "russian/participle.hpp"
#include "russian/positions.hpp"

#include <catch2/catch.hpp>

#include <libxml/parser.h>

#include <fstream>
#include <sstream>

using namespace prikaz::russian;

namespace {

constexpr GramCase oblique[] = {GramCase::gen, GramCase::dat, GramCase::acc, GramCase::ins, GramCase::pre};

std::vector<std::string> split(const std::string& s, char by) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, by)) out.push_back(part);
    return out;
}

struct Row {
    int line;
    PersonName person;
    std::vector<std::string> expected;  // gen, dat, acc, ins, pre
};

std::vector<Row> read_table() {
    std::ifstream in(std::string(PRIKAZ_SOURCE_DIR) + "/tests/data/names.tsv");
    REQUIRE(in);
    std::vector<Row> rows;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        auto cells = split(line, '\t');
        REQUIRE(cells.size() == 7);
        auto words = split(cells[0], ' ');
        REQUIRE(words.size() >= 2);
        Row row{n, {}, {cells.begin() + 2, cells.end()}};
        row.person.surname = words[0];
        row.person.name = words[1];
        for (std::size_t i = 2; i < words.size(); ++i) row.person.patronymic += (i > 2 ? " " : "") + words[i];
        row.person.gender = cells[1] == "male" ? PersonGender::male : cells[1] == "female" ? PersonGender::female : PersonGender::unknown;
        rows.push_back(std::move(row));
    }
    return rows;
}

// A <person> element parsed from text, kept alive for the test.
struct Doc {
    explicit Doc(const std::string& xml) : doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", nullptr, 0)) {
        REQUIRE(doc);
    }
    ~Doc() { xmlFreeDoc(doc); }
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;
    prikaz::Node root() const { return prikaz::Node(xmlDocGetRootElement(doc)); }
    xmlDoc* doc;
};

}  // namespace

TEST_CASE("the names table: every oblique case of at least 200 names, both genders") {
    const auto rows = read_table();
    CHECK(rows.size() >= 200);
    int males = 0, females = 0;
    for (const Row& row : rows) {
        males += gender_of(row.person) == PersonGender::male;
        females += gender_of(row.person) == PersonGender::female;
        for (std::size_t c = 0; c < 5; ++c) {
            INFO("names.tsv line " << row.line << ", case " << c + 1);
            const NameForm f = full_name(row.person, oblique[c]);
            CHECK(f.text == row.expected[c]);
            CHECK_FALSE(f.undecided);
            // The short forms decline the surname the same way.
            const std::string surname = split(row.expected[c], ' ')[0];
            CHECK(initials_surname(row.person, oblique[c]).text == initials(row.person) + "\u00A0" + surname);
            CHECK(surname_initials(row.person, oblique[c]).text == surname + "\u00A0" + initials(row.person));
        }
        CHECK(full_name(row.person, GramCase::nom).text ==
              row.person.surname + " " + row.person.name + (row.person.patronymic.empty() ? "" : " " + row.person.patronymic));
    }
    CHECK(males >= 80);
    CHECK(females >= 80);
}

TEST_CASE("initials: no space between them, double names, Ё, initials only") {
    PersonName p{"Сенченко", "Марина", "Евгеньевна", "", "", PersonGender::female, {}};
    CHECK(initials(p) == "М.Е.");
    CHECK(initials_surname(p, GramCase::nom).text == "М.Е.\u00A0Сенченко");
    CHECK(surname_initials(p, GramCase::nom).text == "Сенченко\u00A0М.Е.");
    CHECK(full_name(p, GramCase::nom).text == "Сенченко Марина Евгеньевна");

    CHECK(initials({"Павлова", "Анна-Мария", "Павловна", "", "", PersonGender::female, {}}) == "А.-М.П.");
    CHECK(initials({"Иванов", "Ёсиф", "Ёсифович", "", "", PersonGender::male, {}}) == "Ё.Ё.");
    CHECK(initials({"Иванов", "иван", "петрович", "", "", PersonGender::male, {}}) == "И.П.");
    CHECK(initials({"Алиев", "Рашид", "Гасан оглы", "", "", PersonGender::unknown, {}}) == "Р.Г.");
    CHECK(initials({"Петров", "Иван", "", "", "", PersonGender::male, {}}) == "И.");

    // Known only by initials, as in a signature «Е.Н. Малахова».
    PersonName m{"Малахова", "", "", "Е. Н.", "", PersonGender::female, {}};
    CHECK(initials(m) == "Е.Н.");
    CHECK(initials_surname(m, GramCase::dat).text == "Е.Н.\u00A0Малаховой");
    CHECK(surname_initials(m, GramCase::ins).text == "Малаховой\u00A0Е.Н.");
    CHECK(full_name(m, GramCase::gen).text == "Малаховой\u00A0Е.Н.");
}

TEST_CASE("gender: the record's, else the patronymic's, else unknown and said so") {
    CHECK(gender_of({"Петров", "Иван", "Сергеевич", "", "", PersonGender::unknown, {}}) == PersonGender::male);
    CHECK(gender_of({"Петрова", "Анна", "Сергеевна", "", "", PersonGender::unknown, {}}) == PersonGender::female);
    CHECK(gender_of({"Алиева", "Лейла", "Гасан кызы", "", "", PersonGender::unknown, {}}) == PersonGender::female);
    CHECK(gender_of({"Алиев", "Рашид", "Гасан оглы", "", "", PersonGender::unknown, {}}) == PersonGender::male);
    CHECK(gender_of({"Петрова", "Анна", "", "", "", PersonGender::unknown, {}}) == PersonGender::unknown);
    // The record wins over the patronymic.
    CHECK(gender_of({"Петрова", "Анна", "Сергеевич", "", "", PersonGender::female, {}}) == PersonGender::female);

    // Unknown gender, no patronymic: a surname that declines differently for a man and a woman stays as
    // written and the form says it is undecided; what both genders agree on is declined.
    PersonName p{"Петрова", "Анна", "", "", "", PersonGender::unknown, {}};
    NameForm f = full_name(p, GramCase::dat);
    CHECK(f.text == "Петрова Анне");
    CHECK(f.undecided);
    PersonName k{"Ким", "Алина", "", "", "", PersonGender::unknown, {}};
    CHECK(initials_surname(k, GramCase::dat).undecided);
    CHECK(initials_surname(k, GramCase::nom).text == "А.\u00A0Ким");
    CHECK_FALSE(initials_surname(k, GramCase::nom).undecided);
    PersonName s{"Сидоренко", "Саша", "", "", "", PersonGender::unknown, {}};
    f = full_name(s, GramCase::ins);
    CHECK(f.text == "Сидоренко Сашей");
    CHECK_FALSE(f.undecided);
    // A first name in a consonant: Иван declines, Кармен does not; without a gender, undecided.
    CHECK(decline_part("Иван", NamePart::name, PersonGender::unknown, GramCase::dat).undecided);
    CHECK(decline_part("Иван", NamePart::name, PersonGender::male, GramCase::dat).text == "Ивану");
}

TEST_CASE("parts: hyphens, several words, capitals") {
    CHECK(decline_part("Лукина-Горбунова", NamePart::surname, PersonGender::female, GramCase::ins).text == "Лукиной-Горбуновой");
    CHECK(decline_part("ван Бетховен", NamePart::surname, PersonGender::male, GramCase::dat).text == "ван Бетховену");
    CHECK(decline_part("Гасан оглы", NamePart::patronymic, PersonGender::male, GramCase::dat).text == "Гасан оглы");
    CHECK(decline_part("Smith", NamePart::surname, PersonGender::male, GramCase::dat).text == "Smith");
    CHECK(decline_part(" Петров ", NamePart::surname, PersonGender::male, GramCase::gen).text == "Петрова");
    CHECK(decline_part("", NamePart::surname, PersonGender::male, GramCase::gen).text.empty());
}

TEST_CASE("a person from the record, with overrides that win over the rules") {
    Doc d(R"(<person xmlns="urn:prikaz:records" id="p1" gender="female">
      <surname>Кузнецова</surname><name>Светлана</name><patronymic>Сергеевна</patronymic>
      <position>учитель математики</position>
      <forms>
        <form case="dat" surname="Кузнецовой-Override"/>
        <form case="ins" name="Светой" position="учительницей математики"/>
      </forms>
    </person>)");
    const PersonName p = person_name(d.root());
    CHECK(p.surname == "Кузнецова");
    CHECK(p.position == "учитель математики");
    CHECK(full_name(p, GramCase::dat).text == "Кузнецовой-Override Светлане Сергеевне");
    CHECK(initials_surname(p, GramCase::dat).text == "С.С.\u00A0Кузнецовой-Override");
    CHECK(full_name(p, GramCase::ins).text == "Кузнецовой Светой Сергеевной");
    CHECK(full_name(p, GramCase::gen).text == "Кузнецовой Светланы Сергеевны");
    CHECK(person_position(p, GramCase::ins).text == "учительницей математики");
    CHECK(person_position(p, GramCase::dat).text == "учителю математики");

    // The example of docs/records.md: a French surname in -а that the rules would decline like «Сковорода».
    Doc dyuma(R"(<person xmlns="urn:prikaz:records" id="dyuma" gender="male"><surname>Дюма</surname><name>Александр</name>
      <position>лаборант</position>
      <forms><form case="dat" surname="Дюма" position="лаборанту"/></forms></person>)");
    const PersonName a = person_name(dyuma.root());
    CHECK(full_name(a, GramCase::dat).text == "Дюма Александру");
    CHECK(person_position(a, GramCase::dat).text == "лаборанту");
    CHECK(decline_part("Дюма", NamePart::surname, PersonGender::male, GramCase::dat).text == "Дюме");
    CHECK_FALSE(person_position(a, GramCase::gen).known);

    // An override makes an undecided part decided: the record says what it is.
    Doc u(R"(<person xmlns="urn:prikaz:records" id="p2"><surname>Ким</surname><initials>А.Р.</initials>
      <forms><form case="dat" surname="Ким"/></forms></person>)");
    const PersonName k = person_name(u.root());
    CHECK(initials_surname(k, GramCase::dat).text == "А.Р.\u00A0Ким");
    CHECK_FALSE(initials_surname(k, GramCase::dat).undecided);
    CHECK(initials_surname(k, GramCase::gen).undecided);
}

TEST_CASE("case names of the filter contract") {
    CHECK(gram_case_from_string("nom") == GramCase::nom);
    CHECK(gram_case_from_string("pre") == GramCase::pre);
    CHECK(gram_case_from_string("dative") == std::nullopt);
    CHECK(gram_case_from_string("") == std::nullopt);
}

TEST_CASE("positions: the head and its adjectives decline, the rest stays") {
    struct Case {
        const char* nom;
        std::array<const char*, 5> forms;
    };
    const Case cases[] = {
        {"директор", {"директора", "директору", "директора", "директором", "директоре"}},
        {"Директор МБОУ «СОШ № 3»", {"Директора МБОУ «СОШ № 3»", "Директору МБОУ «СОШ № 3»", "Директора МБОУ «СОШ № 3»",
                                     "Директором МБОУ «СОШ № 3»", "Директоре МБОУ «СОШ № 3»"}},
        {"заместитель директора по УВР", {"заместителя директора по УВР", "заместителю директора по УВР",
                                          "заместителя директора по УВР", "заместителем директора по УВР",
                                          "заместителе директора по УВР"}},
        {"заместитель директора по учебно-воспитательной работе",
         {"заместителя директора по учебно-воспитательной работе", "заместителю директора по учебно-воспитательной работе",
          "заместителя директора по учебно-воспитательной работе", "заместителем директора по учебно-воспитательной работе",
          "заместителе директора по учебно-воспитательной работе"}},
        {"заместитель директора по воспитательной работе",
         {"заместителя директора по воспитательной работе", "заместителю директора по воспитательной работе",
          "заместителя директора по воспитательной работе", "заместителем директора по воспитательной работе",
          "заместителе директора по воспитательной работе"}},
        {"учитель математики", {"учителя математики", "учителю математики", "учителя математики", "учителем математики", "учителе математики"}},
        {"учитель начальных классов", {"учителя начальных классов", "учителю начальных классов", "учителя начальных классов",
                                       "учителем начальных классов", "учителе начальных классов"}},
        {"учитель английского языка", {"учителя английского языка", "учителю английского языка", "учителя английского языка",
                                       "учителем английского языка", "учителе английского языка"}},
        {"педагог-психолог", {"педагога-психолога", "педагогу-психологу", "педагога-психолога", "педагогом-психологом", "педагоге-психологе"}},
        {"учитель-логопед", {"учителя-логопеда", "учителю-логопеду", "учителя-логопеда", "учителем-логопедом", "учителе-логопеде"}},
        {"педагог-организатор", {"педагога-организатора", "педагогу-организатору", "педагога-организатора", "педагогом-организатором",
                                 "педагоге-организаторе"}},
        {"преподаватель-организатор ОБЖ", {"преподавателя-организатора ОБЖ", "преподавателю-организатору ОБЖ",
                                           "преподавателя-организатора ОБЖ", "преподавателем-организатором ОБЖ",
                                           "преподавателе-организаторе ОБЖ"}},
        {"социальный педагог", {"социального педагога", "социальному педагогу", "социального педагога", "социальным педагогом", "социальном педагоге"}},
        {"классный руководитель", {"классного руководителя", "классному руководителю", "классного руководителя",
                                   "классным руководителем", "классном руководителе"}},
        {"классный руководитель 5Б класса", {"классного руководителя 5Б класса", "классному руководителю 5Б класса",
                                             "классного руководителя 5Б класса", "классным руководителем 5Б класса",
                                             "классном руководителе 5Б класса"}},
        {"педагог дополнительного образования", {"педагога дополнительного образования", "педагогу дополнительного образования",
                                                 "педагога дополнительного образования", "педагогом дополнительного образования",
                                                 "педагоге дополнительного образования"}},
        {"старший вожатый", {"старшего вожатого", "старшему вожатому", "старшего вожатого", "старшим вожатым", "старшем вожатом"}},
        {"старшая вожатая", {"старшей вожатой", "старшей вожатой", "старшую вожатую", "старшей вожатой", "старшей вожатой"}},
        {"советник директора по воспитанию", {"советника директора по воспитанию", "советнику директора по воспитанию",
                                              "советника директора по воспитанию", "советником директора по воспитанию",
                                              "советнике директора по воспитанию"}},
        {"советник директора по воспитанию и взаимодействию с детскими общественными объединениями",
         {"советника директора по воспитанию и взаимодействию с детскими общественными объединениями",
          "советнику директора по воспитанию и взаимодействию с детскими общественными объединениями",
          "советника директора по воспитанию и взаимодействию с детскими общественными объединениями",
          "советником директора по воспитанию и взаимодействию с детскими общественными объединениями",
          "советнике директора по воспитанию и взаимодействию с детскими общественными объединениями"}},
        {"методист", {"методиста", "методисту", "методиста", "методистом", "методисте"}},
        {"начальник управления образования", {"начальника управления образования", "начальнику управления образования",
                                              "начальника управления образования", "начальником управления образования",
                                              "начальнике управления образования"}},
        {"заведующий библиотекой", {"заведующего библиотекой", "заведующему библиотекой", "заведующего библиотекой",
                                    "заведующим библиотекой", "заведующем библиотекой"}},
        {"заведующая библиотекой", {"заведующей библиотекой", "заведующей библиотекой", "заведующую библиотекой",
                                    "заведующей библиотекой", "заведующей библиотекой"}},
        {"куратор", {"куратора", "куратору", "куратора", "куратором", "кураторе"}},
        {"наставник", {"наставника", "наставнику", "наставника", "наставником", "наставнике"}},
        {"молодой специалист", {"молодого специалиста", "молодому специалисту", "молодого специалиста", "молодым специалистом", "молодом специалисте"}},
        {"обучающийся 7А класса", {"обучающегося 7А класса", "обучающемуся 7А класса", "обучающегося 7А класса",
                                   "обучающимся 7А класса", "обучающемся 7А класса"}},
        {"обучающаяся 9Б класса", {"обучающейся 9Б класса", "обучающейся 9Б класса", "обучающуюся 9Б класса",
                                   "обучающейся 9Б класса", "обучающейся 9Б класса"}},
        {"студент", {"студента", "студенту", "студента", "студентом", "студенте"}},
        {"студентка 2 курса", {"студентки 2 курса", "студентке 2 курса", "студентку 2 курса", "студенткой 2 курса", "студентке 2 курса"}},
        {"ученица 10А класса", {"ученицы 10А класса", "ученице 10А класса", "ученицу 10А класса", "ученицей 10А класса", "ученице 10А класса"}},
        {"главный специалист управления образования",
         {"главного специалиста управления образования", "главному специалисту управления образования",
          "главного специалиста управления образования", "главным специалистом управления образования",
          "главном специалисте управления образования"}},
        {"ведущий специалист", {"ведущего специалиста", "ведущему специалисту", "ведущего специалиста", "ведущим специалистом", "ведущем специалисте"}},
        {"воспитатель", {"воспитателя", "воспитателю", "воспитателя", "воспитателем", "воспитателе"}},
        {"тьютор", {"тьютора", "тьютору", "тьютора", "тьютором", "тьюторе"}},
        {"библиотекарь", {"библиотекаря", "библиотекарю", "библиотекаря", "библиотекарем", "библиотекаре"}},
        {"секретарь", {"секретаря", "секретарю", "секретаря", "секретарём", "секретаре"}},
        {"председатель методического объединения", {"председателя методического объединения", "председателю методического объединения",
                                                     "председателя методического объединения", "председателем методического объединения",
                                                     "председателе методического объединения"}},
        {"наставляемый", {"наставляемого", "наставляемому", "наставляемого", "наставляемым", "наставляемом"}},
        {"ЗАМЕСТИТЕЛЬ ДИРЕКТОРА", {"ЗАМЕСТИТЕЛЯ ДИРЕКТОРА", "ЗАМЕСТИТЕЛЮ ДИРЕКТОРА", "ЗАМЕСТИТЕЛЯ ДИРЕКТОРА", "ЗАМЕСТИТЕЛЕМ ДИРЕКТОРА",
                                   "ЗАМЕСТИТЕЛЕ ДИРЕКТОРА"}},
    };
    CHECK(std::size(cases) >= 30);
    for (const Case& c : cases) {
        CHECK(decline_position(c.nom, GramCase::nom).text == c.nom);
        for (std::size_t k = 0; k < 5; ++k) {
            INFO(c.nom << ", case " << k + 1);
            const PositionForm f = decline_position(c.nom, oblique[k]);
            CHECK(f.text == c.forms[k]);
            CHECK(f.known);
        }
    }
}

TEST_CASE("positions the table does not know stay as written and say so") {
    for (const char* p : {"лаборант", "главный бухгалтер", "", "по УВР"}) {
        INFO(p);
        const PositionForm f = decline_position(p, GramCase::dat);
        CHECK(f.text == p);
        CHECK_FALSE(f.known);
    }
}

TEST_CASE("the approval word agrees with the document's head noun") {
    struct Case {
        const char* title;
        const char* word;
    };
    const Case cases[] = {
        {"дорожная карта", "УТВЕРЖДЕНА"},
        {"Дорожная карта реализации целевой модели наставничества", "УТВЕРЖДЕНА"},
        {"«Дорожная карта» по внедрению", "УТВЕРЖДЕНА"},
        {"программа", "УТВЕРЖДЕНА"},
        {"Программа наставничества МБОУ «СОШ № 3»", "УТВЕРЖДЕНА"},
        {"карта", "УТВЕРЖДЕНА"},
        {"Примерная форма согласия", "УТВЕРЖДЕНА"},
        {"план", "УТВЕРЖДЕН"},
        {"План мероприятий по реализации целевой модели наставничества", "УТВЕРЖДЕН"},
        {"Календарный план", "УТВЕРЖДЕН"},
        {"состав", "УТВЕРЖДЕН"},
        {"Состав рабочей группы", "УТВЕРЖДЕН"},
        {"Список наставнических пар (групп) МКОУ КСОШ № 3 на 2022–2023 учебный год", "УТВЕРЖДЕН"},
        {"перечень", "УТВЕРЖДЕН"},
        {"порядок", "УТВЕРЖДЕН"},
        {"график", "УТВЕРЖДЕН"},
        {"Календарный учебный график", "УТВЕРЖДЕН"},
        {"список", "УТВЕРЖДЕН"},
        {"Комплекс мер", "УТВЕРЖДЕН"},
        {"положение", "УТВЕРЖДЕНО"},
        {"Положение о наставничестве", "УТВЕРЖДЕНО"},
        {"Расписание занятий", "УТВЕРЖДЕНО"},
        {"правила", "УТВЕРЖДЕНЫ"},
        {"Правила внутреннего распорядка", "УТВЕРЖДЕНЫ"},
        {"Методические рекомендации по внедрению", "УТВЕРЖДЕНЫ"},
        {"Критерии оценки", "УТВЕРЖДЕНЫ"},
        {"Изменения в положение", "УТВЕРЖДЕНЫ"},
        // The noun is not in the table: the adjective before it still agrees.
        {"Методические указания", "УТВЕРЖДЕНЫ"},
        {"Типовое заключение", "УТВЕРЖДЕНО"},
    };
    for (const Case& c : cases) {
        INFO(c.title);
        CHECK(approved(c.title) == std::optional<std::string>(c.word));
    }
    CHECK(approved("Заключение о соответствии") == std::optional<std::string>("УТВЕРЖДЕНО"));
    // Nothing tells: no noun of the table, no adjective before a noun.
    CHECK(approved("О наставничестве") == std::nullopt);
    CHECK(approved("") == std::nullopt);
    CHECK(approved("Ведомость") == std::nullopt);
    CHECK(approved("Отдельные") == std::nullopt);
}

TEST_CASE("primary-strength keys: Ёлкин and Елкин meet, Йолкин does not") {
    const PrimaryKeys keys;
    CHECK(keys.key("Ёлкин") == keys.key("Елкин"));
    CHECK(keys.key("ёлкин") == keys.key("ЕЛКИН"));
    CHECK(keys.key("Йолкин") != keys.key("Иолкин"));
    CHECK(keys.key("Елкин") != keys.key("Елкина"));
    const PersonName a{"Ёлкин", "Пётр", "Семёнович", "", "", PersonGender::male, {}};
    const PersonName b{"Елкин", "Петр", "Семенович", "", "", PersonGender::male, {}};
    const PersonName c{"Елкин", "Петр", "", "", "", PersonGender::male, {}};
    // Parts stay apart: "Елкин Петр" + "" is not "Елки" + "н Петр".
    const PersonName d{"Елки", "нПетр", "", "", "", PersonGender::male, {}};
    CHECK(keys.key(a) == keys.key(b));
    CHECK(keys.key(a) != keys.key(c));
    CHECK(keys.key(c) != keys.key(d));
}
