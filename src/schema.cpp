#include "schema.hpp"

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include <mutex>
#include <regex>
#include <set>

namespace prikaz {

namespace {

// libxml2 parses schema files with entity substitution and without NONET, and
// its entity loader is process-wide by design. The one loader of the program
// serves only files inside the schema folders it compiled from, and refuses
// every other file and any network address.
class SchemaFolders {
public:
    static SchemaFolders& instance() {
        static SchemaFolders folders;
        return folders;
    }
    void allow(const std::filesystem::path& dir) {
        std::lock_guard lock(mutex_);
        allowed_.insert(std::filesystem::weakly_canonical(dir).string() + "/");
        if (!installed_) {
            xmlSetExternalEntityLoader(&SchemaFolders::load);
            installed_ = true;
        }
    }

private:
    bool allows(const std::string& url) {
        std::string path = url.rfind("file://", 0) == 0 ? url.substr(7) : url;
        if (path.find("://") != std::string::npos) return false;
        std::error_code ec;
        std::string real = std::filesystem::weakly_canonical(path, ec).string();
        if (ec) return false;
        std::lock_guard lock(mutex_);
        for (const auto& dir : allowed_)
            if (real.rfind(dir, 0) == 0) return true;
        return false;
    }
    static xmlParserInputPtr load(const char* url, const char*, xmlParserCtxtPtr context) {
        if (!url || !instance().allows(url)) return nullptr;
        return xmlNewInputFromFile(context, url);
    }

    std::mutex mutex_;
    std::set<std::string> allowed_;
    bool installed_ = false;
};

std::string strip_namespace(std::string s) {
    static const std::string ns = "{urn:prikaz:records}";
    for (auto at = s.find(ns); at != std::string::npos; at = s.find(ns)) s.erase(at, ns.size());
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// "( a, b )" → "<a>, <b>"
std::string element_list(const std::string& list) {
    static const std::regex name(R"([^\s(),]+)");
    std::string out;
    for (std::sregex_iterator it(list.begin(), list.end(), name), end; it != end; ++it) {
        if (it->str() == "##other") continue;
        if (!out.empty()) out += ", ";
        out += "<" + it->str() + ">";
    }
    return out;
}

// Russian wording of libxml2's schema messages; the English rest is kept when unknown.
std::string schema_message(const std::string& raw) {
    const std::string text = strip_namespace(raw);
    static const std::regex head(R"(^Element '([^']+)'(?:, attribute '([^']+)')?: ([\s\S]*)$)");
    std::smatch m;
    if (!std::regex_match(text, m, head)) return "запись не соответствует схеме: " + text;
    const std::string element = "<" + m[1].str() + ">";
    const std::string attribute = m[2].str();
    const std::string rest = m[3].str();
    const std::string where = attribute.empty() ? "элемент " + element : "атрибут " + attribute + " элемента " + element;

    static const std::regex not_expected(R"(^This element is not expected\.(?: Expected is(?: one of)? (\(.*\))\.)?$)");
    static const std::regex missing(R"(^Missing child element\(s\)\. Expected is(?: one of)? (\(.*\))\.$)");
    static const std::regex required(R"(^The attribute '([^']+)' is required but missing\.$)");
    static const std::regex not_allowed(R"(^The attribute '([^']+)' is not allowed\.$)");
    static const std::regex bad_value(R"(^'([\s\S]*)' is not a valid value of the (?:atomic|list|union|local atomic|local list|local union) type(?: '([^']+)')?\.$)");
    static const std::regex enumeration(R"(^\[facet 'enumeration'\] The value '([\s\S]*)' is not an element of the set \{(.*)\}\.$)");
    static const std::regex pattern(R"(^\[facet 'pattern'\] The value '([\s\S]*)' is not accepted by the pattern '(.*)'\.$)");
    static const std::regex length(R"(^\[facet '(minLength|maxLength|length)'\] The value has a length of '(\d+)'; this (?:underruns|exceeds|differs from) the allowed (?:minimum|maximum)? ?length of '(\d+)'\.$)");
    static const std::regex text_in_elements(R"(^Character content other than whitespace is not allowed because the content type is 'element-only'\.$)");
    static const std::regex no_content(R"(^(?:Character|Element) content is not allowed, because the content type is (?:empty|a simple type definition)\.$)");

    std::smatch v;
    if (std::regex_match(rest, v, not_expected)) {
        std::string msg = "элемент " + element + " здесь не ожидается";
        if (v[1].matched) msg += "; на этом месте может стоять: " + element_list(v[1].str());
        return msg + " (порядок и состав элементов — в schemas/)";
    }
    if (std::regex_match(rest, v, missing))
        return "в элементе " + element + " не хватает обязательного элемента; дальше ожидается: " + element_list(v[1].str());
    if (std::regex_match(rest, v, required))
        return "у элемента " + element + " нет обязательного атрибута " + v[1].str();
    if (std::regex_match(rest, v, not_allowed))
        return "атрибут " + v[1].str() + " не допускается у элемента " + element;
    if (std::regex_match(rest, v, enumeration))
        return where + ": значение «" + v[1].str() + "» не из допустимых: " + v[2].str();
    if (std::regex_match(rest, v, pattern)) {
        std::string hint;
        if (v[2].str().find("\\d{4}-\\d{4}") != std::string::npos) hint = " (учебный год пишется как 2024-2025)";
        return where + ": значение «" + v[1].str() + "» имеет неверный вид" + hint;
    }
    if (std::regex_match(rest, v, length))
        return where + ": длина значения " + v[2].str() + " символов, допустимо " +
               (v[1].str() == "minLength" ? "не меньше " : v[1].str() == "maxLength" ? "не больше " : "ровно ") + v[3].str();
    if (std::regex_match(rest, v, bad_value)) {
        const std::string type = v[2].str();
        std::string expected;
        if (type == "xs:date") expected = "дата в виде ГГГГ-ММ-ДД, например 2021-11-15";
        else if (type == "xs:gYear") expected = "год из четырёх цифр";
        else if (type == "xs:boolean") expected = "true или false";
        else if (type == "xs:decimal") expected = "число с точкой: 72.5";
        else if (type == "xs:positiveInteger") expected = "целое число больше нуля";
        else if (type == "xs:nonNegativeInteger") expected = "целое число, не меньше нуля";
        std::string msg = where + ": недопустимое значение «" + v[1].str() + "»";
        return expected.empty() ? msg : msg + "; ожидается " + expected;
    }
    if (std::regex_match(rest, text_in_elements))
        return "в элементе " + element + " допускаются только вложенные элементы, а не текст";
    if (std::regex_match(rest, no_content)) return "элемент " + element + " должен быть пустым или содержать только текст";
    return where + ": запись не соответствует схеме: " + rest;
}

struct Collector {
    const XmlFile* file;
    std::vector<Diagnostic>* out;
};

void collect(void* data, xmlErrorPtr error) {
    auto* c = static_cast<Collector*>(data);
    Position where{c->file->path, error->line, 0};
    if (error->node) where = position_of(*c->file, Node(static_cast<xmlNode*>(error->node)));
    c->out->push_back({Severity::error, Category::data, "schema", where, schema_message(error->message ? error->message : "")});
}

}  // namespace

void allow_schema_folder(const std::filesystem::path& dir) { SchemaFolders::instance().allow(dir); }

struct RecordSchema::Impl {
    xmlSchemaPtr schema = nullptr;
    ~Impl() { xmlSchemaFree(schema); }
};

RecordSchema::RecordSchema(const std::filesystem::path& dir) : impl_(std::make_unique<Impl>()) {
    const auto main = dir / "records.xsd";
    if (!std::filesystem::exists(main))
        throw SetupError("не найдены схемы записей: нет файла " + main.string() +
                          "; укажите папку со схемами в --schemas или в переменной PRIKAZ_SCHEMAS");
    SchemaFolders::instance().allow(dir);
    std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
        xmlSchemaNewParserCtxt(main.c_str()), xmlSchemaFreeParserCtxt);
    xmlSchemaSetParserStructuredErrors(parser.get(), [](void*, xmlErrorPtr) {}, nullptr);
    impl_->schema = xmlSchemaParse(parser.get());
    if (!impl_->schema) throw SetupError("схемы записей в " + dir.string() + " повреждены и не компилируются");
}

RecordSchema::~RecordSchema() = default;

std::vector<Diagnostic> RecordSchema::validate(const XmlFile& file) const {
    std::vector<Diagnostic> out;
    std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(xmlSchemaNewValidCtxt(impl_->schema),
                                                                                     xmlSchemaFreeValidCtxt);
    if (!validator) throw std::bad_alloc();
    Collector collector{&file, &out};
    xmlSchemaSetValidStructuredErrors(validator.get(), collect, &collector);
    xmlSchemaValidateDoc(validator.get(), file.doc.get());
    return out;
}

}  // namespace prikaz
