// The near-duplicate-person rule: names equal at ICU primary strength but written differently.
#include "support.hpp"

#include <catch2/catch.hpp>

using test::TempDir;
using Lines = std::vector<std::string>;

namespace {

std::string person(const std::string& id, const std::string& surname, const std::string& name, const std::string& patronymic) {
    return "    <person id=\"" + id + "\"><surname>" + surname + "</surname><name>" + name + "</name>" +
           (patronymic.empty() ? "" : "<patronymic>" + patronymic + "</patronymic>") + "</person>\n";
}

std::string organization(const std::string& id, const std::string& people) {
    std::string doc = test::record("organization", "  <full-name>Школа</full-name>\n  <people>\n" + people + "  </people>\n");
    doc.replace(doc.find("id=\"r1\""), 7, "id=\"" + id + "\"");
    return doc;
}

}  // namespace

TEST_CASE("near-duplicate-person: ё and е, capitals, in one file") {
    TempDir dir;
    dir.write("o.xml", organization("o1", person("p1", "Ёлкин", "Пётр", "Семёнович") + person("p2", "Петров", "Иван", "") +
                                              person("p3", "Елкин", "Петр", "Семенович") +
                                              person("p4", "ПЕТРОВ", "иван", "")));
    CHECK(test::check_file(dir, "o.xml") ==
          Lines{"o.xml:7:5: warning[near-duplicate-person]: «Елкин Петр Семенович» (p3) отличается от «Ёлкин Пётр "
                "Семёнович» (p1, строка 5) только буквами ё/е или заглавными: если это один человек, оставьте одну "
                "запись и ссылайтесь на неё; если разные — проверьте написание",
                "o.xml:8:5: warning[near-duplicate-person]: «ПЕТРОВ иван» (p4) отличается от «Петров Иван» (p2, строка "
                "6) только буквами ё/е или заглавными: если это один человек, оставьте одну запись и ссылайтесь на неё; "
                "если разные — проверьте написание"});
}

TEST_CASE("near-duplicate-person names the other file") {
    TempDir dir;
    dir.write("a.xml", organization("o1", person("p1", "Фёдорова", "Светлана", "Михайловна")));
    dir.write("b.xml", organization("o2", person("p2", "Федорова", "Светлана", "Михайловна")));
    auto lines = test::check(dir.path());
    const std::string a = (dir.path() / "a.xml").string(), b = (dir.path() / "b.xml").string();
    CHECK(lines == Lines{b + ":5:5: warning[near-duplicate-person]: «Федорова Светлана Михайловна» (p2) отличается от "
                             "«Фёдорова Светлана Михайловна» (p1, " + a + ":5) только буквами ё/е или заглавными: если "
                             "это один человек, оставьте одну запись и ссылайтесь на неё; если разные — проверьте написание"});
}

TEST_CASE("near-duplicate-person stays quiet for different names and for namesakes written alike") {
    TempDir dir;
    dir.write("o.xml", organization("o1", person("p1", "Ёлкин", "Иван", "Петрович") + person("p2", "Ёлкина", "Иванна", "Петровна") +
                                              person("p3", "Йолкин", "Иван", "Петрович") + person("p4", "Иолкин", "Иван", "Петрович") +
                                              person("p5", "Ёлкин", "Иван", "") + person("p6", "Ёлкин", "Иван", "Петрович")));
    CHECK(test::check_file(dir, "o.xml").empty());
}
