// The command line as a user meets it: output format and exit codes.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sstream>

TEST_CASE("prikaz check on the samples prints the slips and exits 0") {
    test::Run r = test::run("check " + test::quoted(test::source_dir / "samples"));
    CHECK(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line, last;
    int warnings = 0;
    while (std::getline(lines, line)) {
        if (line.find(": warning[") != std::string::npos) ++warnings;
        last = line;
    }
    CHECK(warnings == 11);
    CHECK(last == "Итог: ошибок — 0, предупреждений — 11.");
}

TEST_CASE("exit code 3 when the data has errors") {
    test::TempDir dir;
    auto f = dir.write("o.xml", test::record("organization", "<full-name> </full-name>\n"));
    test::Run r = test::run("check " + test::quoted(f));
    CHECK(r.exit_code == 3);
    CHECK(r.out == f.string() + ":3:1: error[empty-text]: элемент <full-name> пуст: впишите текст или удалите элемент, "
                                "если в документе этой графы нет\nИтог: ошибок — 1, предупреждений — 0.\n");
}

TEST_CASE("exit code 5 for a missing file, and the other files are still checked") {
    test::TempDir dir;
    auto bad = dir.write("o.xml", test::record("organization", "<full-name></full-name>\n"));
    test::Run r = test::run("check " + test::quoted(dir.path() / "missing.xml") + " " + test::quoted(bad));
    CHECK(r.exit_code == 5);
    CHECK(r.out == (dir.path() / "missing.xml").string() + ": error[file-missing]: файл не найден; проверьте путь\n" +
                       bad.string() +
                       ":3:1: error[empty-text]: элемент <full-name> пуст: впишите текст или удалите элемент, если в "
                       "документе этой графы нет\nИтог: ошибок — 2, предупреждений — 0.\n");
}

TEST_CASE("exit code 2 for wrong usage") {
    CHECK(test::run("").exit_code == 2);
    CHECK(test::run("check").exit_code == 2);
    test::Run r = test::run("frobnicate x");
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("prikaz: неверный вызов") == 0);
}

TEST_CASE("exit code 5 when the program's own schemas are missing") {
    test::TempDir dir;
    auto f = dir.write("o.xml", test::record("organization", "<full-name>Школа</full-name>\n"));
    test::Run r = test::run("check --schemas " + test::quoted(dir.path()) + " " + test::quoted(f));
    CHECK(r.exit_code == 5);
    CHECK(r.out == "prikaz: не найдены схемы записей: нет файла " + (dir.path() / "records.xsd").string() +
                       "; укажите папку со схемами в --schemas или в переменной PRIKAZ_SCHEMAS\n");
}
