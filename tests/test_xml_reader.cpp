// Bad input: every way a record file can be broken gets its exact message.
#include "support.hpp"
#include "xml_reader.hpp"

#include <catch2/catch.hpp>

using test::TempDir;
using Lines = std::vector<std::string>;

namespace {

const std::string org_open = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\">";

std::string cp1251(const std::string& utf8) {
    // Enough of Windows-1251 for Russian letters: А..я, Ё, ё, and ASCII.
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        auto b = static_cast<unsigned char>(utf8[i]);
        if (b < 0x80) {
            out += utf8[i++];
            continue;
        }
        unsigned cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
        i += 2;
        if (cp == 0x401) out += '\xA8';
        else if (cp == 0x451) out += '\xB8';
        else out += static_cast<char>(cp - 0x410 + 0xC0);
    }
    return out;
}

}  // namespace

TEST_CASE("not well-formed XML is reported at the first error with line and column") {
    TempDir dir;
    dir.write("a.xml", org_open + "\n  <full-name>Школа</full-nam>\n</organization>\n");
    CHECK(test::check_file(dir, "a.xml") ==
          Lines{"a.xml:3:30: error[xml-syntax]: закрывающий тег </full-nam> не соответствует открытому <full-name> "
                "(строка 3)"});
}

TEST_CASE("a bare ampersand gets a fix") {
    TempDir dir;
    dir.write("a.xml", org_open + "\n<full-name>Школа & сад</full-name></organization>\n");
    CHECK(test::check_file(dir, "a.xml") ==
          Lines{"a.xml:3:19: error[xml-syntax]: знак & в тексте пишите как &amp; (после & ожидается имя сущности и «;»)"});
}

TEST_CASE("a truncated file is reported as such") {
    TempDir dir;
    dir.write("a.xml", org_open + "\n<full-name>Школа</full-name>\n");
    CHECK(test::check_file(dir, "a.xml") ==
          Lines{"a.xml:4:1: error[xml-syntax]: файл оборван: элемент <organization> не закрыт"});
}

TEST_CASE("an empty file and a declaration that is not first") {
    TempDir dir;
    dir.write("empty.xml", "");
    dir.write("late.xml", "\n" + org_open + "<full-name>Школа</full-name></organization>\n");
    CHECK(test::check_file(dir, "empty.xml") == Lines{"empty.xml:1:1: error[xml-syntax]: файл пуст: в нём нет ни одного элемента"});
    CHECK(test::check_file(dir, "late.xml") ==
          Lines{"late.xml:2:6: error[xml-syntax]: объявление <?xml …?> должно стоять в самом начале файла: удалите пустые "
                "строки и пробелы перед ним"});
}

TEST_CASE("wrong root element or namespace") {
    TempDir dir;
    dir.write("plan.xml", "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:prikaz:records\"/>\n");
    dir.write("nons.xml", "<?xml version=\"1.0\"?>\n<roadmap version=\"1\" id=\"r\"/>\n");
    dir.write("foreign.xml", "<?xml version=\"1.0\"?>\n<order xmlns=\"http://example.org/orders\"/>\n");
    CHECK(test::check_file(dir, "plan.xml") ==
          Lines{"plan.xml:2:1: error[wrong-root]: это не запись prikaz: корневой элемент <plan>, а ожидается один из "
                "<organization>, <order>, <roadmap>, <registry>, <monitoring> с xmlns=\"urn:prikaz:records\""});
    CHECK(test::check_file(dir, "nons.xml") ==
          Lines{"nons.xml:2:1: error[wrong-root]: у корневого элемента <roadmap> нет пространства имён записей: добавьте "
                "xmlns=\"urn:prikaz:records\""});
    CHECK(test::check_file(dir, "foreign.xml") ==
          Lines{"foreign.xml:2:1: error[wrong-root]: корневой элемент <order> в чужом пространстве имён "
                "«http://example.org/orders»; записи prikaz используют xmlns=\"urn:prikaz:records\""});
}

TEST_CASE("Windows-1251 without a declaration is refused, not converted") {
    TempDir dir;
    dir.write("a.xml", "<?xml version=\"1.0\"?>\n<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\">\n"
                       "  <full-name>" + cp1251("Средняя школа № 3") + "</full-name>\n</organization>\n");
    CHECK(test::check_file(dir, "a.xml") ==
          Lines{"a.xml:3:14: error[encoding]: файл не в кодировке UTF-8 (байты 0xD1 0xF0 0xE5 0xE4); похоже на "
                "Windows-1251. Файл не перекодируется молча: сохраните его в UTF-8 (в Блокноте: «Сохранить как» → "
                "кодировка UTF-8) или укажите настоящую кодировку в первой строке: <?xml version=\"1.0\" "
                "encoding=\"windows-1251\"?>"});
}

TEST_CASE("Windows-1251 declared in the XML declaration is converted") {
    TempDir dir;
    dir.write("a.xml", "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
                       "<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\"><full-name>" +
                           cp1251("Ёлкинская школа") + "</full-name></organization>\n");
    CHECK(test::check_file(dir, "a.xml").empty());
    prikaz::ReadResult read = prikaz::read_xml_file(dir.path() / "a.xml", {});
    REQUIRE(read.file);
    CHECK(prikaz::Node(xmlDocGetRootElement(read.file->doc.get())).child("full-name").text() == "Ёлкинская школа");
}

TEST_CASE("a UTF-8 BOM is accepted; a BOM that contradicts the declaration is refused") {
    TempDir dir;
    dir.write("bom.xml", "\xEF\xBB\xBF" + org_open + "<full-name>Школа</full-name></organization>\n");
    dir.write("mixed.xml", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
                           "<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\"><full-name>Школа</full-name>"
                           "</organization>\n");
    CHECK(test::check_file(dir, "bom.xml").empty());
    CHECK(test::check_file(dir, "mixed.xml") ==
          Lines{"mixed.xml:1:1: error[encoding]: файл начинается с метки UTF-8 (BOM), а в объявлении XML указана "
                "кодировка «windows-1251»: одно из двух неверно. Сохраните файл в UTF-8 и укажите encoding=\"UTF-8\""});
}

TEST_CASE("characters not allowed in XML 1.0") {
    TempDir dir;
    dir.write("raw.xml", org_open + "\n  <full-name>Школа\x0B№ 3</full-name></organization>\n");
    dir.write("ref.xml", org_open + "\n  <full-name>Школа &#1; № 3</full-name></organization>\n");
    dir.write("nul.xml", org_open + std::string("\n<full-name>A\0B</full-name></organization>", 43));
    dir.write("c1.xml", org_open + "\n<full-name>A\xC2\x85</full-name></organization>\n");
    CHECK(test::check_file(dir, "raw.xml") ==
          Lines{"raw.xml:3:19: error[xml-char]: управляющий символ U+000B не допускается в XML 1.0; удалите его (часто "
                "он попадает при копировании из другой программы)"});
    CHECK(test::check_file(dir, "ref.xml") ==
          Lines{"ref.xml:3:24: error[xml-syntax]: числовая ссылка обозначает символ, недопустимый в XML 1.0 "
                "(xmlParseCharRef: invalid xmlChar value 1)"});
    CHECK(test::check_file(dir, "nul.xml") ==
          Lines{"nul.xml:3:13: error[xml-char]: файл содержит байт 0x00: это двоичный файл или текст в UTF-16 без метки "
                "BOM. Сохраните запись как текст XML в кодировке UTF-8"});
    CHECK(test::check_file(dir, "c1.xml") ==
          Lines{"c1.xml:3:13: error[xml-char]: символ U+0085 не допускается в записях (XML 1.0); удалите его"});
}

TEST_CASE("a DOCTYPE with external entities is refused before anything is read") {
    TempDir dir;
    // The entity points at a real file with a marker; the refusal must be the
    // same whether the target exists or not, and the marker must not surface.
    auto secret = dir.write("secret.txt", "SECRET-MARKER");
    const std::string message =
        "error[doctype]: объявление <!DOCTYPE запрещено в записях: через него подключают внешние файлы и "
        "«взрывающиеся» сущности. Удалите строку <!DOCTYPE …> и все ссылки &имя; на объявленные в ней сущности";
    for (std::string target : {"file://" + secret.string(), std::string("file:///nonexistent/x"),
                               std::string("http://127.0.0.1:9/x")}) {
        dir.write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE organization [\n  <!ENTITY s SYSTEM \"" + target +
                                 "\">\n]>\n<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\">"
                                 "<full-name>&s;</full-name></organization>\n");
        CHECK(test::check_file(dir, "xxe.xml") == Lines{"xxe.xml:2:1: " + message});
    }
    dir.write("ext.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE organization SYSTEM \"file://" + secret.string() +
                             "\">\n<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\"/>\n");
    CHECK(test::check_file(dir, "ext.xml") == Lines{"ext.xml:2:1: " + message});
}

TEST_CASE("billion laughs is refused at the DOCTYPE, before any expansion") {
    TempDir dir;
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        std::string prev = level == 1 ? "lol" : "lol" + std::to_string(level - 1);
        doc += " <!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i) doc += "&" + prev + ";";
        doc += "\">\n";
    }
    doc += "]>\n<organization xmlns=\"urn:prikaz:records\" version=\"1\" id=\"o1\"><full-name>&lol9;</full-name>"
           "</organization>\n";
    dir.write("lol.xml", doc);
    // The program run as a user would: a small peak of memory proves nothing was expanded.
    test::Run r = test::run("check " + test::quoted(dir.path() / "lol.xml"));
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("lol.xml:2:1: error[doctype]") != std::string::npos);
    CHECK(r.max_rss_kib < test::memory_budget_kib(64 * 1024));
}

TEST_CASE("a 50 MB record is checked with bounded memory") {
    TempDir dir;
    std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roadmap xmlns=\"urn:prikaz:records\" version=\"1\" id=\"big\">\n"
                      "<title>Большой план</title>\n<columns><column field=\"number\">№</column>"
                      "<column field=\"name\">Мероприятие</column><column field=\"deadline\">Срок</column></columns>\n";
    const std::string filler(600, 'x');
    for (int i = 1; doc.size() < 50u * 1000 * 1000; ++i)
        doc += "<item number=\"" + std::to_string(i) + "\"><name>Мероприятие " + std::to_string(i) + " " + filler +
               "</name><deadline>Май 2024 г.</deadline></item>\n";
    doc += "</roadmap>\n";
    dir.write("big.xml", doc);
    test::Run r = test::run("check " + test::quoted(dir.path() / "big.xml"));
    INFO(r.out.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Итог: ошибок — 0, предупреждений — 0.\n");
    // The tree of a 50 MB record must stay within a few times its size.
    CHECK(r.max_rss_kib < test::memory_budget_kib(600 * 1024));
}

TEST_CASE("limits on file size, element count and value length") {
    TempDir dir;
    dir.write("a.xml", org_open + "<full-name>" + std::string(2000, 'x') + "</full-name></organization>\n");
    prikaz::Limits small;
    small.max_value_bytes = 1000;
    CHECK(test::check_file(dir, "a.xml", small) ==
          Lines{"a.xml:2:62: error[value-too-long]: текст элемента <full-name> длиннее 1000 байт; такие значения не "
                "принимаются"});
    small = {};
    small.max_elements = 1;
    CHECK(test::check_file(dir, "a.xml", small) ==
          Lines{"a.xml:1:1: error[too-many-elements]: в файле больше 1 элементов; такие записи не принимаются"});
    small = {};
    small.max_file_bytes = 1u << 10;
    CHECK(test::check_file(dir, "a.xml", small) ==
          Lines{"a.xml: error[file-too-large]: файл больше 1024 байт; такие записи не принимаются"});
}

TEST_CASE("a folder with no XML, a missing file, an unreadable file") {
    TempDir dir;
    dir.write("empty/readme.txt", "not a record");
    auto lines = test::check(dir.path() / "empty");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == (dir.path() / "empty").string() +
                          ": error[no-records]: в папке нет файлов записей *.xml; укажите папку с записями или сами файлы");

    lines = test::check(dir.path() / "nope.xml");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == (dir.path() / "nope.xml").string() + ": error[file-missing]: файл не найден; проверьте путь");

    auto locked = dir.write("locked.xml", org_open + "<full-name>Школа</full-name></organization>\n");
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    // root reads any file: run the program as nobody to see what a user sees.
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all, std::filesystem::perm_options::add);
    const std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
    test::Run r = test::run("check " + test::quoted(locked), as_user);
    CHECK(r.exit_code == 5);
    CHECK(r.out == locked.string() +
                       ": error[file-unreadable]: файл не открывается на чтение (нет прав на чтение); проверьте права "
                       "доступа\nИтог: ошибок — 1, предупреждений — 0.\n");
}

TEST_CASE("schema files are read only from the schema folder") {
    TempDir dir;
    // A schema folder whose records.xsd pulls a file from outside it: a
    // loader that let it through would compile this schema.
    const std::string outside =
        "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
        "targetNamespace=\"urn:prikaz:records\" elementFormDefault=\"qualified\">\n"
        "  <xs:element name=\"organization\"/>\n</xs:schema>\n";
    dir.write("outside.xsd", outside);
    dir.write("schemas/records.xsd",
              "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
              "targetNamespace=\"urn:prikaz:records\">\n  <xs:include schemaLocation=\"../outside.xsd\"/>\n</xs:schema>\n");
    dir.write("inside/records.xsd", outside);
    auto record = dir.write("o.xml", org_open + "</organization>\n");
    prikaz::CheckOptions options;
    options.schema_dir = dir.path() / "schemas";
    CHECK_THROWS_WITH(prikaz::check({record}, options),
                      "схемы записей в " + (dir.path() / "schemas").string() + " повреждены и не компилируются");
    // The same schema placed inside its folder compiles and validates.
    options.schema_dir = dir.path() / "inside";
    CHECK(prikaz::check({record}, options).empty());
}

TEST_CASE("a record is read from disk in pieces: split characters, lines and columns after them") {
    TempDir dir;
    // One line longer than a piece (64 KiB) of two-byte letters, then many short lines.
    std::string name;
    for (int i = 0; i < 50000; ++i) name += "Ж";
    std::string lines;
    for (int i = 0; i < 3000; ++i) lines += "<!-- строка " + std::to_string(i) + " -->\n";
    dir.write("a.xml", org_open + "\n<full-name>" + name + "</full-name>\n" + lines + "  <bogus/></organization>\n");

    prikaz::ReadResult read = prikaz::read_xml_file(dir.path() / "a.xml", prikaz::Limits{}, prikaz::XmlUse::record);
    REQUIRE(read.file);
    CHECK(read.file->bytes.empty());  // never held whole
    CHECK(read.file->line_starts.size() == 3005);
    xmlNode* full_name = xmlDocGetRootElement(read.file->doc.get())->children;
    REQUIRE(full_name);
    xmlChar* text = xmlNodeGetContent(full_name);
    CHECK(std::string(reinterpret_cast<const char*>(text)) == name);
    xmlFree(text);
    // A position after the pieces: line from libxml2, column from the lines re-read from disk.
    CHECK(test::check_file(dir, "a.xml") ==
          Lines{"a.xml:3004:3: error[schema]: элемент <bogus> здесь не ожидается; на этом месте может стоять: "
                "<short-name>, <parent>, <place>, <head>, <registration>, <people> (порядок и состав элементов — в schemas/)"});
}
