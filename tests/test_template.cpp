// The template engine stage by stage: lexing across runs, block placement,
// rendering of DOCX and ODT parts, and the errors a template author meets.
#include "support.hpp"
#include "template/lex.hpp"
#include "template/parse.hpp"
#include "template/render.hpp"
#include "template/scan.hpp"

#include <catch2/catch.hpp>

#include <random>

using Lines = std::vector<std::string>;

namespace {

const std::string w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// A record to merge: a roadmap with two sections, as in the seeds.
const std::string roadmap_record = R"(<?xml version="1.0" encoding="UTF-8"?>
<roadmap xmlns="urn:prikaz:records" version="1" id="r1">
  <title>Дорожная карта</title>
  <columns><column field="number">№</column><column field="name">Мероприятие</column></columns>
  <section number="1">
    <title>Нормативная база</title>
    <item number="1.1"><name>Приказ о внедрении</name><deadline>Май 2022 г.</deadline></item>
    <item number="1.2"><name>Положение &lt;о наставничестве&gt; &amp; карта</name><deadline>Июнь 2022 г.</deadline></item>
  </section>
  <section number="2">
    <title>Кадры</title>
    <item number="2.1"><name>База наставников
на 2022 год</name><deadline>В течение года</deadline></item>
  </section>
</roadmap>
)";

struct Rendered {
    std::string body;  // what the renderer wrote between <w:body> and </w:body> (or the ODT office:text)
    Lines errors;
};

std::string between(const std::string& s, const std::string& open, const std::string& close) {
    auto a = s.find(open);
    auto b = s.rfind(close);
    if (a == std::string::npos || b == std::string::npos) return s;
    return s.substr(a + open.size(), b - a - open.size());
}

// Scans, parses and renders one part with the roadmap record bound as `roadmap`.
Rendered render(const std::string& part_xml, const prikaz::Format& format, const std::string& open,
                const std::string& close, const std::string& record_xml = roadmap_record) {
    Rendered result;
    std::vector<prikaz::Diagnostic> out;
    auto part = prikaz::read_xml_bytes(part_xml, "t.docx:word/document.xml", {});
    REQUIRE(part.file);
    auto record = prikaz::read_xml_bytes(record_xml, "r.xml", {});
    REQUIRE(record.file);
    prikaz::ScannedPart scanned = prikaz::scan_part(*part.file, format, "t.docx:word/document.xml", out);
    prikaz::Program program = prikaz::parse_part(scanned, "t.docx:word/document.xml", out);
    if (out.empty()) {
        prikaz::expr::Scope scope;
        xmlNode* root = xmlDocGetRootElement(record.file->doc.get());
        scope.set("roadmap", prikaz::expr::Value::Nodes{root});
        std::string text = prikaz::render_part(scanned, program, format, scope, "t.docx:word/document.xml", out);
        result.body = between(text, open, close);
        // The output must be well-formed XML.
        CHECK(prikaz::read_xml_bytes(text, "out.xml", {}).file.has_value());
    }
    for (const auto& d : out) result.errors.push_back(prikaz::format(d));
    return result;
}

Rendered docx(const std::string& body, const std::string& record_xml = roadmap_record) {
    return render("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + w_ns +
                      "\"><w:body>" + body + "</w:body></w:document>",
                  prikaz::docx_format(), "<w:body>", "</w:body>", record_xml);
}

Rendered odt(const std::string& text) {
    return render("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
                  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>" +
                      text + "</office:text></office:body></office:document-content>",
                  prikaz::odt_format(), "<office:text>", "</office:text>");
}

std::string p(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

}  // namespace

TEST_CASE("lexing finds tags split across text nodes and maps them back") {
    auto r = prikaz::lex_paragraph({"Приказ № {", "{ roadmap.", "title }} от {{x}}"});
    REQUIRE(r.error.empty());
    REQUIRE(r.tags.size() == 2);
    CHECK(r.tags[0].kind == prikaz::TagKind::value);
    CHECK(r.tags[0].source == "roadmap.title");
    CHECK(r.tags[0].begin.node == 0);
    CHECK(r.tags[0].begin.offset == std::string("Приказ № ").size());
    CHECK(r.tags[0].end.node == 2);
    CHECK(r.tags[0].end.offset == 8);
    CHECK(r.tags[1].source == "x");
    CHECK(r.tags[1].begin.node == 2);
    CHECK(prikaz::lex_paragraph({"{% for x in y %}", "{# заметка #}"}).tags[1].kind == prikaz::TagKind::comment);
    CHECK(prikaz::lex_paragraph({"Номер {{ x"}).error ==
          "тег «{{» не закрыт: нет «}}» до конца абзаца (тег не может переходить в другой абзац)");
    CHECK(prikaz::lex_paragraph({"x }} y"}).error == "«}}» без открывающего «{{»");
}

TEST_CASE("a tag split across runs takes the formatting of the run where it starts") {
    // As Word writes it: a spell-check mark and a bookmark between the pieces, bold only on the first.
    auto r = docx("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Карта: {{ roadmap.</w:t></w:r>"
                  "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
                  "<w:r><w:rPr><w:i/></w:rPr><w:t>tit</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
                  "<w:r><w:t>le }} (конец)</w:t></w:r></w:p>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Карта: Дорожная карта</w:t></w:r>"
                    "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
                    "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\"></w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
                    "<w:r><w:t xml:space=\"preserve\"> (конец)</w:t></w:r></w:p>");
}

TEST_CASE("a loop with both tags in one paragraph repeats the text between them") {
    auto r = docx(p("Разделы: {% for s in roadmap.section %}{{ s.number }}) {{ s.title }}; {% endfor %}конец"));
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\">Разделы: 1) Нормативная база; 2) Кадры; конец</w:t></w:r></w:p>");
}

TEST_CASE("a loop across runs repeats the runs between the tags") {
    auto r = docx("<w:p><w:r><w:t>{% for s in roadmap.section %}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                  "<w:t>{{ s.number }}</w:t></w:r><w:r><w:t>{% endfor %}</w:t></w:r></w:p>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\"></w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                    "<w:t xml:space=\"preserve\">1</w:t></w:r><w:r><w:t xml:space=\"preserve\"></w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                    "<w:t xml:space=\"preserve\">2</w:t></w:r><w:r><w:t xml:space=\"preserve\"></w:t></w:r></w:p>");
}

TEST_CASE("tags alone in their paragraphs repeat the paragraphs between and vanish") {
    auto r = docx(p("До") + p("{% for s in roadmap.section %}") +
                  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{{ s.title }}</w:t></w:r></w:p>" +
                  p(" {% endfor %} ") + p("После"));
    CHECK(r.errors.empty());
    const std::string item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">";
    CHECK(r.body == "<w:p><w:r><w:t>До</w:t></w:r></w:p>" + item + "Нормативная база</w:t></w:r></w:p>" + item +
                        "Кадры</w:t></w:r></w:p><w:p><w:r><w:t>После</w:t></w:r></w:p>");
}

TEST_CASE("a tag paragraph that vanishes keeps the section break it carried") {
    // Word keeps a section's page layout in the w:sectPr of its last paragraph; LibreOffice puts the
    // break before an appendix into the paragraph with {% endif %} or {% for %}.
    const std::string section = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:titlePg/></w:sectPr>";
    const std::string break_props = "<w:pPr><w:jc w:val=\"left\"/>" + section + "</w:pPr>";
    auto r = docx(p("Приказ") + "<w:p>" + break_props + "<w:r><w:t>{% for s in roadmap.section %}</w:t></w:r></w:p>" +
                  p("{{ s.title }}") + "<w:p>" + break_props + "<w:r><w:t>{% endfor %}</w:t></w:r></w:p>" +
                  "<w:p>" + break_props + "<w:r><w:t>{# a comment #}</w:t></w:r></w:p>" + p("{% if false %}") +
                  p("нет") + p("{% endif %}") + p("Приложение"));
    CHECK(r.errors.empty());
    const std::string kept = "<w:p>" + break_props + "</w:p>";
    const std::string title = "<w:p><w:r><w:t xml:space=\"preserve\">";
    CHECK(r.body == p("Приказ") + kept + title + "Нормативная база</w:t></w:r></w:p>" + title +
                        "Кадры</w:t></w:r></w:p>" + kept + kept + p("Приложение"));
    // ODT keeps its breaks in paragraph styles: a vanishing tag paragraph takes nothing else with it.
    auto o = odt("<text:p text:style-name=\"Break\">{% if false %}</text:p><text:p>нет</text:p><text:p>{% endif %}</text:p>");
    CHECK(o.errors.empty());
    CHECK(o.body.empty());
}

namespace {

std::string cell(const std::string& text) { return "<w:tc>" + p(text) + "</w:tc>"; }
std::string row(const std::string& cells, const std::string& props = "") { return "<w:tr>" + props + cells + "</w:tr>"; }

}  // namespace

TEST_CASE("a section row and its item rows: nested loops in one table") {
    const std::string header = row(cell("№") + cell("Мероприятие"), "<w:trPr><w:tblHeader/></w:trPr>");
    auto r = docx("<w:tbl>" + header +
                  row("<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" +
                      p("{% for s in roadmap.section %}{{ s.number }}. {{ s.title }}") + "</w:tc>") +
                  row(cell("{% for i in s.item %}{{ i.number }}") + cell("{{ i.name }}{% endfor %}{% endfor %}")) +
                  "</w:tbl>");
    CHECK(r.errors.empty());
    auto t = [](const std::string& s) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + s + "</w:t></w:r></w:p>"; };
    auto section = [&](const std::string& s) {
        return "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + t(s) + "</w:tc></w:tr>";
    };
    auto item = [&](const std::string& n, const std::string& name) { return "<w:tr><w:tc>" + t(n) + "</w:tc><w:tc>" + t(name) + "</w:tc></w:tr>"; };
    CHECK(r.body == "<w:tbl>" + header + section("1. Нормативная база") + item("1.1", "Приказ о внедрении") +
                        item("1.2", "Положение &lt;о наставничестве&gt; &amp; карта") + section("2. Кадры") +
                        item("2.1", "База наставников</w:t><w:br/><w:t xml:space=\"preserve\">на 2022 год") + "</w:tbl>");
}

TEST_CASE("paragraphs inside one cell repeat; a cell left empty keeps a paragraph") {
    auto r = docx("<w:tbl>" + row("<w:tc>" + p("{% for s in roadmap.section %}") + p("{{ s.title }}") + p("{% endfor %}") +
                                  "</w:tc><w:tc>" + p("{% if count(roadmap.section) > 5 %}") + p("много") + p("{% endif %}") + "</w:tc>") +
                  "</w:tbl>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">Нормативная база</w:t></w:r></w:p>"
                    "<w:p><w:r><w:t xml:space=\"preserve\">Кадры</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>");
}

TEST_CASE("a row whose condition fails vanishes without a trace") {
    auto r = docx("<w:tbl>" + row(cell("{% if roadmap.nothing %}x") + cell("y{% endif %}")) + row(cell("a") + cell("b")) + "</w:tbl>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
}

TEST_CASE("if, elif and else inline and over paragraphs") {
    auto r = docx(p("{% if count(roadmap.section) == 1 %}один{% elif count(roadmap.section) == 2 %}два{% else %}много{% endif %}") +
                  p("{% if roadmap.nothing %}") + p("скрыто") + p("{% else %}") + p("видно") + p("{% endif %}"));
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\">два</w:t></w:r></w:p><w:p><w:r><w:t>видно</w:t></w:r></w:p>");
}

TEST_CASE("loop variables: loop.index, loop.first, loop.last") {
    auto r = docx(p("{% for s in roadmap.section %}{{ loop.index }}/{{ loop.length }}{% if not loop.last %}, {% endif %}{% endfor %}"));
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\">1/2, 2/2</w:t></w:r></w:p>");
}

TEST_CASE("comments print nothing; a paragraph with only a comment vanishes") {
    auto r = docx(p("a{# заметка #}b") + p("{# только комментарий #}") + p("c"));
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\">ab</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p>");
}

TEST_CASE("ODT: spans, list items and collapsed spaces") {
    const std::string values = "<text:p>Название: <text:span>{{ roadmap.ti</text:span>tle }}</text:p>";
    auto r = odt(values + "<text:list><text:list-item><text:p>{% for s in roadmap.section %}</text:p></text:list-item>"
                          "<text:list-item><text:p>{{ s.title }}</text:p></text:list-item>"
                          "<text:list-item><text:p>{% endfor %}</text:p></text:list-item></text:list>"
                          "<text:p>{{ \"a   b\" }}</text:p>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<text:p>Название: <text:span>Дорожная карта</text:span></text:p><text:list>"
                    "<text:list-item><text:p>Нормативная база</text:p></text:list-item>"
                    "<text:list-item><text:p>Кадры</text:p></text:list-item></text:list>"
                    "<text:p>a <text:s text:c=\"2\"/>b</text:p>");
}

TEST_CASE("a path that finds nothing is an error naming the path and the place") {
    auto r = docx(p("Номер: {{ roadmap.numbr }}") + p("{{ roadmap.numbr? }}{{ roadmap.numbr | default(\"—\") }}"));
    CHECK(r.errors ==
          Lines{"t.docx:word/document.xml: error[undefined-value]: в абзаце «Номер: {{ roadmap.numbr }}», тег «roadmap.numbr»: "
                "путь «roadmap.numbr» ничего не нашёл в записи; проверьте имя или сделайте значение необязательным: "
                "{{ roadmap.numbr | default(\"\") }} или {{ roadmap.numbr? }}"});
}

TEST_CASE("template errors name the part, the paragraph and the problem") {
    auto errors = [](const std::string& body) { return docx(body).errors; };
    const std::string at = "t.docx:word/document.xml: error[";
    CHECK(errors(p("Приказ № {{ roadmap.title")) ==
          Lines{at + "unclosed-tag]: в абзаце «Приказ № {{ roadmap.title»: тег «{{» не закрыт: нет «}}» до конца абзаца (тег "
                     "не может переходить в другой абзац)"});
    CHECK(errors(p("{% endfor %}")) ==
          Lines{at + "unexpected-statement]: в абзаце «{% endfor %}»: «{% endfor %}» без открывающего «{% for … %}»"});
    CHECK(errors(p("{% for s in roadmap.section %}")) ==
          Lines{at + "unclosed-block]: в абзаце «{% for s in roadmap.section %}»: блок «{% for s in roadmap.section %}» не "
                     "закрыт: нет «{% endfor %}»"});
    CHECK(errors(p("{{ roadmap.title | bold }}")).size() == 1);
    CHECK(errors(p("{{ roadmap.title | bold }}"))[0].rfind(at + "bad-expression]: в абзаце «{{ roadmap.title | bold }}»: выражение «roadmap.title | bold»: неизвестный фильтр «bold»", 0) == 0);
    CHECK(errors(p("{% while x %}")) ==
          Lines{at + "bad-statement]: в абзаце «{% while x %}»: неизвестная команда «{% while x %}»; есть for, endfor, if, "
                     "elif, else, endif"});
    CHECK(errors("<w:tbl>" + row(cell("{% for s in roadmap.section %}") + cell("x")) + "</w:tbl>" + p("{% endfor %}")) ==
          Lines{at + "block-placement]: в абзаце «{% for s in roadmap.section %}»: один тег из «{% for s in roadmap.section "
                     "%}» … «{% endfor %}» стоит в таблице, а другой — вне её (или в другой ячейке): блок разорвал бы таблицу"});
    CHECK(errors(p("a {% for s in roadmap.section %}") + p("{% endfor %}")) ==
          Lines{at + "block-placement]: в абзаце «a {% for s in roadmap.section %}»: теги «{% for s in roadmap.section %}» "
                     "… «{% endfor %}» стоят в разных абзацах, но не одни: поставьте каждый тег в отдельный абзац (тогда "
                     "повторяются абзацы между ними) или оба в один абзац"});
}

TEST_CASE("values cannot inject markup, and control characters are refused") {
    const std::string record = "<?xml version=\"1.0\"?><roadmap xmlns=\"urn:prikaz:records\"><title>&lt;/w:t&gt;&lt;w:b/&gt; "
                               "&amp;amp;\tтаб</title></roadmap>";
    auto r = docx(p("{{ roadmap.title }}"), record);
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t xml:space=\"preserve\">&lt;/w:t&gt;&lt;w:b/&gt; &amp;amp;</w:t><w:tab/><w:t "
                    "xml:space=\"preserve\">таб</w:t></w:r></w:p>");
}

TEST_CASE("which parts of a package may hold tags") {
    const auto& docx = prikaz::docx_format();
    for (const char* part : {"word/document.xml", "word/header1.xml", "word/footer2.xml", "word/footnotes.xml", "word/endnotes.xml"})
        CHECK(docx.holds_text(part));
    for (const char* part : {"word/styles.xml", "word/settings.xml", "[Content_Types].xml", "word/media/header1.xml", "docProps/app.xml"})
        CHECK_FALSE(docx.holds_text(part));
    const auto& odt = prikaz::odt_format();
    CHECK(odt.holds_text("content.xml"));
    CHECK(odt.holds_text("styles.xml"));  // headers and footers live there
    CHECK_FALSE(odt.holds_text("meta.xml"));
    CHECK_FALSE(odt.holds_text("META-INF/manifest.xml"));
}

TEST_CASE("the lexer survives any text") {
    std::mt19937 random(7);
    const std::string alphabet = "{}%# abc\xD0\x96.|\"'";
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> texts(static_cast<std::size_t>(random() % 4) + 1);
        for (auto& t : texts)
            for (int k = static_cast<int>(random() % 12); k > 0; --k) t += alphabet[random() % alphabet.size()];
        std::vector<std::string_view> views(texts.begin(), texts.end());
        auto r = prikaz::lex_paragraph(views);
        for (const auto& tag : r.tags) {
            REQUIRE(tag.begin.node < texts.size());
            REQUIRE(tag.end.node < texts.size());
            REQUIRE(tag.begin.offset < texts[tag.begin.node].size());
            REQUIRE(tag.end.offset <= texts[tag.end.node].size());
        }
    }
}

TEST_CASE("a table whose rows all vanish vanishes with them") {
    auto r = docx(p("до") + "<w:tbl><w:tblPr/>" + row(cell("{% for s in roadmap.nothing? %}{{ s.title }}") + cell("{% endfor %}")) +
                  "</w:tbl>" + p("после"));
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:p><w:r><w:t>до</w:t></w:r></w:p><w:p><w:r><w:t>после</w:t></w:r></w:p>");
    // A header row keeps its table.
    r = docx("<w:tbl>" + row(cell("№")) + row(cell("{% if roadmap.nothing %}x") + cell("{% endif %}")) + "</w:tbl>");
    CHECK(r.errors.empty());
    CHECK(r.body == "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>№</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
}

TEST_CASE("if, elif and else over table rows: each branch is the rows from its tag") {
    const std::string table = "<w:tbl>" + row(cell("{% if count(roadmap.section) > 5 %}много") + cell("x")) +
                              row(cell("{% elif count(roadmap.section) == 2 %}два") + cell("y")) +
                              row(cell("ещё два") + cell("z")) + row(cell("{% else %}иначе") + cell("{% endif %}")) + "</w:tbl>";
    auto r = docx(table);
    CHECK(r.errors.empty());
    auto t = [](const std::string& s, bool preserve) {
        return std::string("<w:p><w:r><w:t") + (preserve ? " xml:space=\"preserve\"" : "") + ">" + s + "</w:t></w:r></w:p>";
    };
    CHECK(r.body == "<w:tbl><w:tr><w:tc>" + t("два", true) + "</w:tc><w:tc>" + t("y", false) + "</w:tc></w:tr><w:tr><w:tc>" +
                        t("ещё два", false) + "</w:tc><w:tc>" + t("z", false) + "</w:tc></w:tr></w:tbl>");
    CHECK(docx("<w:tbl>" + row(cell("{% if roadmap.title %}a") + cell("{% else %}b")) + row(cell("{% endif %}")) + "</w:tbl>")
              .errors == Lines{"t.docx:word/document.xml: error[block-placement]: в абзаце «{% if roadmap.title %}a»: в «{% if "
                               "roadmap.title %}» … «{% endif %}» каждый «{% elif %}» и «{% else %}» должен стоять в своей "
                               "строке той же таблицы, ниже предыдущего тега"});
}
