#include "xml_reader.hpp"

#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace prikaz {

namespace {

std::string size_limit(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " МиБ";
    return std::to_string(bytes) + " байт";
}

Diagnostic data_error(std::string rule, Position where, std::string message) {
    return {Severity::error, Category::data, std::move(rule), std::move(where), std::move(message)};
}

std::string hex_byte(unsigned char b) {
    static const char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

std::string code_point(char32_t c) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) out += digits[(c >> shift) & 15];
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The encoding named in the XML declaration, lower-cased; empty when none.
std::string declared_encoding(std::string_view bytes) {
    if (!starts_with(bytes, "<?xml")) return {};
    auto end = bytes.find("?>");
    if (end == std::string_view::npos || end > 512) return {};
    std::string_view decl = bytes.substr(0, end);
    auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    auto quote = decl.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return {};
    auto close = decl.find(decl[quote], quote + 1);
    if (close == std::string_view::npos) return {};
    return lower_ascii(std::string(decl.substr(quote + 1, close - quote - 1)));
}

// Share of bytes >= 0x80 that are Cyrillic letters in the given single-byte encoding.
double cyrillic_share(std::string_view bytes, bool (*is_letter)(unsigned char)) {
    std::size_t high = 0, letters = 0;
    for (unsigned char b : bytes) {
        if (b < 0x80) continue;
        ++high;
        if (is_letter(b)) ++letters;
    }
    return high == 0 ? 0.0 : static_cast<double>(letters) / static_cast<double>(high);
}

bool cp1251_letter(unsigned char b) { return b >= 0xC0 || b == 0xA8 || b == 0xB8; }
bool koi8r_letter(unsigned char b) { return b >= 0xC0 || b == 0xA3 || b == 0xB3; }
bool cp866_letter(unsigned char b) { return (b >= 0x80 && b <= 0xAF) || (b >= 0xE0 && b <= 0xF1); }

// A guess at the single-byte Cyrillic encoding of bytes that are not UTF-8.
std::string guess_encoding(std::string_view bytes) {
    // Windows-1251 and KOI8-R share the letter range; KOI8-R puts lower case
    // first (0xC0-0xDF), and Russian text is mostly lower case.
    if (cyrillic_share(bytes, cp1251_letter) >= 0.9) {
        std::size_t upper_half = 0, lower_half = 0;
        for (unsigned char b : bytes) {
            if (b >= 0xE0) ++upper_half;
            else if (b >= 0xC0) ++lower_half;
        }
        return upper_half >= lower_half ? "Windows-1251" : "KOI8-R";
    }
    if (cyrillic_share(bytes, koi8r_letter) >= 0.9) return "KOI8-R";
    if (cyrillic_share(bytes, cp866_letter) >= 0.9) return "CP866 (DOS)";
    return {};
}

// One pass over UTF-8 bytes: the first byte that breaks UTF-8 or XML 1.0's
// Char production, and the number of start tags (to cap tree memory before parsing).
struct Scan {
    std::size_t bad_offset = std::string::npos;
    std::string problem;  // Russian, without position
    std::size_t start_tags = 0;
};

Scan scan_utf8(std::string_view s) {
    Scan scan;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b == 0) {
                scan.bad_offset = i;
                scan.problem = "файл содержит байт 0x00: это двоичный файл или текст в UTF-16 без метки BOM. "
                               "Сохраните запись как текст XML в кодировке UTF-8";
                return scan;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                scan.bad_offset = i;
                scan.problem = "управляющий символ " + code_point(b) +
                               " не допускается в XML 1.0; удалите его (часто он попадает при копировании из другой программы)";
                return scan;
            }
            if (b == '<' && i + 1 < n) {
                auto c = static_cast<unsigned char>(s[i + 1]);
                if (c != '/' && c != '!' && c != '?') ++scan.start_tags;
            }
            ++i;
            continue;
        }
        int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
        char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = len != 0 && i + static_cast<std::size_t>(len) <= n;
        for (int k = 1; ok && k < len; ++k) {
            auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (ok) ok = !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
                     !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok) {
            scan.bad_offset = i;
            std::string guess = guess_encoding(s);
            std::string bytes;
            for (std::size_t k = i; k < std::min(n, i + 4); ++k) bytes += (bytes.empty() ? "" : " ") + hex_byte(static_cast<unsigned char>(s[k]));
            scan.problem = "файл не в кодировке UTF-8 (байты " + bytes + ")";
            if (!guess.empty()) scan.problem += "; похоже на " + guess;
            scan.problem += ". Файл не перекодируется молча: сохраните его в UTF-8 (в Блокноте: «Сохранить как» → "
                            "кодировка UTF-8) или укажите настоящую кодировку в первой строке: "
                            "<?xml version=\"1.0\" encoding=\"windows-1251\"?>";
            return scan;
        }
        if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x80 && cp <= 0x9F)) {
            scan.bad_offset = i;
            scan.problem = "символ " + code_point(cp) + " не допускается в записях (XML 1.0); удалите его";
            return scan;
        }
        i += static_cast<std::size_t>(len);
    }
    return scan;
}

std::vector<std::size_t> line_starts_of(std::string_view s) {
    std::vector<std::size_t> starts{0};
    for (std::size_t at = s.find('\n'); at != std::string_view::npos; at = s.find('\n', at + 1)) starts.push_back(at + 1);
    return starts;
}

// Line and column (in characters) of a byte offset, given where the lines start.
Position position_in(std::string_view bytes, const std::vector<std::size_t>& starts, const std::string& path,
                     std::size_t offset) {
    offset = std::min(offset, bytes.size());
    auto line = std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin();
    int column = 1;
    for (std::size_t i = starts[static_cast<std::size_t>(line - 1)]; i < offset; ++i)
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++column;
    return {path, static_cast<int>(line), column};
}

Position position_in(std::string_view bytes, const std::string& path, std::size_t offset) {
    return position_in(bytes, line_starts_of(bytes.substr(0, std::min(offset, bytes.size()))), path, offset);
}

// libxml2 calls this when it meets <!DOCTYPE: stop before any declaration is read.
void refuse_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* parser = static_cast<xmlParserCtxtPtr>(ctx);
    xmlStopParser(parser);
    parser->wellFormed = 0;
    parser->errNo = XML_ERR_USER_STOP;
}

// Russian wording of libxml2's well-formedness errors; the English original follows for the rare rest.
std::string parser_message(const xmlError& e) {
    std::string s1 = e.str1 ? e.str1 : "";
    std::string s2 = e.str2 ? e.str2 : "";
    std::string original = e.message ? e.message : "";
    while (!original.empty() && (original.back() == '\n' || original.back() == ' ')) original.pop_back();
    switch (e.code) {
        case XML_ERR_DOCUMENT_EMPTY: return "файл пуст: в нём нет ни одного элемента";
        case XML_ERR_DOCUMENT_START: return "файл не начинается с XML: первым должно идти <?xml …?> или корневой элемент";
        case XML_ERR_DOCUMENT_END:
            return "лишнее содержимое после конца записи: у записи должен быть один корневой элемент";
        case XML_ERR_UNDECLARED_ENTITY:
        case XML_WAR_UNDECLARED_ENTITY:
            return "неизвестная ссылка на сущность &" + s1 + ";. В записях допустимы только &lt; &gt; &amp; &quot; &apos; "
                   "и числовые ссылки; знак & в тексте пишите как &amp;";
        case XML_ERR_NAME_REQUIRED:
            if (original.find("EntityRef") == std::string::npos) return "ожидается имя элемента или атрибута: " + original;
            [[fallthrough]];
        case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        case XML_ERR_ENTITYREF_NO_NAME:
            return "знак & в тексте пишите как &amp; (после & ожидается имя сущности и «;»)";
        case XML_ERR_TAG_NAME_MISMATCH:
            return "закрывающий тег </" + s2 + "> не соответствует открытому <" + s1 + "> (строка " +
                   std::to_string(e.int1) + ")";
        case XML_ERR_TAG_NOT_FINISHED:
            return "файл оборван: элемент <" + s1 + "> не закрыт";
        case XML_ERR_GT_REQUIRED: return "ожидается «>» в конце тега";
        case XML_ERR_LT_IN_ATTRIBUTE: return "знак < в значении атрибута: пишите его как &lt;";
        case XML_ERR_ATTRIBUTE_NOT_STARTED:
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
            return "значение атрибута должно быть в кавычках: имя=\"значение\"";
        case XML_ERR_ATTRIBUTE_REDEFINED: return "атрибут " + s1 + " указан дважды";
        case XML_ERR_RESERVED_XML_NAME:
            return "объявление <?xml …?> должно стоять в самом начале файла: удалите пустые строки и пробелы перед ним";
        case XML_ERR_UNSUPPORTED_ENCODING:
            return "неизвестная кодировка «" + s1 + "» в объявлении XML; используйте UTF-8";
        case XML_NS_ERR_UNDEFINED_NAMESPACE: return "префикс пространства имён не объявлен: " + original;
        case XML_ERR_INVALID_CHARREF:
        case XML_ERR_INVALID_CHAR:
            if (original.find("CharRef") != std::string::npos)
                return "числовая ссылка обозначает символ, недопустимый в XML 1.0 (" + original + ")";
            return "недопустимый символ: " + original;
        case XML_ERR_ENTITY_LOOP: return "зацикленные или слишком большие сущности";
        default: break;
    }
    if (original.find("Excessive depth") != std::string::npos)
        return "слишком глубокая вложенность элементов (больше 256 уровней)";
    if (original.find("Premature end of data") != std::string::npos) return "файл оборван: " + original;
    return "нарушена XML-разметка: " + original;
}

// The first well-formedness error: libxml2 goes on after some errors, and the
// last one ("premature end") hides the cause.
struct FirstError {
    bool seen = false;
    xmlError error{};
    std::string message, str1, str2;
};

void keep_first_error(void* data, xmlErrorPtr error) {
    auto* parser = static_cast<xmlParserCtxtPtr>(data);
    auto* first = static_cast<FirstError*>(parser->_private);
    if (first->seen || !error || error->level < XML_ERR_ERROR) return;
    first->seen = true;
    first->error = *error;
    first->message = error->message ? error->message : "";
    first->str1 = error->str1 ? error->str1 : "";
    first->str2 = error->str2 ? error->str2 : "";
    first->error.message = first->message.data();
    first->error.str1 = first->str1.data();
    first->error.str2 = first->str2.data();
    first->error.str3 = nullptr;
    first->error.file = nullptr;
    first->error.node = nullptr;
    first->error.ctxt = nullptr;
}

// Rejects text and attribute values longer than the cap (libxml2 2.9.14 lets
// single text nodes of any size through).
void check_value_sizes(const XmlFile& file, xmlNode* node, const Limits& limits, std::vector<Diagnostic>& out) {
    for (xmlNode* n = node; n; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
            std::strlen(reinterpret_cast<const char*>(n->content)) > limits.max_value_bytes) {
            Node parent(n->parent);
            out.push_back(data_error("value-too-long", position_of(file, parent),
                                     "текст элемента <" + std::string(parent.name()) + "> длиннее " +
                                         std::to_string(limits.max_value_bytes) + " байт; такие значения не принимаются"));
            return;
        }
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttr* a = n->properties; a; a = a->next) {
                xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
                std::size_t size = v ? std::strlen(reinterpret_cast<const char*>(v)) : 0;
                xmlFree(v);
                if (size > limits.max_value_bytes) {
                    out.push_back(data_error("value-too-long", position_of(file, Node(n)),
                                             "значение атрибута " + std::string(as_view(a->name)) + " длиннее " +
                                                 std::to_string(limits.max_value_bytes) + " байт"));
                    return;
                }
            }
            check_value_sizes(file, n->children, limits, out);
        }
    }
}

}  // namespace

namespace {

// The text of some lines of a file: from its bytes, or read again from disk
// when the bytes were let go after parsing (a big record keeps only its tree).
struct LineWindow {
    std::string storage;
    std::string_view text;  // the bytes from offset `base` on
    std::size_t base = 0;
};

LineWindow lines_of(const XmlFile& file, std::size_t first_line, std::size_t last_line) {
    LineWindow window;
    if (!file.bytes.empty() || file.source.empty()) {
        window.text = file.bytes;
        return window;
    }
    window.base = file.line_starts[first_line];
    const std::size_t end =
        last_line + 1 < file.line_starts.size() ? file.line_starts[last_line + 1] : static_cast<std::size_t>(-1);
    std::ifstream in(file.source, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(window.base));
    if (end == static_cast<std::size_t>(-1)) {
        window.storage.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else {
        window.storage.resize(end - window.base);
        in.read(window.storage.data(), static_cast<std::streamsize>(window.storage.size()));
        window.storage.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    }
    window.text = window.storage;
    return window;
}

}  // namespace

Position position_of(const XmlFile& file, Node node) {
    int line = node.line();
    if (line <= 0 || static_cast<std::size_t>(line) > file.line_starts.size()) return {file.path, std::max(line, 0), 0};
    // Find "<name" on the node's line, or a few lines before it for a start tag spread over lines.
    std::string tag = "<";
    if (node.raw()->ns && node.raw()->ns->prefix) tag += std::string(as_view(node.raw()->ns->prefix)) + ":";
    tag += std::string(node.name());
    const auto index = static_cast<std::size_t>(line - 1);
    const LineWindow window = lines_of(file, index >= 32 ? index - 32 : 0, index);
    const std::string_view bytes = window.text;
    const std::size_t base = window.base;
    const std::size_t line_start = file.line_starts[index] - base;
    const std::size_t line_end =
        std::min(bytes.size(), index + 1 < file.line_starts.size() ? file.line_starts[index + 1] - base : bytes.size());
    auto is_tag_at = [&](std::size_t at) {
        std::size_t after = at + tag.size();
        return after >= bytes.size() || std::strchr(" \t\r\n/>", bytes[after]) != nullptr;
    };
    auto at = [&](std::size_t local) {
        const std::size_t global = base + local;
        const auto l = static_cast<std::size_t>(
            std::upper_bound(file.line_starts.begin(), file.line_starts.end(), global) - file.line_starts.begin());
        int column = 1;
        for (std::size_t i = file.line_starts[l - 1] - base; i < local; ++i)
            if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++column;
        return Position{file.path, static_cast<int>(l), column};
    };
    // Several elements of one name on a line: take the one this node is among its siblings.
    int skip = 0;
    for (xmlNode* n = node.raw()->prev; n; n = n->prev)
        if (n->type == XML_ELEMENT_NODE && Node(n).name() == node.name() && Node(n).line() == line) ++skip;
    for (std::size_t p = bytes.find(tag, line_start); p != std::string_view::npos && p < line_end; p = bytes.find(tag, p + 1))
        if (is_tag_at(p) && skip-- == 0) return at(p);
    for (std::size_t p = bytes.rfind(tag, line_start); p != std::string_view::npos;
         p = p == 0 ? std::string_view::npos : bytes.rfind(tag, p - 1))
        if (is_tag_at(p)) return at(p);
    return {file.path, line, 0};
}

namespace {

using Parser = std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)>;

// The push parser of every read: DOCTYPE refused as soon as it is met, the first
// error kept. `head` is the first bytes of the file, enough to detect the encoding.
Parser open_parser(std::string_view head, const std::string& display, XmlUse use, FirstError& first) {
    Parser parser(xmlCreatePushParserCtxt(nullptr, nullptr, head.data(), static_cast<int>(head.size()), display.c_str()),
                  xmlFreeParserCtxt);
    if (!parser) throw std::bad_alloc();
    parser->sax->internalSubset = refuse_doctype;
    parser->_private = &first;
    parser->sax->serror = keep_first_error;
    // No entity substitution, no DTD loading, no network, no XInclude, no HUGE: see docs/security.md.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
    // Records: no whitespace-only nodes between elements, short texts stored in
    // their nodes: a 100 000-item roadmap takes 10 % less memory (bench/README.md).
    if (use == XmlUse::record) options |= XML_PARSE_NOBLANKS | XML_PARSE_COMPACT;
    xmlCtxtUseOptions(parser.get(), options);
    return parser;
}

// A record read from disk in chunks straight into the parser, so that its bytes
// are never held whole beside its tree (a sixth of the peak memory of a big
// record, bench/README.md). Only the common case is taken: a UTF-8 file without
// BOM that parses cleanly within the limits. Anything else gives nullopt, and the
// caller reads the file whole, which finds the same problem and reports it exactly.
std::optional<XmlFile> stream_record(std::istream& in, const std::filesystem::path& path, const std::string& display,
                                     const Limits& limits) {
    constexpr std::size_t chunk = 64u << 10;
    XmlFile file{display, {}, XmlDocPtr(nullptr), {0}, path};
    FirstError first;
    Parser parser(nullptr, xmlFreeParserCtxt);
    // A read given up half way frees the part of the tree built so far
    // (xmlFreeParserCtxt leaves myDoc alone).
    struct DropPartialTree {
        Parser& parser;
        ~DropPartialTree() {
            if (parser && parser->myDoc) xmlFreeDoc(parser->myDoc);
            if (parser) parser->myDoc = nullptr;
        }
    } drop_partial_tree{parser};
    std::size_t offset = 0, start_tags = 0;
    std::string piece, carry;
    for (bool end = false; !end;) {
        piece.swap(carry);
        carry.clear();
        const std::size_t had = piece.size();
        piece.resize(had + chunk);
        in.read(piece.data() + had, static_cast<std::streamsize>(chunk));
        piece.resize(had + static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return std::nullopt;
        end = !in;
        if (!end) {
            // Cut after an ASCII byte other than '<': no character, and no "<name"
            // the scan counts, is split between two pieces.
            std::size_t cut = piece.size();
            while (cut > 0 && (static_cast<unsigned char>(piece[cut - 1]) >= 0x80 || piece[cut - 1] == '<')) --cut;
            carry.assign(piece, cut);
            piece.resize(cut);
        }
        if (offset == 0 && !piece.empty()) {
            if (starts_with(piece, "\xFF\xFE") || starts_with(piece, "\xFE\xFF") || starts_with(piece, "\xEF\xBB\xBF"))
                return std::nullopt;
            const std::string encoding = declared_encoding(piece);
            if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") return std::nullopt;
        }
        const Scan scan = scan_utf8(piece);
        start_tags += scan.start_tags;
        if (scan.bad_offset != std::string::npos || start_tags > limits.max_elements) return std::nullopt;
        for (std::size_t at = piece.find('\n'); at != std::string::npos; at = piece.find('\n', at + 1))
            file.line_starts.push_back(offset + at + 1);
        std::string_view rest(piece);
        if (!parser && !rest.empty()) {
            const std::size_t head = std::min<std::size_t>(rest.size(), 4);
            parser = open_parser(rest.substr(0, head), display, XmlUse::record, first);
            rest.remove_prefix(head);
        }
        if (!parser) continue;  // nothing read yet, or only a split character carried over
        xmlParseChunk(parser.get(), rest.data(), static_cast<int>(rest.size()), end ? 1 : 0);
        if (parser->disableSAX || parser->errNo == XML_ERR_USER_STOP) return std::nullopt;
        offset += piece.size();
        if (offset > limits.max_file_bytes) return std::nullopt;
    }
    if (!parser) return std::nullopt;
    file.doc.reset(parser->myDoc);
    parser->myDoc = nullptr;
    if (!file.doc || !parser->wellFormed) return std::nullopt;
    std::vector<Diagnostic> problems;
    check_value_sizes(file, xmlDocGetRootElement(file.doc.get()), limits, problems);
    if (!problems.empty()) return std::nullopt;
    return file;
}

}  // namespace

ReadResult read_xml_bytes(std::string bytes, std::string display, const Limits& limits, XmlUse use) {
    ReadResult result;
    auto fail = [&](std::string rule, std::size_t offset, std::string message) {
        result.diagnostics.push_back(data_error(std::move(rule), position_in(bytes, display, offset), std::move(message)));
        return std::move(result);
    };
    if (bytes.size() > limits.max_file_bytes)
        return fail("file-too-large", 0, "файл больше " + size_limit(limits.max_file_bytes) + "; такие записи не принимаются");
    if (bytes.empty()) return fail("xml-syntax", 0, "файл пуст: в нём нет ни одного элемента");

    const bool utf16 = starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
    const bool utf8_bom = starts_with(bytes, "\xEF\xBB\xBF");
    std::string_view body(bytes);
    if (utf8_bom) body.remove_prefix(3);
    const std::string encoding = utf16 ? std::string() : declared_encoding(body);
    const bool utf8 = !utf16 && (encoding.empty() || encoding == "utf-8" || encoding == "utf8");

    if (utf8_bom && !utf8)
        return fail("encoding", 0,
                    "файл начинается с метки UTF-8 (BOM), а в объявлении XML указана кодировка «" + encoding +
                        "»: одно из двух неверно. Сохраните файл в UTF-8 и укажите encoding=\"UTF-8\"");
    if (utf8) {
        Scan scan = scan_utf8(bytes);
        if (scan.bad_offset != std::string::npos) {
            std::string rule = scan.problem.rfind("файл не в кодировке", 0) == 0 ? "encoding" : "xml-char";
            return fail(rule, scan.bad_offset, scan.problem);
        }
        if (scan.start_tags > limits.max_elements)
            return fail("too-many-elements", 0,
                        "в файле больше " + std::to_string(limits.max_elements) + " элементов; такие записи не принимаются");
    }

    // A push parser fed in chunks: xmlCtxtReadMemory would first copy the whole
    // file into a buffer of its own (a third of the peak memory of a big record).
    const std::size_t first_chunk = std::min<std::size_t>(bytes.size(), 4);  // enough to detect the encoding
    FirstError first;
    Parser parser = open_parser(std::string_view(bytes).substr(0, first_chunk), display, use, first);
    constexpr std::size_t chunk = 64u << 10;
    for (std::size_t at = first_chunk;; at += chunk) {
        const std::size_t size = std::min(chunk, bytes.size() - at);
        const bool last = at + size >= bytes.size();
        xmlParseChunk(parser.get(), bytes.data() + at, static_cast<int>(size), last ? 1 : 0);
        if (last || parser->disableSAX || parser->errNo == XML_ERR_USER_STOP) break;
    }
    XmlDocPtr doc(parser->myDoc);
    parser->myDoc = nullptr;
    if (parser->errNo == XML_ERR_USER_STOP) {
        doc.reset();
        auto at = bytes.find("<!DOCTYPE");
        return fail("doctype", at == std::string::npos ? 0 : at,
                    "объявление <!DOCTYPE запрещено в записях: через него подключают внешние файлы и «взрывающиеся» "
                    "сущности. Удалите строку <!DOCTYPE …> и все ссылки &имя; на объявленные в ней сущности");
    }
    if (!doc || !parser->wellFormed) {
        doc.reset();
        const xmlError* e = first.seen ? &first.error : xmlCtxtGetLastError(parser.get());
        // The push parser calls a file that ends inside an element "extra content at the end".
        if (e && e->code == XML_ERR_DOCUMENT_END && parser->nameNr > 0 && parser->name)
            return fail("xml-syntax", bytes.size(),
                        "файл оборван: элемент <" + std::string(as_view(parser->name)) + "> не закрыт");
        Position where{display, e ? e->line : 0, e ? e->int2 : 0};
        std::string message = e ? parser_message(*e) : "нарушена XML-разметка";
        result.diagnostics.push_back(data_error("xml-syntax", where, message));
        return result;
    }
    XmlFile file{std::move(display), std::move(bytes), std::move(doc), {}, {}};
    file.line_starts = line_starts_of(file.bytes);
    check_value_sizes(file, xmlDocGetRootElement(file.doc.get()), limits, result.diagnostics);
    if (result.diagnostics.empty()) result.file = std::move(file);
    return result;
}

ReadResult read_xml_file(const std::filesystem::path& path, const Limits& limits, XmlUse use) {
    ReadResult result;
    const std::string display = path.string();
    auto io_error = [&](std::string rule, std::string message) {
        result.diagnostics.push_back({Severity::error, Category::io, std::move(rule), {display, 0, 0}, std::move(message)});
        return std::move(result);
    };
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) return io_error("file-missing", "файл не найден; проверьте путь");
    if (std::filesystem::is_directory(status)) return io_error("file-unreadable", "это папка, а не файл записи");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        int err = errno;
        std::string reason = err == EACCES ? "нет прав на чтение" : std::strerror(err);
        return io_error("file-unreadable", "файл не открывается на чтение (" + reason + "); проверьте права доступа");
    }
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.max_file_bytes) {
        result.diagnostics.push_back(data_error("file-too-large", {display, 0, 0},
                                                "файл больше " + size_limit(limits.max_file_bytes) +
                                                    "; такие записи не принимаются"));
        return result;
    }
    if (use == XmlUse::record && !ec) {
        if (std::optional<XmlFile> streamed = stream_record(in, path, display, limits)) {
            result.file = std::move(streamed);
            return result;
        }
        in.clear();
        in.seekg(0);
    }
    std::string bytes;
    bytes.resize(ec ? 0 : size);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad() || static_cast<std::size_t>(in.gcount()) != bytes.size())
        return io_error("file-unreadable", "файл не удалось прочитать целиком");
    ReadResult read = read_xml_bytes(std::move(bytes), display, limits, use);
    // A record keeps only its tree; columns for diagnostics are read again from the file.
    if (read.file && use == XmlUse::record) {
        read.file->source = path;
        std::string().swap(read.file->bytes);
    }
    return read;
}

}  // namespace prikaz
