// Cells repeated by a block ({%tc for %} … {%tc endfor %}): the cells, the
// table grid they make (columns, widths by `width`), spans grown over the
// columns made, cells that vanish, and the errors of a misplaced block.
#include "support.hpp"
#include "template/package.hpp"
#include "template/parse.hpp"
#include "template/render.hpp"
#include "template/scan.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

namespace {

const std::string w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Three columns weighted 1 : 6 : 3, and two items.
const std::string record_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<roadmap xmlns="urn:prikaz:records" version="1" id="r1">
  <columns><column field="number" width="1">№</column><column field="name" width="6">Мероприятие</column><column field="deadline" width="3">Срок</column></columns>
  <item number="1.1"><name>Приказ</name><deadline>Май</deadline></item>
  <item number="1.2"><name>Положение</name><deadline>Июнь</deadline></item>
  <units><unit>шт.</unit><unit>чел.</unit></units>
</roadmap>
)";

struct Rendered {
    std::string text;  // the whole part
    Lines errors;
};

Rendered render(const std::string& part_xml, const prikaz::Format& format) {
    Rendered result;
    std::vector<prikaz::Diagnostic> out;
    const std::string where = "t:part.xml";
    auto part = prikaz::read_xml_bytes(part_xml, where, {});
    REQUIRE(part.file);
    auto record = prikaz::read_xml_bytes(record_xml, "r.xml", {});
    REQUIRE(record.file);
    prikaz::ScannedPart scanned = prikaz::scan_part(*part.file, format, where, out);
    prikaz::Program program = prikaz::parse_part(scanned, where, out);
    if (out.empty()) {
        prikaz::expr::Scope scope;
        scope.set("roadmap", prikaz::expr::Value::Nodes{xmlDocGetRootElement(record.file->doc.get())});
        // Streamed as merge does it: the held-back styles must still land before the body.
        prikaz::render_part_to([&](std::string& chunk) { result.text += chunk; chunk.clear(); }, scanned, program,
                               format, scope, where, out);
        CHECK(prikaz::read_xml_bytes(result.text, "out.xml", {}).file.has_value());
    }
    for (const auto& d : out) result.errors.push_back(prikaz::format(d));
    return result;
}

std::string between(const std::string& s, const std::string& open, const std::string& close) {
    auto a = s.find(open);
    auto b = s.find(close, a == std::string::npos ? 0 : a);
    if (a == std::string::npos || b == std::string::npos) return "(not found: " + open + ")";
    return s.substr(a + open.size(), b - a - open.size());
}

Rendered docx(const std::string& body) {
    return render("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + w_ns +
                      "\"><w:body>" + body + "</w:body></w:document>",
                  prikaz::docx_format());
}

std::string p(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
std::string tc(int width, const std::string& text, const std::string& more = "") {
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>" + more + "</w:tcPr>" + p(text) + "</w:tc>";
}
std::string tr(const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; }
std::string grid(const std::vector<int>& widths) {
    std::string g = "<w:tblGrid>";
    for (int w : widths) g += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    return g + "</w:tblGrid>";
}
std::string tbl(const std::string& grid_xml, const std::string& rows) {
    return "<w:tbl><w:tblPr><w:tblW w:w=\"10000\" w:type=\"dxa\"/></w:tblPr>" + grid_xml + rows + "</w:tbl>";
}

// What a rendered cell looks like: the text of a paragraph with tags keeps its spaces.
std::string out_tc(int width, const std::string& text, const std::string& more = "", bool tagged = true) {
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>" + more + "</w:tcPr>" +
           (tagged ? "<w:p><w:r><w:t xml:space=\"preserve\">" : "<w:p><w:r><w:t>") + text + "</w:t></w:r></w:p></w:tc>";
}
std::string plain_tc(int width, const std::string& text, const std::string& more = "") {
    return out_tc(width, text, more, false);
}

const std::string columns = "roadmap.columns.column";
const std::string by_field = "{% if c.field == \"number\" %}{{ i.number }}{% elif c.field == \"name\" %}{{ i.name }}"
                             "{% else %}{{ i.deadline }}{% endif %}";

const std::string ct_ns = "urn:oasis:names:tc:opendocument:xmlns:";

Rendered odt(const std::string& styles, const std::string& text) {
    return render("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content xmlns:office=\"" + ct_ns +
                      "office:1.0\" xmlns:style=\"" + ct_ns + "style:1.0\" xmlns:text=\"" + ct_ns +
                      "text:1.0\" xmlns:table=\"" + ct_ns + "table:1.0\" xmlns:fo=\"" + ct_ns +
                      "xsl-fo-compatible:1.0\">" + styles + "<office:body><office:text>" + text +
                      "</office:text></office:body></office:document-content>",
                  prikaz::odt_format());
}

std::string cell(const std::string& text, const std::string& attributes = "") {
    return "<table:table-cell" + attributes + "><text:p>" + text + "</text:p></table:table-cell>";
}

}  // namespace

TEST_CASE("DOCX: a cell loop makes the grid columns, weighted by width, and spans grow over them") {
    auto r = docx(tbl(grid({800, 9200}),
                      tr(tc(800, "Всего") + tc(9200, "{%tc for c in " + columns + " %}{{ c }}{%tc endfor %}")) +
                          // A cell over the looped column: its span grows; one over both columns too.
                          tr(tc(800, "—") + tc(9200, "раздел")) + tr(tc(10000, "итог", "<w:gridSpan w:val=\"2\"/>")) +
                          tr(tc(800, "{%tr for i in roadmap.item %}{{ loop.index }}") +
                             tc(9200, "{%tc for c in " + columns + " %}" + by_field + "{%tc endfor %}{%tr endfor %}"))));
    REQUIRE(r.errors.empty());
    const std::string body = between(r.text, "<w:body>", "</w:body>");
    // 9200 twips shared 1 : 6 : 3, the fixed column as it was.
    CHECK(between(body, "<w:tblGrid>", "</w:tblGrid>") ==
          "<w:gridCol w:w=\"800\"/><w:gridCol w:w=\"920\"/><w:gridCol w:w=\"5520\"/><w:gridCol w:w=\"2760\"/>");
    CHECK(body == "<w:tbl><w:tblPr><w:tblW w:w=\"10000\" w:type=\"dxa\"/></w:tblPr>" +
                      grid({800, 920, 5520, 2760}) +
                      tr(plain_tc(800, "Всего") + out_tc(920, "№") + out_tc(5520, "Мероприятие") + out_tc(2760, "Срок")) +
                      tr(plain_tc(800, "—") + plain_tc(9200, "раздел", "<w:gridSpan w:val=\"3\"/>")) +
                      tr(plain_tc(10000, "итог", "<w:gridSpan w:val=\"4\"/>")) +
                      tr(out_tc(800, "1") + out_tc(920, "1.1") + out_tc(5520, "Приказ") + out_tc(2760, "Май")) +
                      tr(out_tc(800, "2") + out_tc(920, "1.2") + out_tc(5520, "Положение") + out_tc(2760, "Июнь")) +
                      "</w:tbl>");
}

TEST_CASE("DOCX: elements without width share the columns equally; loop.parent is the row loop") {
    auto r = docx(tbl(grid({9000}), tr(tc(9000, "{%tc for u in roadmap.units.unit %}{{ u }}{%tc endfor %}")) +
                                        tr(tc(9000, "{%tr for i in roadmap.item %}{%tc for u in roadmap.units.unit %}"
                                                    "{{ loop.parent.index }}.{{ loop.index }}{% if loop.parent.last %}!{% endif %}"
                                                    "{%tc endfor %}{%tr endfor %}"))));
    REQUIRE(r.errors.empty());
    CHECK(between(r.text, "<w:body>", "</w:body>") ==
          tbl(grid({4500, 4500}), tr(out_tc(4500, "шт.") + out_tc(4500, "чел.")) + tr(out_tc(4500, "1.1") + out_tc(4500, "1.2")) +
                                      tr(out_tc(4500, "2.1!") + out_tc(4500, "2.2!"))));
}

TEST_CASE("DOCX: cells whose condition fails vanish, and the other columns take the table's width") {
    const std::string cells = tc(2000, "А") + tc(5000, "{%tc if roadmap.extra? %}Б{%tc endif %}") + tc(3000, "В");
    auto r = docx(tbl(grid({2000, 5000, 3000}), tr(cells) + tr(cells)));
    REQUIRE(r.errors.empty());
    const std::string row = tr(plain_tc(4000, "А") + plain_tc(6000, "В"));
    CHECK(between(r.text, "<w:body>", "</w:body>") ==
          "<w:tbl><w:tblPr><w:tblW w:w=\"10000\" w:type=\"dxa\"/></w:tblPr>" + grid({4000, 6000}) + row + row + "</w:tbl>");
    // Kept: the table is as in the template.
    auto kept = docx(tbl(grid({2000, 5000, 3000}), tr(tc(2000, "А") + tc(5000, "{%tc if roadmap.item %}Б{%tc endif %}") +
                                                      tc(3000, "В"))));
    REQUIRE(kept.errors.empty());
    CHECK(between(kept.text, "<w:tblGrid>", "</w:tblGrid>") ==
          "<w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"5000\"/><w:gridCol w:w=\"3000\"/>");
}

TEST_CASE("ODT: columns with styles of their own, a spanned cell grows with covered cells") {
    const std::string styles =
        "<office:automatic-styles><style:style style:name=\"Plan.A\" style:family=\"table-column\">"
        "<style:table-column-properties style:column-width=\"1.2cm\"/></style:style>"
        "<style:style style:name=\"Plan.B\" style:family=\"table-column\">"
        "<style:table-column-properties style:column-width=\"25mm\"/></style:style></office:automatic-styles>";
    auto r = odt(styles,
                 "<table:table table:name=\"T\"><table:table-column table:style-name=\"Plan.A\"/>"
                 "<table:table-column table:style-name=\"Plan.B\"/>"
                 "<table:table-header-rows><table:table-row>" + cell("№") +
                     cell("{%tc for c in " + columns + " %}{{ c }}{%tc endfor %}") +
                     "</table:table-row></table:table-header-rows>"
                     "<table:table-row>" + cell("Раздел", " table:number-columns-spanned=\"2\"") +
                     "<table:covered-table-cell/></table:table-row>"
                     "<table:table-row>" + cell("{%tr for i in roadmap.item %}{{ loop.index }}") +
                     cell("{%tc for c in " + columns + " %}" + by_field + "{%tc endfor %}{%tr endfor %}") +
                     "</table:table-row></table:table>");
    REQUIRE(r.errors.empty());
    // 2.5 cm shared 1 : 6 : 3.
    CHECK(between(r.text, "<office:automatic-styles>", "</office:automatic-styles>") ==
          styles.substr(25, styles.size() - 25 - 26) +
              "<style:style style:name=\"PrikazColumn1\" style:family=\"table-column\"><style:table-column-properties "
              "style:column-width=\"0.250cm\"/></style:style>"
              "<style:style style:name=\"PrikazColumn2\" style:family=\"table-column\"><style:table-column-properties "
              "style:column-width=\"1.500cm\"/></style:style>"
              "<style:style style:name=\"PrikazColumn3\" style:family=\"table-column\"><style:table-column-properties "
              "style:column-width=\"0.750cm\"/></style:style>");
    CHECK(between(r.text, "<office:text>", "</office:text>") ==
          "<table:table table:name=\"T\"><table:table-column table:style-name=\"Plan.A\"/>"
          "<table:table-column table:style-name=\"PrikazColumn1\"/><table:table-column table:style-name=\"PrikazColumn2\"/>"
          "<table:table-column table:style-name=\"PrikazColumn3\"/>"
          "<table:table-header-rows><table:table-row>" + cell("№") + cell("№") + cell("Мероприятие") + cell("Срок") +
              "</table:table-row></table:table-header-rows>"
              "<table:table-row>" + cell("Раздел", " table:number-columns-spanned=\"4\"") +
              "<table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/></table:table-row>"
              "<table:table-row>" + cell("1") + cell("1.1") + cell("Приказ") + cell("Май") + "</table:table-row>"
              "<table:table-row>" + cell("2") + cell("1.2") + cell("Положение") + cell("Июнь") + "</table:table-row>"
              "</table:table>");
}

TEST_CASE("ODT: a vanishing cell block shrinks a span and drops the covered cells it no longer needs") {
    const std::string styles =
        "<office:automatic-styles><style:style style:name=\"A\" style:family=\"table-column\">"
        "<style:table-column-properties style:column-width=\"2cm\"/></style:style></office:automatic-styles>";
    auto r = odt(styles, "<table:table><table:table-column table:style-name=\"A\" table:number-columns-repeated=\"2\"/>"
                         "<table:table-row>" + cell("а") + cell("{%tc if roadmap.extra? %}б{%tc endif %}") +
                             "</table:table-row><table:table-row>" + cell("всё", " table:number-columns-spanned=\"2\"") +
                             "<table:covered-table-cell/></table:table-row></table:table>");
    REQUIRE(r.errors.empty());
    CHECK(between(r.text, "<office:text>", "</office:text>") ==
          "<table:table><table:table-column table:style-name=\"A\"/><table:table-row>" + cell("а") +
              "</table:table-row><table:table-row>" + cell("всё") + "</table:table-row></table:table>");
    CHECK(between(r.text, "<office:automatic-styles>", "</office:automatic-styles>") == styles.substr(25, styles.size() - 25 - 26));
}

TEST_CASE("a row whose cell block makes another number of cells is an error; misplaced cell blocks too") {
    auto r = docx(tbl(grid({9000}), tr(tc(9000, "{%tc for c in " + columns + " %}{{ c }}{%tc endfor %}")) +
                                        tr(tc(9000, "{%tc for i in roadmap.item %}{{ i.number }}{%tc endfor %}"))));
    CHECK(r.errors ==
          Lines{"t:part.xml: error[cell-count]: в абзаце «{%tc for i in roadmap.item %}{{ i.number }}{%tc endfor %}», тег «tc for i "
                "in roadmap.item»: в строке таблицы столбцов: 2, а в таблице: 3 (по первому блоку ячеек таблицы «{% tc for c in "
                "roadmap.columns.column %}»): блоки ячеек в разных строках должны давать одно число ячеек"});

    auto errors = [](const std::string& body) { return docx(body).errors; };
    const std::string at = "t:part.xml: error[block-placement]: в абзаце ";
    CHECK(errors(tbl(grid({9000}), tr(tc(9000, "{%tc for c in " + columns + " %}{{ c }}")) + tr(tc(9000, "{%tc endfor %}")))) ==
          Lines{at + "«{%tc for c in roadmap.columns.column %}{{ c }}»: теги «{% tc for c in roadmap.columns.column %}» … "
                     "«{% tc endfor %}» стоят в разных строках таблицы: «tc» повторяет ячейки одной строки (строки повторяет «tr»)"});
    CHECK(errors(p("{%tc if roadmap.item %}да{%tc endif %}")) ==
          Lines{at + "«{%tc if roadmap.item %}да{%tc endif %}»: пометка «tc» повторяет ячейки строки таблицы, а теги "
                     "«{% tc if roadmap.item %}» … «{% tc endif %}» стоят вне ячейки таблицы"});
    CHECK(errors(tbl(grid({9000}), tr(tc(9000, "{%tc for c in " + columns + " %}{{ c }}{% endfor %}")))) ==
          Lines{at + "«{%tc for c in roadmap.columns.column %}{{ c }}{% endfor %}»: теги одного блока пишутся с одной "
                     "пометкой: «{% tc for c in roadmap.columns.column %}» и «{% endfor %}»"});
    CHECK(errors(tbl(grid({9000}), tr(tc(9000, "{%tc if roadmap.item %}а{%tc else %}б{%tc endif %}")))) ==
          Lines{at + "«{%tc if roadmap.item %}а{%tc else %}б{%tc endif %}»: «{% elif %}» и «{% else %}» в блоке ячеек не "
                     "поддерживаются: используйте отдельные «{%tc if %}»"});
}

namespace {

// Renders a record through a shipped template with the prikaz binary; the part of the result.
std::string shipped(const test::TempDir& dir, const fs::path& record, const std::string& template_name,
                    const std::string& part_name) {
    const fs::path out = dir.path() / ("out-" + fs::path(template_name).filename().string());
    test::Run run = test::run("render " + test::quoted(record) + " -t " +
                              test::quoted(test::source_dir / "templates" / template_name) + " -o " + test::quoted(out));
    INFO(run.out);
    REQUIRE(run.exit_code == 0);
    std::vector<prikaz::Diagnostic> diagnostics;
    auto package = prikaz::read_package(out, {}, diagnostics);
    REQUIRE(package);
    const prikaz::PackageEntry* entry = package->find(part_name);
    REQUIRE(entry);
    return entry->data;
}

std::string column_styles(const std::string& content) {
    std::string found;
    for (auto at = content.find("style:name=\"PrikazColumn"); at != std::string::npos;
         at = content.find("style:name=\"PrikazColumn", at + 1)) {
        const auto width = content.find("style:column-width=\"", at) + 20;
        found += content.substr(width, content.find('"', width) - width) + " ";
    }
    return found;
}

}  // namespace

TEST_CASE("shipped templates: the roadmap's one table and the order's appendix table take widths from the record") {
    test::TempDir dir;
    // Kezhma: five columns weighted 14 : 88 : 36 : 52 : 72 over 26.2 cm, sections spanning all five.
    const fs::path roadmap = test::source_dir / "samples/kezhma/roadmap-2022.xml";
    const std::string document = shipped(dir, roadmap, "docx/roadmap.docx", "word/document.xml");
    CHECK(document.find("<w:tblGrid><w:gridCol w:w=\"794\"/><w:gridCol w:w=\"4989\"/><w:gridCol w:w=\"2041\"/>"
                        "<w:gridCol w:w=\"2948\"/><w:gridCol w:w=\"4082\"/></w:tblGrid>") != std::string::npos);
    CHECK(document.find("<w:gridSpan w:val=\"5\"/>") != std::string::npos);
    const std::string content = shipped(dir, roadmap, "odt/roadmap.odt", "content.xml");
    CHECK(column_styles(content) == "1.400cm 8.800cm 3.600cm 5.201cm 7.200cm ");
    CHECK(content.find("table:number-columns-spanned=\"5\"") != std::string::npos);

    // An appendix table with widths 1 : 7 : 3 : 4 over the 17 cm of an order's text.
    fs::copy_file(test::source_dir / "samples/salsk/organization.xml", dir.path() / "organization.xml");
    const fs::path order = dir.write("order.xml", test::record("order", R"(  <issuer organization="salsk-uo"/>
  <kind>ПРИКАЗ</kind>
  <date>2025-09-01</date>
  <number>101</number>
  <heading>О наставничестве</heading>
  <operative>приказываю</operative>
  <item number="1."><text>Утвердить план мероприятий (приложение).</text></item>
  <signature person="senchenko"><position>Начальник</position></signature>
  <appendix number="1">
    <title>План мероприятий</title>
    <table>
      <header><cell width="1">№</cell><cell width="7">Мероприятие</cell><cell width="3">Срок</cell><cell width="4">Ответственный</cell></header>
      <row><cell>1</cell><cell>Формирование пар</cell><cell>Сентябрь 2025 г.</cell><cell>Сенченко М.Е.</cell></row>
    </table>
  </appendix>
)"));
    const std::string order_document = shipped(dir, order, "docx/order.docx", "word/document.xml");
    CHECK(order_document.find("<w:tblGrid><w:gridCol w:w=\"643\"/><w:gridCol w:w=\"4497\"/><w:gridCol w:w=\"1928\"/>"
                              "<w:gridCol w:w=\"2570\"/></w:tblGrid>") != std::string::npos);
    CHECK(order_document.find("<w:tcW w:w=\"4497\" w:type=\"dxa\"/>") != std::string::npos);
    CHECK(column_styles(shipped(dir, order, "odt/order.odt", "content.xml")) == "1.133cm 7.934cm 3.400cm 4.533cm ");
}
