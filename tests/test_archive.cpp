// The archive: numbering, file names, the journal and its migrations, and the
// commands issue / verify / list / journal as a secretary meets them — including
// crashes at every step, parallel issuing, and broken or foreign journals.
#include "support.hpp"

#include "archive/error.hpp"
#include "archive/filing.hpp"
#include "archive/journal.hpp"
#include "archive/numbering.hpp"
#include "archive/sha256.hpp"
#include "russian/translit.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <csignal>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace prikaz::archive;

const std::string organization = R"(<?xml version="1.0" encoding="UTF-8"?>
<organization xmlns="urn:prikaz:records" version="1" id="school7">
  <full-name>Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»</full-name>
  <short-name>МБОУ СШ № 7</short-name>
  <place>г. Сальск</place>
  <head person="dir"><position>Директор</position></head>
  <registration restart="RESTART">
    <series code="od" title="по основной деятельности" pattern="{n}-од" case="01-07"/>
    <series code="ls" title="по личному составу" pattern="{n}-лс" case="01-08"/>
  </registration>
  <people>
    <person id="dir" gender="female"><surname>Иванова</surname><name>Анна</name><patronymic>Петровна</patronymic><position>директор</position></person>
    <person id="zam" gender="male"><surname>Петров</surname><name>Олег</name><patronymic>Ильич</patronymic><position>заместитель директора</position></person>
  </people>
</organization>
)";

// An order draft (no number); `head` goes after <kind> (a <date> or <number>).
std::string order(const std::string& id, const std::string& heading, const std::string& series = "od",
                  const std::string& head = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- draft -->\n<order xmlns=\"urn:prikaz:records\" version=\"1\" id=\"" + id +
           "\" series=\"" + series +
           "\">\n  <issuer organization=\"school7\"/>\n  <kind>ПРИКАЗ</kind>\n" + head +
           "  <place>г. Сальск</place>\n  <heading>" + heading +
           "</heading>\n  <operative>приказываю</operative>\n"
           "  <item number=\"1.\"><text>Назначить куратором заместителя директора Петрова Олега Ильича.</text></item>\n"
           "  <signature person=\"dir\"><position>Директор</position></signature>\n  <executor person=\"zam\"/>\n</order>\n";
}

const std::string curator = "О назначении куратора внедрения целевой модели наставничества";
const std::string stem = "2024-09-02_1-od_o-naznachenii-kuratora-vnedreniya-tselevoy-modeli";
const std::string folder = "archive/school7/2024-2025/od/";

// A records folder (rec/) with the organization, and the archive beside it; commands run in the temp folder.
struct Office {
    test::TempDir dir;
    explicit Office(const std::string& restart = "school-year") {
        std::string org = organization;
        org.replace(org.find("RESTART"), 7, restart);
        dir.write("rec/organization.xml", org);
    }
    fs::path add(const std::string& name, const std::string& bytes) const { return dir.write("rec/" + name, bytes); }
    test::Run run(const std::string& arguments, const std::string& env = "") const {
        return test::run(arguments, "cd " + test::quoted(dir.path()) + " && " + env);
    }
    fs::path archive() const { return dir.path() / "archive"; }
    // Every file under the archive but the journal, relative to the temp folder, sorted.
    std::vector<std::string> files() const {
        std::vector<std::string> out;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(archive(), ec); !ec && it != fs::recursive_directory_iterator(); ++it)
            if (it->is_regular_file() && it->path().filename().string().rfind("journal.sqlite", 0) != 0)
                out.push_back(fs::relative(it->path(), dir.path()).string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string issued(const std::string& number, const std::string& date, const std::string& file_stem,
                   const std::string& where = folder) {
    return "Итог: ошибок — 0, предупреждений — 0.\nПриказ зарегистрирован: № " + number + " от " + date + "\nВ архиве: " + where +
           file_stem + ".xml\nВ архиве: " + where + file_stem + ".docx\n";
}

}  // namespace

TEST_CASE("SHA-256 of the FIPS 180-4 examples") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("records year: calendar, or the school year from 1 September") {
    struct Case {
        const char* date;
        Restart restart;
        const char* year;
    } cases[] = {
        {"2024-08-31", Restart::school_year, "2023-2024"},  {"2024-09-01", Restart::school_year, "2024-2025"},
        {"2025-01-10", Restart::school_year, "2024-2025"},  {"2024-09-01", Restart::calendar_year, "2024"},
        {"2024-12-31", Restart::calendar_year, "2024"},
    };
    for (const Case& c : cases) CHECK(records_year(c.date, c.restart) == c.year);
    CHECK(date_in_year("2025-03-01", "2024-2025") == std::optional<bool>(true));
    CHECK(date_in_year("2024-03-01", "2024-2025") == std::optional<bool>(false));
    CHECK(date_in_year("2024-03-01", "2024") == std::optional<bool>(true));
    CHECK(!date_in_year("2024-03-01", "2024-2026"));
    CHECK(!date_in_year("2024-03-01", "24"));
    CHECK(is_iso_date("2024-02-29"));
    CHECK(!is_iso_date("2023-02-29"));
    CHECK(!is_iso_date("02.09.2024"));
}

TEST_CASE("numbers written by a series' pattern and read back") {
    CHECK(format_number("{n}-од", 7) == "7-од");
    CHECK(format_number("01-{n}", 74) == "01-74");
    CHECK(parse_number("{n}-од", "259-од") == std::optional<std::int64_t>(259));
    CHECK(parse_number("01-{n}", "01-74") == std::optional<std::int64_t>(74));
    CHECK(!parse_number("{n}-од", "259-лс"));
    CHECK(!parse_number("{n}-од", "07-од"));
    CHECK(!parse_number("{n}-од", "-од"));
    CHECK(!parse_number("{n}-од", "1a-од"));
}

TEST_CASE("file names: date, number, heading in Latin letters") {
    prikaz::russian::Transliterator translit;
    CHECK(translit("Щёлково, объём, Льгов") == "Shchelkovo, ob\"yem, L'gov");
    CHECK(file_stem("2024-09-02", "1-од", curator, translit) == stem);
    CHECK(file_stem("2022-09-02", "112-од", "О закреплении наставнических пар (групп) на 2022–2023 учебный год", translit) ==
          "2022-09-02_112-od_o-zakreplenii-nastavnicheskikh-par-grupp-na-2022-2023");
    CHECK(file_stem("2024-09-02", "01-74.1", "Об объёмах", translit) == "2024-09-02_01-74-1_ob-obyemakh");
    CHECK(entry_folder("school7", "2024-2025", "od") == fs::path("school7/2024-2025/od"));
}

TEST_CASE("a journal of schema version 1 is migrated and keeps its rows") {
    test::TempDir dir;
    const fs::path file = dir.path() / "journal.sqlite";
    {
        // What prikaz with schema 1 wrote.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        const char* v1 =
            "PRAGMA application_id = 1347570522;"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, organization TEXT NOT NULL, series TEXT NOT NULL,"
            " records_year TEXT NOT NULL, sequence INTEGER NOT NULL, number TEXT NOT NULL, date TEXT NOT NULL,"
            " kind TEXT NOT NULL, heading TEXT NOT NULL, signatory TEXT NOT NULL DEFAULT '', executor TEXT NOT NULL DEFAULT '',"
            " record_id TEXT NOT NULL, issued_at TEXT NOT NULL, UNIQUE (organization, series, records_year, sequence),"
            " UNIQUE (organization, record_id));"
            "CREATE TABLE files (entry INTEGER NOT NULL REFERENCES entries(id), path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,"
            " role TEXT NOT NULL);"
            "INSERT INTO entries VALUES (1, 'school7', 'od', '2023-2024', 5, '5-од', '2023-10-02', 'по основной деятельности',"
            " 'О старом', 'Директор А.П. Иванова', '', 'old', '2023-10-02T10:00:00+0300');"
            "INSERT INTO files VALUES (1, 'school7/2023-2024/od/a.xml', 'ab', 'record');"
            "PRAGMA user_version = 1;";
        REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    // Reading an old journal migrates it too (list, journal, verify open it for reading).
    const Journal::Mode mode = GENERATE(Journal::Mode::write, Journal::Mode::read);
    Journal journal(file, mode);
    CHECK(journal.version() == journal_version);
    auto entries = journal.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].number == "5-од");
    CHECK(entries[0].basis.empty());
    CHECK(entries[0].case_index.empty());
    CHECK(!entries[0].corrects);
    REQUIRE(entries[0].files.size() == 1);
    CHECK(entries[0].files[0].path == "school7/2023-2024/od/a.xml");
    CHECK(journal.last_sequence("school7", "od", "2023-2024") == 5);
    CHECK(journal.last_sequence("school7", "od", "2024-2025") == 0);
}

TEST_CASE("a journal prikaz cannot use is refused and left as it was") {
    test::TempDir dir;
    const fs::path file = dir.path() / "journal.sqlite";
    struct Case {
        const char* name;
        const char* sql;  // nothing: the bytes below instead
        std::string bytes;
        std::string rule, message;
    } cases[] = {
        {"foreign", "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');", "", "journal-foreign",
         "это база SQLite, но не журнал prikaz; архив не тронут — укажите другую папку в --archive"},
        {"newer", "PRAGMA application_id = 1347570522; CREATE TABLE t (x); PRAGMA user_version = 9;", "", "journal-newer",
         "журнал записан более новой версией prikaz (версия схемы 9, эта программа знает до 2); обновите prikaz"},
        {"not sqlite", nullptr, std::string(4096, 'x'), "journal-corrupt",
         "файл журнала повреждён или это не база SQLite (file is not a database); архив не тронут — восстановите журнал из "
         "резервной копии"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            if (c.sql) {
                sqlite3* db = nullptr;
                REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
                REQUIRE(sqlite3_exec(db, c.sql, nullptr, nullptr, nullptr) == SQLITE_OK);
                sqlite3_close(db);
            } else {
                dir.write("journal.sqlite", c.bytes);
            }
            const std::string before = slurp(file);
            for (auto mode : {Journal::Mode::read, Journal::Mode::write}) {
                try {
                    Journal journal(file, mode);
                    FAIL("opened");
                } catch (const ArchiveError& e) {
                    CHECK(e.rule == c.rule);
                    CHECK(std::string(e.what()) == c.message);
                    CHECK(e.where == file.string());
                }
            }
            CHECK(slurp(file) == before);
        }
    }
}

TEST_CASE("prikaz issue numbers, files and registers an order") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    test::Run r = office.run("issue rec/o1.xml --date 2024-09-02 --basis 'решение педсовета'");
    CHECK(r.out == issued("1-од", "2024-09-02", stem));
    CHECK(r.exit_code == 0);
    CHECK(office.files() == std::vector<std::string>{folder + stem + ".docx", folder + stem + ".xml"});

    // The copy is the record with its number and date, comments and spacing kept.
    const std::string copy = slurp(office.dir.path() / (folder + stem + ".xml"));
    std::string expected = order("o1", curator, "od", "  <date>2024-09-02</date>\n  <number>1-од</number>\n");
    CHECK(copy == expected);
    CHECK(slurp(office.dir.path() / "rec/o1.xml") == order("o1", curator));  // the draft stays a draft

    // The next order of the series gets the next number; another series starts at 1.
    office.add("o2.xml", order("o2", "Об утверждении дорожной карты"));
    office.add("l1.xml", order("l1", "О приёме на работу", "ls"));
    CHECK(office.run("issue rec/o2.xml --date 2024-10-01").out ==
          issued("2-од", "2024-10-01", "2024-10-01_2-od_ob-utverzhdenii-dorozhnoy-karty"));
    CHECK(office.run("issue rec/l1.xml --date 2024-10-01").out ==
          issued("1-лс", "2024-10-01", "2024-10-01_1-ls_o-priyeme-na-rabotu", "archive/school7/2024-2025/ls/"));
    // A new school year starts again from 1.
    office.add("o3.xml", order("o3", "О мониторинге"));
    CHECK(office.run("issue rec/o3.xml --date 2025-09-01").out ==
          issued("1-од", "2025-09-01", "2025-09-01_1-od_o-monitoringe", "archive/school7/2025-2026/od/"));

    test::Run v = office.run("verify");
    CHECK(v.out == "Итог: архив цел — приказов 4, файлов 8.\n");
    CHECK(v.exit_code == 0);

    test::Run csv = office.run("journal --year 2024-2025 --kind od");
    CHECK(csv.out ==
          "\xEF\xBB\xBFРег. №;Дата;Заголовок;Кем подписан;Основание;Исполнитель;Отметка об ознакомлении;Индекс дела;Примечание\r\n"
          "1-од;02.09.2024;О назначении куратора внедрения целевой модели наставничества;Директор А.П. Иванова;решение педсовета;"
          "О.И. Петров;;01-07;\r\n"
          "2-од;01.10.2024;Об утверждении дорожной карты;Директор А.П. Иванова;;О.И. Петров;;01-07;\r\n");
    CHECK(office.run("list --text 'ПРИЁМЕ'").out == "1-лс  2024-10-01  ls  О приёме на работу\nВсего: 1.\n");
    CHECK(office.run("list --year 2025").out == "1-од  2025-09-01  od  О мониторинге\nВсего: 1.\n");
    test::Run bad_year = office.run("list --year 24/25");
    CHECK(bad_year.exit_code == 2);
    CHECK(bad_year.out == "prikaz: неверный вызов: --year пишется как 2024 (календарный год) или 2024-2025 (учебный год)\n");
}

TEST_CASE("the school-year view of an archive numbered by calendar year") {
    Office office("calendar-year");
    office.add("a.xml", order("a", "О первом"));
    office.add("b.xml", order("b", "О втором"));
    office.add("c.xml", order("c", "О третьем"));
    CHECK(office.run("issue rec/a.xml --date 2024-06-03").exit_code == 0);
    CHECK(office.run("issue rec/b.xml --date 2024-09-02").out ==
          issued("2-од", "2024-09-02", "2024-09-02_2-od_o-vtorom", "archive/school7/2024/od/"));
    CHECK(office.run("issue rec/c.xml --date 2025-01-09").out ==
          issued("1-од", "2025-01-09", "2025-01-09_1-od_o-tretyem", "archive/school7/2025/od/"));
    CHECK(office.run("list --year 2024-2025").out == "2-од  2024-09-02  od  О втором\n1-од  2025-01-09  od  О третьем\nВсего: 2.\n");
}

TEST_CASE("an issued record, a taken number, a number against the pattern are refused") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    const auto files = office.files();

    test::Run again = office.run("issue rec/o1.xml --date 2024-09-03");
    CHECK(again.exit_code == 5);
    CHECK(again.out ==
          "rec/o1.xml: error[already-issued]: запись o1 уже выдана: приказ № 1-од от 2024-09-02; выданный приказ не меняется — "
          "исправление выпускается новым приказом (--amends или --cancels)\nИтог: ошибок — 1, предупреждений — 0.\n");

    office.add("o2.xml", order("o2", "О другом", "od", "  <date>2024-09-05</date>\n  <number>1-од</number>\n"));
    test::Run taken = office.run("issue rec/o2.xml");
    CHECK(taken.exit_code == 5);
    CHECK(taken.out == "rec/o2.xml: error[number-taken]: номер 1-од в 2024-2025 уже занят: приказ от 2024-09-02 «" + curator +
                           "»; уберите <number> — журнал даст следующий свободный\nИтог: ошибок — 1, предупреждений — 0.\n");

    office.add("o3.xml", order("o3", "О третьем", "od", "  <number>01-5</number>\n"));
    test::Run pattern = office.run("issue rec/o3.xml --date 2024-09-05");
    CHECK(pattern.exit_code == 3);
    CHECK(pattern.out == "rec/o3.xml: error[number-pattern]: номер «01-5» написан не по образцу серии «{n}-од»; уберите <number> — "
                         "номер даст журнал\nИтог: ошибок — 1, предупреждений — 0.\n");

    office.add("o4.xml", order("o4", "О четвёртом", "od", "  <date>2024-09-05</date>\n"));
    test::Run conflict = office.run("issue rec/o4.xml --date 2024-09-06");
    CHECK(conflict.exit_code == 3);
    CHECK(conflict.out == "rec/o4.xml: error[date-conflict]: в записи уже стоит дата 2024-09-05, а в --date указана 2024-09-06: "
                          "оставьте одну\nИтог: ошибок — 1, предупреждений — 0.\n");

    office.add("o5.xml", order("o5", "О пятом", "kadr"));
    test::Run series = office.run("issue rec/o5.xml --date 2024-09-05");
    CHECK(series.exit_code == 3);
    CHECK(series.out == "rec/o5.xml: error[series-unknown]: у организации нет серии номеров «kadr»; есть: od, ls\n"
                        "Итог: ошибок — 1, предупреждений — 0.\n");

    CHECK(office.files() == files);
    CHECK(office.run("verify").out == "Итог: архив цел — приказов 1, файлов 2.\n");
}

TEST_CASE("a correction is a new order linked to the one it changes") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    office.add("o2.xml", order("o2", "О внесении изменений в приказ от 02.09.2024 № 1-од"));
    office.add("o3.xml", order("o3", "Об отмене"));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    REQUIRE(office.run("issue rec/o2.xml --date 2024-09-10 --amends 1-од").exit_code == 0);
    test::Run missing = office.run("issue rec/o3.xml --date 2024-09-11 --cancels 9-од");
    CHECK(missing.exit_code == 3);
    CHECK(missing.out == "rec/o3.xml: error[correction-target]: в журнале нет приказа № 9-од, который этот приказ отменяет или "
                         "изменяет\nИтог: ошибок — 1, предупреждений — 0.\n");
    test::Run csv = office.run("journal");
    CHECK(csv.out.substr(csv.out.find("\r\n") + 2) ==
          "1-од;02.09.2024;" + curator + ";Директор А.П. Иванова;;О.И. Петров;;01-07;изменён приказом № 2-од от 10.09.2024\r\n"
          "2-од;10.09.2024;О внесении изменений в приказ от 02.09.2024 № 1-од;Директор А.П. Иванова;;О.И. Петров;;01-07;"
          "изменяет приказ № 1-од от 02.09.2024\r\n");
    CHECK(office.run("list").out == "1-од  2024-09-02  od  " + curator +
                                        "\n2-од  2024-09-10  od  О внесении изменений в приказ от 02.09.2024 № 1-од  [изменяет приказ]\n"
                                        "Всего: 2.\n");
}

TEST_CASE("prikaz verify finds missing, changed and unregistered files") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    office.add("o2.xml", order("o2", "О втором"));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    REQUIRE(office.run("issue rec/o2.xml --date 2024-09-03").exit_code == 0);
    const std::string second = "archive/school7/2024-2025/od/2024-09-03_2-od_o-vtorom";
    fs::remove(office.dir.path() / (second + ".docx"));
    std::ofstream(office.dir.path() / (folder + stem + ".xml"), std::ios::app) << "<!-- правка -->\n";
    office.dir.write("archive/school7/2024-2025/od/scan.pdf", "%PDF");
    test::Run r = office.run("verify");
    CHECK(r.exit_code == 6);
    CHECK(r.out == folder + stem +
                       ".xml: error[archive-changed]: файл изменён после выдачи: контрольная сумма SHA-256 не совпадает с журналом "
                       "(приказ № 1-од от 2024-09-02)\n" +
                       second + ".docx: error[archive-missing]: файла нет, а в журнале он есть (приказ № 2-од от 2024-09-03)\n" +
                       folder + "scan.pdf: error[archive-unregistered]: файла нет в журнале: в архив его положили не через prikaz issue\n"
                       "Итог: архив повреждён — замечаний 3; приказов 2, файлов 4.\n");
    // An archive that is not there is an I/O problem, not a damaged archive.
    test::Run none = office.run("verify --archive nowhere");
    CHECK(none.exit_code == 5);
    CHECK(none.out == "nowhere/journal.sqlite: error[journal-missing]: журнала нет: в этой папке ничего не выдавалось; укажите папку "
                      "архива в --archive\n");
}

TEST_CASE("a crash at any step leaves the whole order or nothing, and the next run says what it cleaned") {
    struct Case {
        const char* fault;
        std::vector<std::string> cleaned;  // what verify reports after the crash
        std::size_t entries;
    } cases[] = {
        {"after-lock", {}, 0},
        {"after-manifest", {"Архив: прерванная выдача не успела положить файлы в архив; убраны её временные файлы"}, 0},
        {"after-render", {"Архив: прерванная выдача не успела положить файлы в архив; убраны её временные файлы"}, 0},
        {"after-first-file", {"Архив: удалён файл прерванной выдачи: " + folder + stem + ".xml"}, 0},
        {"after-files",
         {"Архив: удалён файл прерванной выдачи: " + folder + stem + ".xml",
          "Архив: удалён файл прерванной выдачи: " + folder + stem + ".docx"},
         0},
        {"before-commit",
         {"Архив: удалён файл прерванной выдачи: " + folder + stem + ".xml",
          "Архив: удалён файл прерванной выдачи: " + folder + stem + ".docx"},
         0},
        {"after-commit", {"Архив: выдача приказа успела завершиться до сбоя (файлы в архиве и в журнале); убраны её временные файлы"}, 1},
    };
    for (const Case& c : cases) {
        SECTION(c.fault) {
            Office office;
            office.add("o1.xml", order("o1", curator));
            test::Run crash = office.run("issue rec/o1.xml --date 2024-09-02", std::string("PRIKAZ_FAULT=") + c.fault);
            CHECK(crash.exit_code == 86);
            test::Run v = office.run("verify");
            std::string expected;
            for (const auto& line : c.cleaned) expected += line + "\n";
            expected += "Итог: архив цел — приказов " + std::to_string(c.entries) + ", файлов " + std::to_string(2 * c.entries) + ".\n";
            CHECK(v.out == expected);
            CHECK(v.exit_code == 0);
            CHECK(office.files() == (c.entries ? std::vector<std::string>{folder + stem + ".docx", folder + stem + ".xml"}
                                               : std::vector<std::string>{}));
            // Issuing again gives the same number when nothing was registered.
            test::Run again = office.run("issue rec/o1.xml --date 2024-09-02");
            if (c.entries == 0) {
                CHECK(again.out == issued("1-од", "2024-09-02", stem));
            } else {
                CHECK(again.exit_code == 5);
            }
        }
    }
    SECTION("the next issue cleans up as well") {
        Office office;
        office.add("o1.xml", order("o1", curator));
        office.add("o2.xml", order("o2", "О втором"));
        CHECK(office.run("issue rec/o1.xml --date 2024-09-02", "PRIKAZ_FAULT=after-first-file").exit_code == 86);
        CHECK(office.run("issue rec/o2.xml --date 2024-09-03").out ==
              "Архив: удалён файл прерванной выдачи: " + folder + stem + ".xml\n" +
                  issued("1-од", "2024-09-03", "2024-09-03_1-od_o-vtorom"));
    }
}

TEST_CASE("a full disk while filing: clear message, archive as it was") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    office.add("o2.xml", order("o2", "О втором"));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    const auto files = office.files();
    const std::string journal = slurp(office.archive() / "journal.sqlite");
    test::Run r = office.run("issue rec/o2.xml --date 2024-09-03", "PRIKAZ_FAULT=disk-full");
    CHECK(r.exit_code == 5);
    CHECK(r.out == "archive/school7/2024-2025/od/2024-09-03_2-od_o-vtorom.docx: error[write-failed]: не удалось записать файл: на "
                   "диске нет места\nИтог: ошибок — 1, предупреждений — 0.\n");
    CHECK(office.files() == files);
    CHECK(slurp(office.archive() / "journal.sqlite") == journal);
    CHECK(office.run("verify").out == "Итог: архив цел — приказов 1, файлов 2.\n");
}

TEST_CASE("a read-only archive: issue refuses, reading still works") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    office.add("o2.xml", order("o2", "О втором"));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    const auto files = office.files();
    const std::string journal = slurp(office.archive() / "journal.sqlite");
    for (const auto& p : {office.archive(), office.archive() / "school7", office.archive() / "school7/2024-2025", office.archive() / folder.substr(8)})
        fs::permissions(p, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
    fs::permissions(office.archive() / "journal.sqlite", fs::perms::owner_write, fs::perm_options::remove);
    // root writes anywhere: the commands run as nobody then, for whom the folder is read-only.
    const std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    test::Run r = test::shell(as + "sh -c \"cd " + office.dir.path().string() + " && " + PRIKAZ_BINARY + " issue rec/o2.xml --date 2024-09-03\"");
    CHECK(r.exit_code == 5);
    CHECK(r.out == "archive: error[archive-readonly]: папка архива только для чтения: выдать приказ нельзя; архив не тронут — "
                   "проверьте права на папку\nИтог: ошибок — 1, предупреждений — 0.\n");
    test::Run list = test::shell(as + "sh -c \"cd " + office.dir.path().string() + " && " + PRIKAZ_BINARY + " list\"");
    CHECK(list.out == "1-од  2024-09-02  od  " + curator + "\nВсего: 1.\n");
    CHECK(office.files() == files);
    CHECK(slurp(office.archive() / "journal.sqlite") == journal);
}

TEST_CASE("parallel prikaz issue processes never get the same number") {
    Office office;
    constexpr int n = 6;
    std::string commands;
    for (int i = 1; i <= n; ++i) {
        office.add("p" + std::to_string(i) + ".xml", order("p" + std::to_string(i), "О параллельном " + std::to_string(i)));
        commands += std::string(PRIKAZ_BINARY) + " issue rec/p" + std::to_string(i) + ".xml --date 2024-09-02 > out" +
                    std::to_string(i) + ".txt 2>&1 & ";
    }
    test::Run r = test::shell("cd " + test::quoted(office.dir.path()) + " || exit 1; " + commands + "wait");
    REQUIRE(r.exit_code == 0);
    std::set<std::string> numbers;
    for (int i = 1; i <= n; ++i) {
        const std::string out = slurp(office.dir.path() / ("out" + std::to_string(i) + ".txt"));
        const std::string key = "Приказ зарегистрирован: № ";
        const auto at = out.find(key);
        INFO(out);
        REQUIRE(at != std::string::npos);
        const auto from = at + key.size();
        numbers.insert(out.substr(from, out.find(" от ", from) - from));
    }
    CHECK(numbers.size() == n);
    test::Run list = office.run("list");
    std::set<std::string> listed;
    std::istringstream lines(list.out);
    for (std::string line; std::getline(lines, line);)
        if (line.find("  ") != std::string::npos) listed.insert(line.substr(0, line.find("  ")));
    CHECK(listed == std::set<std::string>{"1-од", "2-од", "3-од", "4-од", "5-од", "6-од"});
    CHECK(office.run("verify").out == "Итог: архив цел — приказов 6, файлов 12.\n");
}

TEST_CASE("killed at any moment, an issue leaves the whole order or nothing") {
    Office office;
    // Delays spread over the whole run of an issue (about 0.3 s, longer under sanitizers).
    const int delays_ms[] = {0, 5, 20, 50, 80, 120, 160, 220, 300, 450};
    office.add("first.xml", order("first", "О первом"));
    REQUIRE(office.run("issue rec/first.xml --date 2024-09-02").exit_code == 0);  // the journal exists
    std::size_t issued_so_far = 1;
    for (int delay : delays_ms) {
        const std::string id = "k" + std::to_string(delay);
        office.add(id + ".xml", order(id, "О проверке " + std::to_string(delay)));
        pid_t pid = ::fork();
        if (pid == 0) {
            if (::chdir(office.dir.path().c_str()) != 0) ::_exit(127);
            const std::string record = "rec/" + id + ".xml";
            std::freopen("/dev/null", "w", stdout);
            ::execl(PRIKAZ_BINARY, PRIKAZ_BINARY, "issue", record.c_str(), "--date", "2024-09-02", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::usleep(static_cast<useconds_t>(delay * 1000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        test::Run v = office.run("verify");
        INFO("killed after " << delay << " ms: " << v.out);
        CHECK(v.exit_code == 0);
        const std::string tail = v.out.substr(v.out.rfind("Итог:"));
        const bool done = tail == "Итог: архив цел — приказов " + std::to_string(issued_so_far + 1) + ", файлов " +
                                      std::to_string(2 * (issued_so_far + 1)) + ".\n";
        if (done) ++issued_so_far;
        else CHECK(tail == "Итог: архив цел — приказов " + std::to_string(issued_so_far) + ", файлов " + std::to_string(2 * issued_so_far) + ".\n");
        CHECK(office.files().size() == 2 * issued_so_far);
    }
    // The numbers have no gaps: a killed issue gave its number back.
    test::Run list = office.run("list");
    CHECK(list.out.substr(list.out.rfind("Всего:")) == "Всего: " + std::to_string(issued_so_far) + ".\n");
    CHECK(list.out.find(std::to_string(issued_so_far) + "-од  ") != std::string::npos);
}

#include "template/package.hpp"

namespace {

// The text of a document part, paragraphs separated by "|", empty paragraphs dropped.
std::string paragraphs(const fs::path& document, const std::string& part) {
    std::vector<prikaz::Diagnostic> problems;
    std::optional<prikaz::Package> package = prikaz::read_package(document, {}, problems);
    if (!package || !package->find(part)) return "no " + part;
    const std::string& xml = package->find(part)->data;
    std::string out, paragraph;
    for (std::size_t at = 0; at < xml.size();) {
        if (xml[at] != '<') {
            paragraph += xml[at++];
            continue;
        }
        const std::size_t end = xml.find('>', at);
        const std::string tag = xml.substr(at, end - at + 1);
        if (tag.rfind("<w:p>", 0) == 0 || tag.rfind("<w:p ", 0) == 0 || tag.rfind("<text:p", 0) == 0) paragraph.clear();
        if (tag == "</w:p>" || tag == "</text:p>") {
            if (!paragraph.empty()) out += paragraph + "|";
            paragraph.clear();
        }
        at = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("the journal as a DOCX or ODT document through its template") {
    Office office;
    office.add("o1.xml", order("o1", "О кураторе &amp; наставниках"));
    office.add("o2.xml", order("o2", "Об отмене приказа"));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02 --basis 'решение педсовета'").exit_code == 0);
    REQUIRE(office.run("issue rec/o2.xml --date 2024-09-09 --cancels 1-од").exit_code == 0);
    const std::string head = "ЖУРНАЛ|регистрации приказов|за 2024/2025 учебный год|№|Дата|Заголовок (краткое содержание)|Кем подписан|"
                             "Основание|Исполнитель|Отметка об ознакомлении|Индекс дела|Примечание|";
    // The engine's typography binds initials to the surname and "№" to the number.
    const std::string nbsp = "\xC2\xA0";
    const std::string rows = "1-од|02.09.2024|О кураторе &amp; наставниках|Директор А.П." + nbsp + "Иванова|решение педсовета|О.И." +
                             nbsp + "Петров|01-07|отменён приказом №" + nbsp + "2-од от 09.09.2024|" +
                             "2-од|09.09.2024|Об отмене приказа|Директор А.П." + nbsp + "Иванова|О.И." + nbsp +
                             "Петров|01-07|отменяет приказ №" + nbsp + "1-од от 02.09.2024|";
    test::Run docx = office.run("journal --year 2024-2025 --format docx");
    CHECK(docx.out == "Журнал сохранён: journal-2024-2025.docx\n");
    CHECK(paragraphs(office.dir.path() / "journal-2024-2025.docx", "word/document.xml") == head + rows);
    test::Run odt = office.run("journal --year 2024-2025 --format odt -o j.odt");
    CHECK(odt.out == "Журнал сохранён: j.odt\n");
    CHECK(paragraphs(office.dir.path() / "j.odt", "content.xml") == head + rows);
    // An existing file is never replaced.
    test::Run again = office.run("journal --year 2024-2025 --format odt -o j.odt");
    CHECK(again.exit_code == 5);
    CHECK(again.out == "j.odt: error[would-overwrite]: файл уже есть; prikaz не перезаписывает документы: укажите другое имя в -o\n"
                       "Итог: ошибок — 1, предупреждений — 0.\n");
}

TEST_CASE("what cannot be issued is said so, and the archive stays as it was") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    REQUIRE(office.run("issue rec/o1.xml --date 2024-09-02").exit_code == 0);
    const auto files = office.files();

    test::Run org = office.run("issue rec/organization.xml");
    CHECK(org.exit_code == 3);
    CHECK(org.out == "rec/organization.xml: error[not-an-order]: регистрируются только приказы, а это запись вида «organization»; "
                     "приложение выдаётся вместе со своим приказом\nИтог: ошибок — 1, предупреждений — 0.\n");

    office.add("o2.xml", order("o2", "О втором"));
    test::Run date = office.run("issue rec/o2.xml --date 02.09.2024");
    CHECK(date.exit_code == 3);
    CHECK(date.out == "rec/o2.xml: error[bad-date]: дата в --date «02.09.2024» не в виде ГГГГ-ММ-ДД (например, 2024-09-02)\n"
                      "Итог: ошибок — 1, предупреждений — 0.\n");

    test::Run missing = office.run("issue rec/nothing.xml");
    CHECK(missing.exit_code == 5);
    CHECK(missing.out == "rec/nothing.xml: error[file-missing]: файл записи не найден; проверьте путь\nИтог: ошибок — 1, предупреждений — 0.\n");

    // A record with errors is not issued: the check's own messages are shown.
    office.add("o3.xml", order("o3", ""));
    test::Run invalid = office.run("issue rec/o3.xml --date 2024-09-03");
    CHECK(invalid.exit_code == 3);
    CHECK(invalid.out.find("rec/o3.xml:7:3: error[empty-text]: элемент <heading> пуст") == 0);
    CHECK(office.files() == files);
}

TEST_CASE("an organization without registration cannot number orders") {
    test::TempDir dir;
    std::string org = organization;
    org.erase(org.find("  <registration"), org.find("  <people>") - org.find("  <registration"));
    dir.write("rec/organization.xml", org);
    dir.write("rec/o1.xml", order("o1", curator));
    test::Run r = test::run("issue rec/o1.xml --date 2024-09-02", "cd " + test::quoted(dir.path()) + " &&");
    CHECK(r.exit_code == 3);
    CHECK(r.out == "rec/organization.xml: error[no-registration]: у организации «school7» не описана регистрация приказов: добавьте "
                   "<registration restart=\"school-year\"> с сериями номеров, например <series code=\"od\" title=\"по основной "
                   "деятельности\" pattern=\"{n}-од\"/>\nИтог: ошибок — 1, предупреждений — 0.\n");
    CHECK(!fs::exists(dir.path() / "archive"));
}

TEST_CASE("a damaged journal stops every command and nothing is changed") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    office.dir.write("archive/journal.sqlite", std::string(8192, '\x7f'));
    const std::string bytes = slurp(office.archive() / "journal.sqlite");
    const std::string message = "archive/journal.sqlite: error[journal-corrupt]: файл журнала повреждён или это не база SQLite (file is "
                                "not a database); архив не тронут — восстановите журнал из резервной копии\n";
    test::Run issue = office.run("issue rec/o1.xml --date 2024-09-02");
    CHECK(issue.exit_code == 5);
    CHECK(issue.out == message + "Итог: ошибок — 1, предупреждений — 0.\n");
    test::Run verify = office.run("verify");
    CHECK(verify.exit_code == 5);
    CHECK(verify.out == message);
    test::Run list = office.run("list");
    CHECK(list.exit_code == 5);
    CHECK(list.out == message + "Итог: ошибок — 1, предупреждений — 0.\n");
    CHECK(slurp(office.archive() / "journal.sqlite") == bytes);
    CHECK(office.files().empty());
}

TEST_CASE("a document that cannot be made: nothing filed, the number stays free") {
    Office office;
    office.add("o1.xml", order("o1", curator));
    test::Run r = office.run("issue rec/o1.xml --date 2024-09-02 --templates nowhere");
    CHECK(r.exit_code == 5);
    CHECK(r.out == "nowhere/docx/order-2016.docx: error[template-missing]: нет шаблона «order-2016» для записи rec/o1.xml; укажите "
                   "папку шаблонов (--templates или PRIKAZ_TEMPLATES) или шаблон (-t)\nИтог: ошибок — 1, предупреждений — 0.\n");
    CHECK(office.files().empty());
    CHECK(office.run("issue rec/o1.xml --date 2024-09-02").out == issued("1-од", "2024-09-02", stem));
}

TEST_CASE("the rules see the draft with the date it is issued on, and point at the draft's lines") {
    Office office;
    std::string draft = order("o1", curator);
    const std::string item = "  <signature";
    draft.insert(draft.find(item), "  <item number=\"2.\"><text>Отчитаться.</text>\n    <deadline>До 30.09.2034</deadline></item>\n");
    office.add("o1.xml", draft);
    test::Run r = office.run("issue rec/o1.xml --date 2024-09-02");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "rec/o1.xml:11:5: warning[date-out-of-period]: срок «До 30.09.2034» (2034 г.) далеко за пределами периода документа: "
                   "приказ издан 02.09.2024; возможно, опечатка в годе\nИтог: ошибок — 0, предупреждений — 1.\n"
                   "Приказ зарегистрирован: № 1-од от 2024-09-02\nВ архиве: " +
                       folder + stem + ".xml\nВ архиве: " + folder + stem + ".docx\n");
}
