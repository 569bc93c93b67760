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

TEST_CASE("an archive inside the records folder is not read as records") {
    test::TempDir dir;
    const std::string organization = test::record("organization", "<full-name>Школа</full-name>\n");
    dir.write("records/o.xml", organization);
    dir.write("records/archive/journal.sqlite", "");
    dir.write("records/archive/school/2024-2025/od/o.xml", organization);  // a filed copy, same id
    test::Run r = test::run("check " + test::quoted(dir.path() / "records"));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Итог: ошибок — 0, предупреждений — 0.\n");
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

#include "template/package.hpp"

namespace {

// A minimal DOCX (or DOTX) with the given body.
std::filesystem::path make_docx(const test::TempDir& dir, const std::string& name, const std::string& body,
                                bool as_template = false, const std::string& custom_properties = "") {
    const std::string type = as_template ? "template" : "document";
    prikaz::Package package;
    package.entries = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml." +
             type + ".main+xml\"/></Types>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>"},
    };
    if (!custom_properties.empty())
        package.entries.push_back(
            {"docProps/custom.xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties "
             "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
             "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">" +
                 custom_properties + "</Properties>"});
    return dir.write(name, prikaz::write_package(package));
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

}  // namespace

TEST_CASE("render: a template with errors exits 4 and leaves no file") {
    test::TempDir dir;
    auto record = dir.write("r/roadmap.xml", test::record("roadmap", "<title>План</title><columns><column field=\"name\">М</column>"
                                                                     "</columns><item><name>Пункт</name></item>\n"));
    auto templ = make_docx(dir, "t.docx", para("{{ roadmap.title") + para("{% endif %}"));
    auto out = dir.path() / "out.docx";
    test::Run r = test::run("render " + test::quoted(record) + " -t " + test::quoted(templ) + " -o " + test::quoted(out));
    CHECK(r.exit_code == 4);
    CHECK(r.out == templ.string() + ":word/document.xml: error[unclosed-tag]: в абзаце «{{ roadmap.title»: тег «{{» не "
                                    "закрыт: нет «}}» до конца абзаца (тег не может переходить в другой абзац)\n" +
                       templ.string() + ":word/document.xml: error[unexpected-statement]: в абзаце «{% endif %}»: «{% "
                                        "endif %}» без открывающего «{% if … %}»\nИтог: ошибок — 2, предупреждений — 0.\n");
    CHECK_FALSE(std::filesystem::exists(out));
    // Nothing half-written either.
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) CHECK(e.path().filename().string()[0] != '.');
}

TEST_CASE("render: a value missing from the record exits 3; an existing document is never replaced") {
    test::TempDir dir;
    auto record = dir.write("r/roadmap.xml", test::record("roadmap", "<title>План</title><columns><column field=\"name\">М</column>"
                                                                     "</columns><item><name>Пункт</name></item>\n"));
    auto bad = make_docx(dir, "bad.docx", para("{{ roadmap.owner.organization }}"));
    auto out = dir.path() / "out.docx";
    test::Run r = test::run("render " + test::quoted(record) + " -t " + test::quoted(bad) + " -o " + test::quoted(out));
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("error[undefined-value]: в абзаце «{{ roadmap.owner.organization }}», тег «roadmap.owner.organization»: "
                     "путь «roadmap.owner.organization» ничего не нашёл в записи") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    auto good = make_docx(dir, "good.dotx", para("{{ roadmap.title }}: {% for i in roadmap.item %}{{ i.name }}{% endfor %}"), true);
    r = test::run("render " + test::quoted(record) + " -t " + test::quoted(good) + " -o " + test::quoted(out));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Итог: ошибок — 0, предупреждений — 0.\nДокумент сохранён: " + out.string() + "\n");
    std::vector<prikaz::Diagnostic> problems;
    auto package = prikaz::read_package(out, {}, problems);
    REQUIRE(package);
    // A .dotx template gives a document, not another template.
    CHECK(package->find("[Content_Types].xml")->data.find("wordprocessingml.document.main+xml") != std::string::npos);
    CHECK(package->find("word/document.xml")->data.find("<w:t xml:space=\"preserve\">План: Пункт</w:t>") != std::string::npos);
    const auto size = std::filesystem::file_size(out);

    r = test::run("render " + test::quoted(record) + " -t " + test::quoted(good) + " -o " + test::quoted(out));
    CHECK(r.exit_code == 5);
    CHECK(r.out == out.string() + ": error[would-overwrite]: файл уже есть; prikaz не перезаписывает документы: укажите "
                                  "другое имя в -o\nИтог: ошибок — 1, предупреждений — 0.\n");
    CHECK(std::filesystem::file_size(out) == size);
}

TEST_CASE("render: values go through the typograph unless the template's property says no") {
    test::TempDir dir;
    auto record = dir.write("r/roadmap.xml",
                            test::record("roadmap", "<title>План \"Наставник - 2022\" на 2022-2023 уч. г.</title><columns>"
                                                    "<column field=\"name\">М</column></columns><item><name>Пункт</name></item>\n"));
    auto property = [](const std::string& value) {
        return "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"prikaz-typograph\">"
               "<vt:lpwstr>" + value + "</vt:lpwstr></property>";
    };
    auto body = [&](const std::string& templ) {
        auto out = dir.path() / (templ + ".out.docx");
        test::Run r = test::run("render " + test::quoted(record) + " -t " + test::quoted(dir.path() / templ) + " -o " +
                                test::quoted(out));
        INFO(r.out);
        REQUIRE(r.exit_code == 0);
        std::vector<prikaz::Diagnostic> problems;
        auto package = prikaz::read_package(out, {}, problems);
        REQUIRE(package);
        return package->find("word/document.xml")->data;
    };
    const std::string tag = para("{{ roadmap.title }}");
    make_docx(dir, "on.docx", tag);
    make_docx(dir, "yes.docx", tag, false, property("Да"));
    make_docx(dir, "off.docx", tag, false, property("нет"));
    const std::string typographed = "План «Наставник\u00A0— 2022» на 2022–2023\u00A0уч.\u00A0г.";
    const std::string on = body("on.docx");
    CHECK(on.find(typographed) != std::string::npos);
    CHECK(on.find("{{") == std::string::npos);
    CHECK(body("yes.docx").find(typographed) != std::string::npos);
    CHECK(body("off.docx").find("План \"Наставник - 2022\" на 2022-2023 уч. г.") != std::string::npos);
    // --verbatim: letter for letter whatever the template says.
    test::Run verbatim = test::run("render --verbatim " + test::quoted(record) + " -t " + test::quoted(dir.path() / "yes.docx") +
                                   " -o " + test::quoted(dir.path() / "verbatim.docx"));
    REQUIRE(verbatim.exit_code == 0);
    std::vector<prikaz::Diagnostic> problems;
    auto package = prikaz::read_package(dir.path() / "verbatim.docx", {}, problems);
    REQUIRE(package);
    CHECK(package->find("word/document.xml")->data.find("План \"Наставник - 2022\" на 2022-2023 уч. г.") != std::string::npos);

    auto odd = make_docx(dir, "odd.docx", tag, false, property("иногда"));
    test::Run r = test::run("render " + test::quoted(record) + " -t " + test::quoted(odd) + " -o " +
                            test::quoted(dir.path() / "odd.out.docx"));
    CHECK(r.exit_code == 4);
    CHECK(r.out == odd.string() + ":docProps/custom.xml: error[template-property]: свойство шаблона «prikaz-typograph» = "
                                  "«иногда»: напишите «да» или «нет»\nИтог: ошибок — 1, предупреждений — 0.\n");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "odd.out.docx"));
}

TEST_CASE("render --format pdf: a LibreOffice that hangs is stopped after PRIKAZ_SOFFICE_TIMEOUT seconds") {
    test::TempDir dir;
    auto record = dir.write("r/roadmap.xml", test::record("roadmap", "<title>План</title><columns><column field=\"name\">М</column>"
                                                                     "</columns><item><name>Пункт</name></item>\n"));
    auto templ = make_docx(dir, "t.docx", para("{{ roadmap.title }}"));
    const auto fake = dir.write("bin/soffice", "#!/bin/sh\nsleep 30\n");
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    const auto out = dir.path() / "r.pdf";
    test::Run r = test::shell("PATH=" + test::quoted(dir.path() / "bin") + ":/usr/bin:/bin PRIKAZ_SOFFICE_TIMEOUT=1 " +
                              PRIKAZ_BINARY + " render " + test::quoted(record) + " -t " + test::quoted(templ) +
                              " --format pdf -o " + test::quoted(out));
    CHECK(r.exit_code == 5);
    CHECK(r.out == out.string() + ": error[pdf-failed]: LibreOffice не сделал PDF за 1 с и был остановлен; закройте "
                                  "открытые окна LibreOffice и повторите или получите DOCX с --format docx\n"
                                  "Итог: ошибок — 1, предупреждений — 0.\n");
    CHECK_FALSE(std::filesystem::exists(out));
}
