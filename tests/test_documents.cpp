// The main job as a user meets it: `prikaz render` picks the template by the
// record's kind, writes DOCX, ODT or PDF, renders folders, never overwrites,
// and the documents it makes from the samples hold their seeds' text.
//
// The seed comparison: the sample is rendered with the shipped template,
// LibreOffice prints it to PDF, pdftotext -raw takes the text back in reading
// order, and both texts lose their whitespace (line breaks of table cells,
// NBSP, hyphenation points) before they are compared; the first difference is
// reported with the seed's line. LibreOffice checks are skipped, loudly, only
// when soffice is not installed (CI installs it).
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support.hpp"
#include "template/package.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path templates = test::source_dir / "templates";
const fs::path seeds = test::source_dir.parent_path() / "shared" / "seeds";

using test::read_file;

bool have(const std::string& program) { return test::shell("command -v " + program + " >/dev/null").exit_code == 0; }

bool have_libreoffice() {
    static const bool present = have("soffice") && have("pdftotext");
    return present;
}

// The arguments every render here needs: the source tree's schemas and templates.
std::string source_options() {
    return "--schemas " + test::quoted(test::source_dir / "schemas") + " render --templates " +
           test::quoted(templates) + " ";
}

// Copies sample folders (or single files) into a scratch folder.
void copy_samples(const fs::path& to, const std::vector<std::string>& what) {
    for (const std::string& w : what) {
        const fs::path from = test::source_dir / "samples" / w;
        fs::create_directories((to / w).parent_path());
        fs::copy(from, to / w, fs::copy_options::recursive);
    }
}

// Text as compared: without any whitespace (ASCII, NBSP, narrow NBSP, thin
// space), soft hyphens, and with runs of underscores (signature lines) as one.
// `lines` gets, for every byte kept, the 1-based line it came from.
std::string squeeze(const std::string& s, std::vector<int>* lines = nullptr) {
    std::string out;
    int line = 1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\n') ++line;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
        if (s.compare(i, 2, "\xC2\xA0") == 0 || s.compare(i, 2, "\xC2\xAD") == 0) {
            ++i;
            continue;
        }
        if (s.compare(i, 3, "\xE2\x80\xAF") == 0 || s.compare(i, 3, "\xE2\x80\x89") == 0) {
            i += 2;
            continue;
        }
        if (c == '_' && !out.empty() && out.back() == '_') continue;
        out += c;
        if (lines) lines->push_back(line);
    }
    return out;
}

// At most n bytes from `at`, cut at a UTF-8 character boundary.
std::string excerpt(const std::string& s, std::size_t at, std::size_t n = 90) {
    if (at >= s.size()) return "(конец текста)";
    std::size_t end = std::min(s.size(), at + n);
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return s.substr(at, end - at);
}

// pdftotext's text without the page numbers at the top of pages 2, 3, …
// (a line of digits right after the form feed between pages).
std::string without_page_numbers(const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(at, end - at);
        const bool number = !line.empty() && line[0] == '\f' && line.size() > 1 &&
                            line.find_first_not_of("0123456789", 1) == std::string::npos;
        out += number ? std::string("\f") : line;
        if (end < text.size()) out += '\n';
        at = end + 1;
    }
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

struct SeedCase {
    std::string name;
    std::string record;  // under samples/
    std::string templ;   // the template, by name: templates/docx/NAME.docx and templates/odt/NAME.odt
    std::string seed;    // under ../shared/seeds/
    int first_line = 1, last_line = 1 << 30;  // the part of the seed that is this document
    std::string header;  // the table's header row: repeated on every page of the PDF, once in the seed
    std::string prefix;  // what the document has before the seed's text, and the seed does not
    std::vector<std::pair<std::string, std::string>> seed_fixes;  // the seed's markup and deliberate deviations
    // Text the document has and the seed does not, from the first string up to the second (not included).
    std::pair<std::string, std::string> document_only{};
    bool typographed = false;  // the template's typograph turns hyphens into dashes: compared as one sign
};

// The seed's own markup, not text of the document: bookmarks, bold marks, list bullets.
std::string clean_seed(std::string text) {
    for (std::size_t at; (at = text.find("[bookmark:")) != std::string::npos;)
        text.erase(at, text.find(']', at) + 1 - at);
    text = replace_all(text, "**", "");
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line.compare(start, 2, "- ") == 0) line.erase(0, start + 2);
        out += line + '\n';
    }
    return out;
}

std::string seed_part(const SeedCase& c) {
    std::istringstream in(read_file(seeds / c.seed));
    std::string out;
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        out += n >= c.first_line && n <= c.last_line ? line : std::string();
        out += '\n';  // line numbers stay those of the seed file
    }
    return out;
}

}  // namespace

TEST_CASE("every seed's text is in its rendered document, in order") {
    if (!have_libreoffice()) {
        WARN(
            "LibreOffice (soffice) или pdftotext не установлены: сравнение с ../shared/seeds пропущено; "
            "установите: apt-get install libreoffice-writer-nogui poppler-utils");
        return;
    }
    REQUIRE(fs::is_directory(seeds));
    const std::vector<SeedCase> cases = {
        {"seed 000: roadmap of Kezhma district",
         "kezhma/roadmap-2022.xml",
         "roadmap.docx",
         "000_07e52ca05684a0e9.txt",
         1,
         1 << 30,
         "№п/пНаименованиемероприятийСрокреализацииОтветственныйисполнительРезультат,виддокумента",
         "",
         {}},
        {"seed 001: roadmap by stage of school 26",
         "school26/roadmap-2025.xml",
         "roadmap.docx",
         "001_fbec7c4d03c50f7f.txt",
         1,
         1 << 30,
         "№НаименованиеэтапаМероприятияСодержаниедеятельностиипримерныйпланмероприятий18",
         "",
         {}},
        {"seed 002: pupil-pupil roadmap of Kashary school",
         "kashary/roadmap-2024.xml",
         "roadmap.docx",
         "002_2d4435e9e5e82581.txt",
         1,
         1 << 30,
         "п/пМероприятиеСрокиОтветственные",
         "",
         // The stamp is made from the record's date and number: "02.09.2024года №01-74.1" is typed anew.
         {{"от 02.09.2024года №01-74.1", "от 02.09.2024 № 01-74.1"}}},
        {"seed 004: appendix 5 of order 866, the plan",
         "salsk/plan-2021.xml",
         "roadmap.docx",
         "004_a5c7b29bd173e887.txt",
         51,
         1 << 30,
         "№п.п.НаименованиемероприятияСрокисполненияОтветственныйРезультат",
         // The plan is a separate document here, with its own approval stamp.
         "УТВЕРЖДЕН приказом УО Сальского района от 15.11.2021 №\xC2\xA0"
         "866",
         {}},
        {"seed 004: order 866, through the shipped order template",
         "salsk/order-866.xml",
         "order.docx",
         "004_a5c7b29bd173e887.txt",
         1,
         49,
         "",
         // The blank's issuer: the seed, a scan, has lost its letterhead.
         "Управление образования Сальского района",
         {// ГОСТ Р 7.0.97: date and number on one line, the place under them; the word of command in capitals.
          {"15.11.2021\n\nг.Сальск\n\n№ 866", "15.11.2021 № 866\nг.Сальск"},
          {"приказываю:", "ПРИКАЗЫВАЮ:"},
          // A description of the scan's signature, not text.
          {"A handwritten signature in black ink, appearing to be 'M.E. Senchenko', is written over the seal.", ""}},
         // The list of appendices under the text: the seed has the appendices themselves instead.
         {"Приложения:", "Начальник"},
         true},
    };
    for (const SeedCase& c : cases) {
        for (const std::string format : {"docx", "odt"}) {
            SECTION(c.name + " (" + format + ")") {
                test::TempDir dir;
                prikaz::RenderOptions options;
                options.schema_dir = test::source_dir / "schemas";
                options.template_path = templates / format / (fs::path(c.templ).stem().string() + "." + format);
                options.output = dir.path() / ("document." + format);
                auto result = prikaz::render_documents(test::source_dir / "samples" / c.record, options);
                for (const auto& d : result.diagnostics) INFO(prikaz::format(d));
                REQUIRE(prikaz::exit_code(result.diagnostics) == prikaz::ExitCode::ok);
                test::Run pdf =
                    test::shell("cd " + test::quoted(dir.path()) + " && soffice -env:UserInstallation=file://" +
                                dir.path().string() + "/profile --headless --convert-to pdf document." + format +
                                " >/dev/null 2>&1 && "
                                "pdftotext -raw -enc UTF-8 document.pdf -");
                REQUIRE(pdf.exit_code == 0);

                std::string seed = clean_seed(seed_part(c));
                for (const auto& [from, to] : c.seed_fixes) seed = replace_all(seed, from, to);
                std::vector<int> seed_lines;
                std::string expected_text = squeeze(c.prefix) + squeeze(seed, &seed_lines);
                const std::string& expected = expected_text;
                const std::size_t prefix_size = squeeze(c.prefix).size();
                // The header row is repeated on every page: the seed has it once.
                std::string actual = squeeze(without_page_numbers(pdf.out));
                if (const std::size_t first = actual.find(c.header); !c.header.empty() && first != std::string::npos)
                    for (std::size_t at = actual.find(c.header, first + 1); at != std::string::npos;
                         at = actual.find(c.header, at))
                        actual.erase(at, c.header.size());

                if (!c.document_only.first.empty()) {
                    const std::size_t from = actual.find(squeeze(c.document_only.first));
                    const std::size_t to = actual.find(squeeze(c.document_only.second), from);
                    REQUIRE(from != std::string::npos);
                    REQUIRE(to != std::string::npos);
                    actual.erase(from, to - from);
                }
                if (c.typographed) {
                    actual = replace_all(replace_all(actual, "\xE2\x80\x93", "-"), "\xE2\x80\x94", "-");
                    // The seed's dashes keep their line numbers: one byte for three, three line entries for one.
                    std::string e;
                    std::vector<int> lines;
                    for (std::size_t k = 0; k < expected.size(); ++k) {
                        const bool dash =
                            expected.compare(k, 3, "\xE2\x80\x93") == 0 || expected.compare(k, 3, "\xE2\x80\x94") == 0;
                        e += dash ? '-' : expected[k];
                        if (k >= prefix_size) lines.push_back(seed_lines[k - prefix_size]);
                        if (dash) k += 2;
                    }
                    expected_text = e;
                    seed_lines = lines;
                }
                std::size_t i = 0;
                while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
                if (i < expected.size() || i < actual.size()) {
                    const int line =
                        i >= prefix_size && i - prefix_size < seed_lines.size() ? seed_lines[i - prefix_size] : 0;
                    FAIL("первое расхождение с "
                         << c.seed << (line ? ", строка " + std::to_string(line) : std::string())
                         << ":\n  в источнике: «" << excerpt(expected, i) << "»\n  в документе: «" << excerpt(actual, i)
                         << "»");
                }
            }
        }
    }
}

TEST_CASE("render picks the template by the record's kind and names the file by the record's id") {
    test::TempDir dir;
    copy_samples(dir.path() / "in", {"kashary"});
    const fs::path record = dir.path() / "in/kashary/roadmap-2024.xml";
    const std::string cd = "cd " + test::quoted(dir.path()) + " && ";

    test::Run r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record));
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Документ сохранён: kashary-roadmap-2024.docx\n") != std::string::npos);
    std::vector<prikaz::Diagnostic> problems;
    auto docx = prikaz::read_package(dir.path() / "kashary-roadmap-2024.docx", {}, problems);
    REQUIRE(docx);
    const std::string& body = docx->find("word/document.xml")->data;
    CHECK(body.find("Кашарская средняя общеобразовательная школа") != std::string::npos);
    CHECK(body.find("w:orient=\"landscape\"") != std::string::npos);
    CHECK(body.find("<w:tblHeader") != std::string::npos);  // the header row repeats on every page
    CHECK(body.find("{{") == std::string::npos);

    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " --format odt");
    CHECK(r.exit_code == 0);
    auto odt = prikaz::read_package(dir.path() / "kashary-roadmap-2024.odt", {}, problems);
    REQUIRE(odt);
    CHECK(odt->entries.front().name == "mimetype");
    CHECK(odt->find("mimetype")->data == "application/vnd.oasis.opendocument.text");
    CHECK(odt->find("content.xml")->data.find("Формирование базы наставляемых") != std::string::npos);

    // A template given with -t that makes another format than asked for.
    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " --format odt -t " +
                    test::quoted(templates / "docx/roadmap.docx") + " -o x.odt");
    CHECK(r.exit_code == 4);
    CHECK(r.out.find("error[template-kind]: шаблон делает .docx, а запрошен формат odt") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x.odt"));
    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " --format pdf -t " +
                    test::quoted(templates / "odt/roadmap.odt") + " -o x.pdf");
    CHECK(r.exit_code == 4);
    CHECK(r.out.find("error[template-kind]: PDF делается из DOCX: укажите шаблон .docx или .dotx") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x.pdf"));
    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " -t " +
                    test::quoted(record) + " -o x.docx");
    CHECK(r.exit_code == 4);
    CHECK(r.out.find("error[template-kind]: шаблон должен быть .docx, .dotx, .odt или .ott") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x.docx"));

    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " --format rtf");
    CHECK(r.exit_code == 2);

    // Organizations and registries are not documents.
    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() +
                    test::quoted(dir.path() / "in/kashary/organization.xml"));
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("error[not-a-document]: запись вида «organization» — не документ: для неё нет шаблона; укажите "
                     "шаблон (-t)") != std::string::npos);
}

TEST_CASE("render --format pdf without LibreOffice says how to install it and writes nothing") {
    test::TempDir dir;
    copy_samples(dir.path() / "in", {"kashary"});
    const fs::path out = dir.path() / "k.pdf";
    // An empty PATH: no soffice to be found.
    test::Run r =
        test::shell("PATH=" + test::quoted(dir.path() / "no-bin") + " " + PRIKAZ_BINARY + " " + source_options() +
                    test::quoted(dir.path() / "in/kashary/roadmap-2024.xml") + " --format pdf -o " + test::quoted(out));
    CHECK(r.exit_code == 5);
    CHECK(r.out ==
          (dir.path() / "in/kashary/roadmap-2024.xml").string() +
              ": error[no-libreoffice]: для PDF нужен LibreOffice, а программа soffice не найдена; установите его: "
              "apt-get install libreoffice-writer-nogui (или выберите --format docx или odt)\n"
              "Итог: ошибок — 1, предупреждений — 0.\n");
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("render --format pdf prints the document through LibreOffice and never overwrites") {
    if (!have_libreoffice()) {
        WARN(
            "LibreOffice (soffice) не установлен: проверка --format pdf пропущена; установите: apt-get install "
            "libreoffice-writer-nogui");
        return;
    }
    test::TempDir dir;
    copy_samples(dir.path() / "in", {"kashary"});
    const fs::path out = dir.path() / "k.pdf";
    const std::string command = std::string(PRIKAZ_BINARY) + " " + source_options() +
                                test::quoted(dir.path() / "in/kashary/roadmap-2024.xml") + " --format pdf -o " +
                                test::quoted(out);
    test::Run r = test::shell(command);
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(read_file(out).rfind("%PDF-", 0) == 0);
    test::Run text = test::shell("pdftotext -raw " + test::quoted(out) + " -");
    CHECK(text.out.find("Утверждена приказом") != std::string::npos);
    const std::string before = read_file(out);

    r = test::shell(command);
    CHECK(r.exit_code == 5);
    CHECK(r.out.find(out.string() + ": error[would-overwrite]: файл уже есть; prikaz не перезаписывает документы") !=
          std::string::npos);
    CHECK(read_file(out) == before);
    // No temporary folder of LibreOffice's is left behind.
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().rfind("prikaz-pdf-", 0) != 0);
}

TEST_CASE("render of a folder makes every document into OUT/<folder>/<id>.<ext> and refuses to overwrite") {
    test::TempDir dir;
    copy_samples(dir.path() / "in",
                 {"kashary", "school26", "salsk/plan-2021.xml", "salsk/organization.xml", "kezhma/roadmap-2022.xml",
                  "kezhma/monitoring-2022.xml", "kezhma/registry-school3-2022.xml", "kezhma/organization-uo.xml",
                  "kezhma/organization-school1.xml", "kezhma/organization-school3.xml",
                  "kezhma/organization-school5.xml", "kezhma/organization-college.xml"});
    // The plan's approving order is not copied: its reference is dropped.
    const fs::path plan = dir.path() / "in/salsk/plan-2021.xml";
    std::string text = replace_all(read_file(plan), "<approval order=\"salsk-order-866\">", "<approval>");
    std::ofstream(plan, std::ios::binary) << text;

    const std::string command = std::string(PRIKAZ_BINARY) + " " + source_options() + test::quoted(dir.path() / "in") +
                                " -o " + test::quoted(dir.path() / "out") + " --format docx";
    test::Run r = test::shell(command);
    INFO(r.out);
    CHECK(r.exit_code == 0);
    const std::vector<std::string> made = {"kashary/kashary-roadmap-2024.docx", "kezhma/kezhma-monitoring-2022.docx",
                                           "kezhma/kezhma-roadmap-2022.docx", "salsk/salsk-plan-2021.docx",
                                           "school26/school26-roadmap-2025.docx"};
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out")) files += e.is_regular_file();
    CHECK(files == made.size());  // organizations and registries are not documents
    for (const std::string& m : made) {
        CHECK(fs::is_regular_file(dir.path() / "out" / m));
        CHECK(r.out.find("Документ сохранён: " + (dir.path() / "out" / m).string() + "\n") != std::string::npos);
    }
    std::vector<prikaz::Diagnostic> problems;
    auto note = prikaz::read_package(dir.path() / "out/kezhma/kezhma-monitoring-2022.docx", {}, problems);
    REQUIRE(note);
    const std::string& body = note->find("word/document.xml")->data;
    // Figures the note computes from the records: counts from the registry, verdicts from the targets.
    for (const char* figure :
         {"АНАЛИТИЧЕСКАЯ СПРАВКА", "наставнических пар — 12, групп — 1", "в них 3 наставляемых",
          "программу завершили 3 пары",
          "по району — 11,4\xC2\xA0% при целевом значении 70\xC2\xA0% — показатель не достигнут",
          "по району — 76,9\xC2\xA0% при целевом значении 70\xC2\xA0% — показатель достигнут",
          "Из 27 пунктов дорожной карты выполнено 10", "Ковальчук Оксана Николаевна", "не достигнут на 58,6\xC2\xA0п.п.",
          "(выше целевого значения на 6,9\xC2\xA0п.п.)", "не достигнут на 66,8\xC2\xA0п.п.", "Е.Н.\xC2\xA0Гаврилов"})
        CHECK(body.find(figure) != std::string::npos);
    // Pairs and groups by form of mentoring, counted with where("form", …): each form's row has its
    // count, forms the registry has none of have no row.
    const std::size_t forms = body.find("Пары и группы МКОУ КСОШ №\xC2\xA0" "3 по формам наставничества");
    REQUIRE(forms != std::string::npos);
    const std::size_t forms_end = body.find("Наставнические пары и группы МКОУ КСОШ №\xC2\xA0" "3", forms);
    REQUIRE(forms_end != std::string::npos);
    for (const auto& [form, figure] : std::vector<std::pair<std::string, std::string>>{
             {"«ученик – ученик»", ">5 пар<"},
             {"«учитель – учитель»", ">3 пары<"},
             {"«учитель – ученик»", ">2 пары, 1 группа<"},
             {"«студент – ученик»", ">2 пары<"}}) {
        CAPTURE(form);
        const std::size_t row = body.find(form, forms);
        REQUIRE(row < forms_end);
        const std::size_t count = body.find(figure, row);
        CHECK(count < body.find("</w:tr>", row));
    }
    for (const char* absent : {"«работодатель – ученик»", "«работодатель – студент»", "«студент – студент»", "иная форма"})
        CHECK(body.find(absent, forms) >= forms_end);

    // Again: every document is there already, none is replaced.
    const std::string before = read_file(dir.path() / "out" / made.front());
    r = test::shell(command);
    CHECK(r.exit_code == 5);
    for (const std::string& m : made)
        CHECK(r.out.find((dir.path() / "out" / m).string() + ": error[would-overwrite]") != std::string::npos);
    CHECK(read_file(dir.path() / "out" / made.front()) == before);
}

TEST_CASE("a record without what its template needs: the record, the field and the template's place, and no file") {
    test::TempDir dir;
    copy_samples(dir.path() / "in", {"kezhma"});
    const fs::path record = dir.path() / "in/kezhma/monitoring-2022.xml";
    std::string text = read_file(record);
    const std::size_t from = text.find("  <signature");
    const std::size_t to = text.find("</signature>\n") + 13;
    REQUIRE(from != std::string::npos);
    text.erase(from, to - from);
    std::ofstream(record, std::ios::binary) << text;

    const fs::path out = dir.path() / "note.docx";
    test::Run r = test::shell(std::string(PRIKAZ_BINARY) + " " + source_options() + test::quoted(record) + " -o " +
                              test::quoted(out));
    CHECK(r.exit_code == 3);
    CHECK(r.out.find((templates / "docx/note.docx").string() +
                     ":word/document.xml: error[undefined-value]: в абзаце «{{ "
                     "monitoring.signature.position }}», тег «monitoring.signature.position»: путь "
                     "«monitoring.signature.position» "
                     "ничего не нашёл в записи") != std::string::npos);
    CHECK(r.out.find("(запись " + record.string() + ", шаблон " + (templates / "docx/note.docx").string() + ")") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("roadmap template: passport, a column of participants, and a table it has no layout for") {
    test::TempDir dir;
    const std::string columns6 =
        "<columns><column field=\"number\">№</column><column field=\"name\">Мероприятие</column>"
        "<column field=\"deadline\">Срок</column><column field=\"participants\">Участники</column>"
        "<column field=\"responsible\">Ответственный</column><column field=\"result\">Результат</column></columns>\n";
    const fs::path record = dir.write(
        "in/plan.xml",
        test::record(
            "roadmap",
            "<title>План мероприятий школы</title>\n"
            "<passport><goal>Внедрить наставничество</goal><tasks><p>Сформировать базу наставников</p>"
            "<p>Закрепить пары</p></tasks><place>МБОУ СОШ № 1</place><term>2024–2025 учебный год</term>"
            "<indicators><indicator unit=\"%\" base=\"10\" target=\"70\">Доля обучающихся в наставничестве</indicator>"
            "</indicators></passport>\n" +
                columns6 +
                "<section number=\"1.\"><title>Подготовка</title><item number=\"1.1\"><name>Совещание</name>"
                "<deadline>Сентябрь 2024 г.</deadline><responsible>Куратор</responsible>"
                "<responsible>Заместитель директора</responsible><participants>Педагоги 5–9 классов</participants>"
                "<result>Протокол</result></item></section>\n"));
    const std::string cd = "cd " + test::quoted(dir.path()) + " && ";
    test::Run r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(record) + " -o plan.docx");
    INFO(r.out);
    CHECK(r.exit_code == 0);
    std::vector<prikaz::Diagnostic> problems;
    auto docx = prikaz::read_package(dir.path() / "plan.docx", {}, problems);
    REQUIRE(docx);
    std::string text;  // the document's text, runs joined
    const std::string& body = docx->find("word/document.xml")->data;
    for (std::size_t at = body.find("<w:t"); at != std::string::npos; at = body.find("<w:t", at + 1)) {
        const std::size_t open = body.find('>', at);
        if (body.compare(at, 5, "<w:t>") != 0 && body.compare(at, 5, "<w:t ") != 0) continue;
        text += body.substr(open + 1, body.find("</w:t>", open) - open - 1) + "|";
    }
    for (const char* expected :
         {"Цель|Внедрить наставничество|", "Задачи|1. Сформировать базу наставников|", "2. Закрепить пары|",
          "Место выполнения|МБОУ СОШ № 1|", "Срок выполнения|2024–2025 учебный год|",
          "Доля обучающихся в наставничестве: базовое значение — 10 %, целевое — 70 %|",
          "№|Мероприятие|Срок|Участники|Ответственный|Результат|", "1. Подготовка|",
          "1.1|Совещание|Сентябрь 2024 г.|Педагоги 5–9 классов|Куратор, Заместитель директора|Протокол|"})
        CHECK(text.find(expected) != std::string::npos);
    CHECK(text.find("{{") == std::string::npos);
    CHECK(body.find("w:tblHeader") != std::string::npos);

    // Two columns: the one table of the template makes as many columns as the record has.
    const fs::path narrow =
        dir.write("in2/plan.xml", test::record("roadmap",
                                               "<title>План</title><columns><column field=\"number\">№"
                                               "</column><column field=\"name\">Мероприятие</column>"
                                               "</columns><item number=\"1\"><name>Совещание</name></item>\n"));
    r = test::shell(cd + PRIKAZ_BINARY + " " + source_options() + test::quoted(narrow) + " -o narrow.docx");
    CHECK(r.exit_code == 0);
    auto two = prikaz::read_package(dir.path() / "narrow.docx", {}, problems);
    REQUIRE(two);
    const std::string& two_body = two->find("word/document.xml")->data;
    std::size_t columns = 0;
    for (std::size_t at = two_body.find("<w:gridCol "); at != std::string::npos; at = two_body.find("<w:gridCol ", at + 1))
        ++columns;
    CHECK(columns == 2);
    CHECK(two_body.find("Совещание") != std::string::npos);
}

TEST_CASE("render of a folder: a record with errors gives no document, the others still do") {
    test::TempDir dir;
    copy_samples(dir.path() / "in", {"kashary"});
    dir.write("in/bad/roadmap.xml", test::record("roadmap",
                                                 "<title> </title><columns><column field=\"name\">М</column></columns>"
                                                 "<item><name>Пункт</name></item>\n"));
    test::Run r = test::shell(std::string(PRIKAZ_BINARY) + " " + source_options() + test::quoted(dir.path() / "in") +
                              " -o " + test::quoted(dir.path() / "out"));
    INFO(r.out);
    CHECK(r.exit_code == 3);
    CHECK(r.out.find((dir.path() / "in/bad/roadmap.xml").string() + ":3:1: error[empty-text]") != std::string::npos);
    CHECK(fs::is_regular_file(dir.path() / "out/kashary/kashary-roadmap-2024.docx"));
    CHECK_FALSE(fs::exists(dir.path() / "out/bad"));
}
