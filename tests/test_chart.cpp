// The chart stage: the data table a chart's description renders to, and the
// analytic note's charts filled from samples/kezhma/monitoring-2022.xml in DOCX
// and ODT (cached data, ranges, no stale workbook or picture, every reference
// pointing at a part), and the message for a description that gives a bad table.
#include "schema.hpp"
#include "support.hpp"
#include "template/chart.hpp"
#include "template/format.hpp"
#include "template/package.hpp"
#include "xml_reader.hpp"

#include <libxml/xmlschemas.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::string nbsp = "\xC2\xA0";
const fs::path sample = test::source_dir / "samples/kezhma/monitoring-2022.xml";
const std::vector<std::string> labels = {"МКОУ КСОШ №" + nbsp + "1", "МКОУ КСОШ №" + nbsp + "3",
                                         "МКОУ КСОШ №" + nbsp + "5", "Итого по району"};

std::string rows_text(const std::vector<prikaz::ChartRow>& rows) {
    std::string out;
    for (const auto& r : rows) {
        out += r.label;
        for (double v : r.values) out += "|" + std::to_string(v);
        out += "\n";
    }
    return out;
}

// Elements with this local name below `n`, in document order (namespaces are checked by the schema tests).
void collect(xmlNode* n, std::string_view name, std::vector<xmlNode*>& out) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && prikaz::as_view(n->name) == name) out.push_back(n);
        collect(n->children, name, out);
    }
}
std::vector<xmlNode*> all(xmlNode* root, std::string_view name) {
    std::vector<xmlNode*> out;
    collect(root->children, name, out);
    return out;
}
std::vector<std::string> texts(xmlNode* root, std::string_view name) {
    std::vector<std::string> out;
    for (xmlNode* n : all(root, name)) out.push_back(prikaz::Node(n).text());
    return out;
}
std::string attr(xmlNode* n, const char* name) { return prikaz::Node(n).attr(name); }

struct Xml {
    prikaz::XmlFile file;
    xmlNode* root() const { return xmlDocGetRootElement(file.doc.get()); }
};
Xml part(const prikaz::Package& package, const std::string& name) {
    const prikaz::PackageEntry* entry = package.find(name);
    REQUIRE(entry);
    prikaz::ReadResult read = prikaz::read_xml_bytes(entry->data, name, {});
    REQUIRE(read.file);
    return {std::move(*read.file)};
}

// The errors of the official DrawingML chart schema for a chart part ("" when it is valid).
void collect_error(void* out, xmlErrorPtr e) {
    *static_cast<std::string*>(out) += std::to_string(e->line) + ": " + (e->message ? e->message : "");
}
std::string chart_schema_errors(xmlDoc* doc) {
    const fs::path official = test::source_dir.parent_path() / "shared" / "schemas-official";
    const fs::path xsd = official / "ooxml/transitional/dml-chart.xsd";
    INFO("официальные схемы ищутся в " << official.string() << " (../shared рядом с репозиторием)");
    REQUIRE(fs::exists(xsd));
    prikaz::allow_schema_folder(official);
    std::string errors;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.c_str());
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    REQUIRE(schema);
    xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(valid, collect_error, &errors);
    xmlSchemaValidateDoc(valid, doc);
    xmlSchemaFreeValidCtxt(valid);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(parser);
    return errors;
}

prikaz::Package render(const fs::path& template_path, const fs::path& output) {
    test::Run r = test::run("--schemas " + test::quoted(test::source_dir / "schemas") + " render " +
                            test::quoted(sample) + " -t " + test::quoted(template_path) + " -o " + test::quoted(output));
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    std::vector<prikaz::Diagnostic> problems;
    std::optional<prikaz::Package> package = prikaz::read_package(output, {}, problems);
    REQUIRE(package);
    return std::move(*package);
}

// The template with one string replaced in one part, written to `dir`.
fs::path edited(const fs::path& from, const std::string& part_name, const std::string& what, const std::string& with,
                const test::TempDir& dir, const std::string& name) {
    std::vector<prikaz::Diagnostic> problems;
    std::optional<prikaz::Package> package = prikaz::read_package(from, {}, problems);
    REQUIRE(package);
    std::string& data = package->find(part_name)->data;
    const std::size_t at = data.find(what);
    REQUIRE(at != std::string::npos);
    data.replace(at, what.size(), with);
    return dir.write(name, prikaz::write_package(*package));
}

}  // namespace

TEST_CASE("chart table: lines of label and values") {
    struct Case {
        std::string text;
        std::size_t series;
        std::string rows;
    };
    const std::vector<Case> cases = {
        {"A; 14.2; 70\nB; 3,2; 70\n", 2, "A|14.200000|70.000000\nB|3.200000|70.000000\n"},
        {"\n  A ;1\n\n\nB;  -2,5  \n", 1, "A|1.000000\nB|-2.500000\n"},
        {"Итого по району; 1" + nbsp + "250,5", 1, "Итого по району|1250.500000\n"},
        {"", 2, ""},
        {"\n \n", 2, ""},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto read = prikaz::read_chart_table(c.text, c.series);
        REQUIRE(std::holds_alternative<std::vector<prikaz::ChartRow>>(read));
        CHECK(rows_text(std::get<std::vector<prikaz::ChartRow>>(read)) == c.rows);
    }
}

TEST_CASE("chart table: a wrong field count or a non-number names the line") {
    struct Case {
        std::string text;
        std::size_t series;
        std::string error;
    };
    const std::vector<Case> cases = {
        {"A; 1; 2\nB; 3", 2,
         "строка 2 «B; 3»: 2 поля через «;», а нужно 3: подпись и по числу на каждый ряд диаграммы (рядов: 2)"},
        {"A; 1; 2; 3; 4; 5", 1,
         "строка 1 «A; 1; 2; 3; 4; 5»: 6 полей через «;», а нужно 2: подпись и по числу на каждый ряд диаграммы "
         "(рядов: 1)"},
        {"A; 14,2 %", 1, "строка 1 «A; 14,2 %»: «14,2 %» — не число; нужно число с точкой или запятой, например 14,2"},
        {"A; ", 1, "строка 1 «A;»: «» — не число; нужно число с точкой или запятой, например 14,2"},
        {"\nA; inf", 1, "строка 1 «A; inf»: «inf» — не число; нужно число с точкой или запятой, например 14,2"},
        {"A; 1.2.3", 1, "строка 1 «A; 1.2.3»: «1.2.3» — не число; нужно число с точкой или запятой, например 14,2"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto read = prikaz::read_chart_table(c.text, c.series);
        REQUIRE(std::holds_alternative<std::string>(read));
        CHECK(std::get<std::string>(read) == c.error);
    }
}

TEST_CASE("the note's DOCX charts hold the sample's coverage by school") {
    test::TempDir dir;
    const prikaz::Package docx = render(test::source_dir / "templates/docx/note.docx", dir.path() / "note.docx");

    // The drawings: descriptions are now the data, read aloud as the chart's alt text.
    Xml document = part(docx, "word/document.xml");
    std::vector<std::string> descriptions;
    for (xmlNode* pr : all(document.root(), "docPr")) descriptions.push_back(attr(pr, "descr"));
    CHECK(descriptions == std::vector<std::string>{
                              labels[0] + "; 14.2; 70\n" + labels[1] + "; 3.2; 70\n" + labels[2] + "; 19.5; 70\n" +
                                  labels[3] + "; 11.4; 70",
                              labels[0] + "; 85.7; 70\n" + labels[1] + "; 75; 70\n" + labels[2] + "; 50; 70\n" +
                                  labels[3] + "; 76.9; 70"});

    const std::vector<std::vector<std::string>> values = {{"14.2", "3.2", "19.5", "11.4"}, {"85.7", "75", "50", "76.9"}};
    for (std::size_t k = 0; k < 2; ++k) {
        const std::string name = "word/charts/chart" + std::to_string(k + 1) + ".xml";
        INFO(name);
        Xml chart = part(docx, name);
        const std::vector<xmlNode*> series = all(chart.root(), "ser");
        REQUIRE(series.size() == 2);
        for (std::size_t s = 0; s < 2; ++s) {
            xmlNode* cat = all(series[s], "cat").at(0);
            xmlNode* val = all(series[s], "val").at(0);
            CHECK(texts(cat, "v") == labels);
            CHECK(texts(val, "v") == (s == 0 ? values[k] : std::vector<std::string>(4, "70")));
            CHECK(attr(all(cat, "ptCount").at(0), "val") == "4");
            CHECK(attr(all(val, "ptCount").at(0), "val") == "4");
        }
        CHECK(all(chart.root(), "externalData").empty());
        // The labels of the actual values are formatted as Russian numbers: «14,2», not «14.2».
        xmlNode* labels_format = all(all(series[0], "dLbls").at(0), "numFmt").at(0);
        CHECK(attr(labels_format, "formatCode") == "[$-419]General");
        CHECK(attr(labels_format, "sourceLinked") == "0");
        CHECK(chart_schema_errors(chart.file.doc.get()) == "");
    }

    // No workbook with the template's numbers; every internal relationship and override names a part.
    for (const prikaz::PackageEntry& e : docx.entries) {
        INFO(e.name);
        CHECK(e.name.find("embeddings/") == std::string::npos);
        if (e.name.size() < 5 || e.name.substr(e.name.size() - 5) != ".rels") continue;
        const std::string folder = e.name.substr(0, e.name.find("_rels/"));
        Xml rels = part(docx, e.name);
        for (xmlNode* r : all(rels.root(), "Relationship")) {
            if (attr(r, "TargetMode") == "External") continue;
            std::string target = attr(r, "Target");
            target = target.front() == '/' ? target.substr(1) : folder + target;
            CHECK(docx.find(target));
        }
    }
    Xml types = part(docx, "[Content_Types].xml");
    for (xmlNode* o : all(types.root(), "Override")) CHECK(docx.find(attr(o, "PartName").substr(1)));
}

TEST_CASE("the note's ODT charts hold the sample's coverage by school") {
    test::TempDir dir;
    const prikaz::Package odt = render(test::source_dir / "templates/odt/note.odt", dir.path() / "note.odt");

    Xml content = part(odt, "content.xml");
    const std::vector<xmlNode*> frames = all(content.root(), "frame");
    REQUIRE(frames.size() == 2);
    std::vector<std::string> objects;
    for (xmlNode* frame : frames) {
        CHECK(all(frame, "image").empty());  // the replacement picture with the template's numbers is gone
        objects.push_back(prikaz::Node(all(frame, "object").at(0)).attr("href"));
    }
    CHECK(objects == std::vector<std::string>{"./Object 1", "./Object 2"});
    CHECK(texts(frames[0], "desc") ==
          std::vector<std::string>{labels[0] + "; 14.2; 70\n" + labels[1] + "; 3.2; 70\n" + labels[2] +
                                   "; 19.5; 70\n" + labels[3] + "; 11.4; 70"});

    const std::vector<std::vector<std::string>> values = {{"14.2", "3.2", "19.5", "11.4"}, {"85.7", "75", "50", "76.9"}};
    for (std::size_t k = 0; k < 2; ++k) {
        const std::string name = "Object " + std::to_string(k + 1) + "/content.xml";
        INFO(name);
        Xml chart = part(odt, name);
        xmlNode* body = all(chart.root(), "table-rows").at(0);
        std::vector<std::string> got_labels, got_actual, got_target;
        for (xmlNode* row : all(body, "table-row")) {
            const std::vector<xmlNode*> cells = all(row, "table-cell");
            REQUIRE(cells.size() == 3);
            got_labels.push_back(prikaz::Node(cells[0]).text());
            got_actual.push_back(attr(cells[1], "value"));
            got_target.push_back(attr(cells[2], "value"));
            CHECK(attr(cells[1], "value-type") == "float");
        }
        CHECK(got_labels == labels);
        CHECK(got_actual == values[k]);
        CHECK(got_target == std::vector<std::string>(4, "70"));
        // (LibreOffice writes the plot area of an object in a text document without a range of its own.)
        CHECK(attr(all(chart.root(), "categories").at(0), "cell-range-address") == "local-table.$A$2:.$A$5");
        std::vector<std::string> ranges;
        for (xmlNode* s : all(chart.root(), "series")) ranges.push_back(attr(s, "values-cell-range-address"));
        CHECK(ranges == std::vector<std::string>{"local-table.$B$2:.$B$5", "local-table.$C$2:.$C$5"});
        CHECK(all(chart.root(), "data-point").empty());
        // The actual values' labels use a Russian number style of their own: «14,2», not «14.2».
        const std::string series_style = attr(all(chart.root(), "series").at(0), "style-name");
        std::string data_style;
        for (xmlNode* st : all(chart.root(), "style"))
            if (attr(st, "name") == series_style) data_style = attr(st, "data-style-name");
        bool russian = false;
        for (xmlNode* ns : all(chart.root(), "number-style"))
            if (attr(ns, "name") == data_style) russian = attr(ns, "language") == "ru" && attr(ns, "country") == "RU";
        CHECK(russian);
    }

    // No replacement pictures; every manifest entry names a part (or a folder of parts).
    for (const prikaz::PackageEntry& e : odt.entries) CHECK(e.name.find("ObjectReplacements") == std::string::npos);
    Xml manifest = part(odt, "META-INF/manifest.xml");
    for (xmlNode* e : all(manifest.root(), "file-entry")) {
        const std::string path = attr(e, "full-path");
        INFO(path);
        if (path == "/") continue;
        bool found = odt.find(path) != nullptr;
        for (const prikaz::PackageEntry& entry : odt.entries)
            if (path.back() == '/' && entry.name.rfind(path, 0) == 0) found = true;
        CHECK(found);
    }
}

TEST_CASE("a description that gives a bad table is a template error, nothing written") {
    test::TempDir dir;
    struct Case {
        fs::path template_path;
        std::string part, what, with, message;
    };
    const fs::path docx = test::source_dir / "templates/docx/note.docx";
    const fs::path odt = test::source_dir / "templates/odt/note.odt";
    const std::vector<Case> cases = {
        {docx, "word/document.xml", "{{ x.target }}&#10;", "{{ x.target }}; лишнее&#10;",
         ":word/document.xml: error[chart-data]: диаграмма «ChartPupils»: данные из описания не читаются: строка 1 "
         "«" + labels[0] + "; 14.2; 70; лишнее»: 4 поля через «;», а нужно 3: подпись и по числу на каждый ряд "
         "диаграммы (рядов: 2)\n"},
        {odt, "content.xml", "{{ v.actual }};", "{{ v.actual }} %;",
         ":content.xml: error[chart-data]: диаграмма «ChartPupils»: данные из описания не читаются: строка 1 «" +
             labels[0] + "; 14.2 %; 70»: «14.2 %» — не число; нужно число с точкой или запятой, например 14,2\n"},
    };
    int n = 0;
    for (const Case& c : cases) {
        const std::string name = "bad" + std::to_string(n++) + c.template_path.extension().string();
        const fs::path bad = edited(c.template_path, c.part, c.what, c.with, dir, name);
        const fs::path output = dir.path() / ("out-" + name);
        test::Run r = test::run("--schemas " + test::quoted(test::source_dir / "schemas") + " render " +
                                test::quoted(sample) + " -t " + test::quoted(bad) + " -o " + test::quoted(output));
        INFO(r.out);
        CHECK(r.exit_code == 4);
        CHECK(r.out.find(bad.string() + c.message) != std::string::npos);
        CHECK_FALSE(fs::exists(output));
    }
}

TEST_CASE("a chart whose description has no tags is left as it is") {
    std::vector<prikaz::Diagnostic> problems;
    std::optional<prikaz::Package> package =
        prikaz::read_package(test::source_dir / "templates/docx/note.docx", {}, problems);
    REQUIRE(package);
    std::string& document = package->find("word/document.xml")->data;
    const std::size_t from = document.find("descr=");
    REQUIRE(from != std::string::npos);
    const char quote = document[from + 6];
    const std::size_t to = document.find(quote, from + 7);
    document.replace(from, to + 1 - from, "descr=\"Диаграмма без тегов\"");
    const std::string document_before = document;
    const std::string chart_before = package->find("word/charts/chart1.xml")->data;

    prikaz::expr::Scope scope;
    prikaz::fill_charts(*package, prikaz::docx_format(), "note.docx", {scope, {}, true}, problems);
    // The second chart still has tags and finds no record: that one is reported, the first is untouched.
    CHECK(package->find("word/charts/chart1.xml")->data == chart_before);
    CHECK(package->find("word/document.xml")->data == document_before);
    CHECK(!problems.empty());
}

TEST_CASE("a DOCX chart's embedded workbook goes with its relationship and content type") {
    // Word keeps the chart's data in an embedded workbook; LibreOffice 7.4 writes none, so one is added here.
    test::TempDir dir;
    std::vector<prikaz::Diagnostic> problems;
    std::optional<prikaz::Package> package =
        prikaz::read_package(test::source_dir / "templates/docx/note.docx", {}, problems);
    REQUIRE(package);
    const std::string workbook = "word/embeddings/Microsoft_Excel_Worksheet.xlsx";
    std::string& chart = package->find("word/charts/chart1.xml")->data;
    const std::size_t end = chart.rfind("</c:chartSpace>");
    REQUIRE(end != std::string::npos);
    chart.insert(end, "<c:externalData r:id=\"rId7\"><c:autoUpdate val=\"0\"/></c:externalData>");
    package->entries.push_back(
        {"word/charts/_rels/chart1.xml.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" "
         "Target=\"../embeddings/Microsoft_Excel_Worksheet.xlsx\"/></Relationships>"});
    package->entries.push_back({workbook, "PK-not-really-a-workbook"});
    std::string& types = package->find("[Content_Types].xml")->data;
    types.insert(types.rfind("</Types>"),
                 "<Override PartName=\"/" + workbook +
                     "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>");
    const fs::path with_workbook = dir.write("workbook.docx", prikaz::write_package(*package));

    const prikaz::Package docx = render(with_workbook, dir.path() / "out.docx");
    CHECK_FALSE(docx.find(workbook));
    CHECK(docx.find("word/charts/chart1.xml")->data.find("externalData") == std::string::npos);
    CHECK(docx.find("word/charts/_rels/chart1.xml.rels")->data.find("Relationship ") == std::string::npos);
    CHECK(docx.find("[Content_Types].xml")->data.find("Microsoft_Excel_Worksheet") == std::string::npos);
    Xml values = part(docx, "word/charts/chart1.xml");
    CHECK(texts(all(values.root(), "val").at(0), "v") == std::vector<std::string>{"14.2", "3.2", "19.5", "11.4"});
}
