// Golden documents: templates made by LibreOffice (tests/templates, see its
// README) merged with the samples, compared part by part with the expected
// output after normalising the XML; every output part is checked against the
// official schemas, and LibreOffice prints it to PDF with the merged text.
//
// PRIKAZ_UPDATE_GOLDENS=1 rewrites the goldens; a failing comparison writes
// the actual part next to the golden as <part>.actual and prints a diff.
#include "schema.hpp"
#include "support.hpp"
#include "template/package.hpp"

#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path official = test::source_dir.parent_path() / "shared" / "schemas-official";

using test::read_file;

// One element per line, attributes sorted, whitespace-only text between tags dropped.
void normalise(xmlNode* node, int depth, std::string& out) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            std::string text = reinterpret_cast<const char*>(n->content);
            if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
            out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "\"" + text + "\"\n";
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        std::vector<std::string> attributes;
        for (xmlAttr* a = n->properties; a; a = a->next) {
            xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
            std::string name = (a->ns && a->ns->prefix ? std::string(reinterpret_cast<const char*>(a->ns->prefix)) + ":" : "") +
                               reinterpret_cast<const char*>(a->name);
            attributes.push_back(name + "=\"" + reinterpret_cast<const char*>(v) + "\"");
            xmlFree(v);
        }
        std::sort(attributes.begin(), attributes.end());
        std::string name = (n->ns && n->ns->prefix ? std::string(reinterpret_cast<const char*>(n->ns->prefix)) + ":" : "") +
                           reinterpret_cast<const char*>(n->name);
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "<" + name;
        for (const auto& a : attributes) out += " " + a;
        out += ">\n";
        normalise(n->children, depth + 1, out);
    }
}

std::string normalised(const std::string& xml) {
    auto read = prikaz::read_xml_bytes(xml, "part", {});
    REQUIRE(read.file);
    std::string out;
    normalise(xmlDocGetRootElement(read.file->doc.get()), 0, out);
    return out;
}

void compare_with_golden(const std::string& actual, const fs::path& golden) {
    if (std::getenv("PRIKAZ_UPDATE_GOLDENS")) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    REQUIRE(fs::exists(golden));
    const std::string expected = read_file(golden);
    if (expected == actual) {
        fs::remove(golden.string() + ".actual");
        return;
    }
    std::ofstream(golden.string() + ".actual", std::ios::binary) << actual;
    test::Run diff = test::shell("diff -u " + test::quoted(golden) + " " + test::quoted(golden.string() + ".actual"));
    FAIL("вывод отличается от эталона " << golden.string() << ":\n" << diff.out.substr(0, 6000));
}

// libxml2 validation errors as text, for the failure message.
void collect_error(void* out, xmlErrorPtr e) {
    *static_cast<std::string*>(out) += std::to_string(e->line) + ": " + (e->message ? e->message : "") ;
}

std::string validate_docx_part(const std::string& xml) {
    INFO("официальные схемы ищутся в " << official.string() << " (../shared рядом с репозиторием)");
    REQUIRE(fs::exists(official / "ooxml/shim/wml-driver.xsd"));
    prikaz::allow_schema_folder(official);
    // LibreOffice writes mc:Ignorable, which Markup Compatibility processing removes before validation.
    std::string text = xml;
    if (auto at = text.find(" mc:Ignorable=\""); at != std::string::npos) text.erase(at, text.find('"', at + 15) + 1 - at);
    auto read = prikaz::read_xml_bytes(text, "part", {});
    REQUIRE(read.file);
    std::string errors;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt((official / "ooxml/shim/wml-driver.xsd").c_str());
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    REQUIRE(schema);
    xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(valid, collect_error, &errors);
    xmlSchemaValidateDoc(valid, read.file->doc.get());
    xmlSchemaFreeValidCtxt(valid);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(parser);
    return errors;
}

// ODF namespaces; an extended document (LibreOffice's loext:, officeooo:) must
// validate once elements and attributes of all other namespaces are removed.
bool odf_namespace(const xmlNs* ns) {
    if (!ns) return true;
    const std::string uri = reinterpret_cast<const char*>(ns->href);
    for (const char* prefix : {"urn:oasis:names:tc:opendocument:", "http://www.w3.org/", "http://purl.org/dc/elements/1.1/"})
        if (uri.rfind(prefix, 0) == 0) return true;
    return false;
}

void strip_foreign(xmlNode* node) {
    for (xmlNode* n = node; n;) {
        xmlNode* next = n->next;
        if (n->type == XML_ELEMENT_NODE) {
            if (!odf_namespace(n->ns)) {
                xmlUnlinkNode(n);
                xmlFreeNode(n);
            } else {
                for (xmlAttr* a = n->properties; a;) {
                    xmlAttr* next_attribute = a->next;
                    if (!odf_namespace(a->ns)) xmlRemoveProp(a);
                    a = next_attribute;
                }
                strip_foreign(n->children);
            }
        }
        n = next;
    }
}

std::string validate_odt_part(const std::string& xml) {
    INFO("официальные схемы ищутся в " << official.string() << " (../shared рядом с репозиторием)");
    REQUIRE(fs::exists(official / "odf/OpenDocument-v1.3-schema.rng"));
    prikaz::allow_schema_folder(official);
    auto read = prikaz::read_xml_bytes(xml, "part", {});
    REQUIRE(read.file);
    strip_foreign(xmlDocGetRootElement(read.file->doc.get()));
    std::string errors;
    xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt((official / "odf/OpenDocument-v1.3-schema.rng").c_str());
    xmlRelaxNGPtr schema = xmlRelaxNGParse(parser);
    REQUIRE(schema);
    xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(valid, collect_error, &errors);
    xmlRelaxNGValidateDoc(valid, read.file->doc.get());
    xmlRelaxNGFreeValidCtxt(valid);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(parser);
    return errors;
}

struct Case {
    std::string template_name;  // in tests/templates
    std::string record;         // in samples
    std::string part;           // the rendered part to compare
    std::string golden;         // in tests/golden
    std::vector<std::string> printed;  // text the PDF must show
};

}  // namespace

TEST_CASE("LibreOffice-made templates merge into the expected documents") {
    const std::vector<std::string> printed = {"Дорожная карта", "Разделов: 5, пунктов: 27",
                                              "1. Нормативно-правовое регулирование", "1.5",
                                              // "2032г." as written, a no-break space added by the typograph
                                              // (pdftotext prints it as a space)
                                              "Апрель 2032 г.", "Разделов больше одного."};
    const std::vector<Case> cases = {
        {"roadmap.docx", "kezhma/roadmap-2022.xml", "word/document.xml", "roadmap/docx-document.xml", printed},
        {"roadmap.odt", "kezhma/roadmap-2022.xml", "content.xml", "roadmap/odt-content.xml", printed},
        // An .ott template (same content as the .odt) makes an .odt document.
        {"roadmap.ott", "kezhma/roadmap-2022.xml", "content.xml", "roadmap/odt-content.xml", printed},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.template_name) {
            test::TempDir dir;
            prikaz::RenderOptions options;
            options.template_path = test::source_dir / "tests/templates" / c.template_name;
            options.schema_dir = test::source_dir / "schemas";
            const std::string extension = c.template_name.substr(c.template_name.size() - 4) == ".ott" ? ".odt"
                                          : fs::path(c.template_name).extension().string();
            options.output = dir.path() / ("out" + extension);
            auto diagnostics = prikaz::render(test::source_dir / "samples" / c.record, options);
            for (const auto& d : diagnostics) INFO(prikaz::format(d));
            REQUIRE(prikaz::exit_code(diagnostics) == prikaz::ExitCode::ok);

            std::vector<prikaz::Diagnostic> out;
            auto package = prikaz::read_package(options.output, {}, out);
            REQUIRE(package);
            const prikaz::PackageEntry* part = package->find(c.part);
            REQUIRE(part);
            compare_with_golden(normalised(part->data), test::source_dir / "tests/golden" / c.golden);
            if (const prikaz::PackageEntry* mimetype = package->find("mimetype"))
                CHECK(mimetype->data == "application/vnd.oasis.opendocument.text");

            // Official schemas.
            const std::string errors = c.part == "content.xml" ? validate_odt_part(part->data) : validate_docx_part(part->data);
            INFO(errors);
            CHECK(errors.empty());

            // Reproducible: the same input gives the same bytes.
            options.output = dir.path() / ("again" + extension);
            REQUIRE(prikaz::exit_code(prikaz::render(test::source_dir / "samples" / c.record, options)) == prikaz::ExitCode::ok);
            CHECK(read_file(options.output) == read_file(dir.path() / ("out" + extension)));

            // LibreOffice opens it and prints the merged text.
            test::Run pdf = test::shell("cd " + test::quoted(dir.path()) + " && soffice -env:UserInstallation=file://" + dir.path().string() +
                                        "/profile --headless --convert-to pdf " +
                                        test::quoted(options.output) + " >/dev/null 2>&1 && pdftotext -layout again.pdf -");
            INFO(pdf.out);
            REQUIRE(pdf.exit_code == 0);
            for (const std::string& text : c.printed) CHECK(pdf.out.find(text) != std::string::npos);
            CHECK(pdf.out.find("{{") == std::string::npos);
            CHECK(pdf.out.find("{%") == std::string::npos);
        }
    }
}
