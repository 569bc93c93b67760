#include "template/lex.hpp"

#include "text.hpp"

namespace prikaz {

namespace {

// Maps offsets of the joined text to the node they came from.
class Joined {
public:
    explicit Joined(const std::vector<std::string_view>& texts) {
        for (std::string_view t : texts) {
            starts_.push_back(text_.size());
            text_ += t;
        }
        starts_.push_back(text_.size());
    }
    const std::string& text() const { return text_; }
    // The node holding the character at a joined offset: a tag begins in the run where its "{" is.
    TextPlace place(std::size_t offset) const {
        std::size_t node = 0;
        while (!(starts_[node] <= offset && offset < starts_[node + 1])) ++node;
        return {node, offset - starts_[node]};
    }
    // The node holding the character just before `end`, and the offset past it.
    TextPlace end_place(std::size_t end) const {
        TextPlace last = place(end - 1);
        return {last.node, last.offset + 1};
    }

private:
    std::string text_;
    std::vector<std::size_t> starts_;  // one per node, and the total length
};

}  // namespace

LexResult lex_paragraph(const std::vector<std::string_view>& texts) {
    LexResult result;
    if (texts.empty()) return result;
    Joined joined(texts);
    const std::string& s = joined.text();
    std::size_t at = 0;
    while (at < s.size()) {
        std::size_t open = s.find('{', at);
        // A closing delimiter with no opening one is a slip worth reporting.
        for (std::string_view closer : {"}}", "%}", "#}"}) {
            std::size_t stray = s.find(closer, at);
            if (stray != std::string::npos && stray < open) {
                result.error = "«" + std::string(closer) + "» без открывающего «" +
                               (closer == "}}" ? std::string("{{") : closer == "%}" ? std::string("{%") : std::string("{#")) +
                               "»";
                result.error_rule = "unopened-tag";
                return result;
            }
        }
        if (open == std::string::npos || open + 1 >= s.size()) break;
        const char second = s[open + 1];
        TagKind kind;
        std::string_view closer;
        if (second == '{') {
            kind = TagKind::value;
            closer = "}}";
        } else if (second == '%') {
            kind = TagKind::statement;
            closer = "%}";
        } else if (second == '#') {
            kind = TagKind::comment;
            closer = "#}";
        } else {
            at = open + 1;
            continue;
        }
        std::size_t close = s.find(closer, open + 2);
        if (close == std::string::npos) {
            result.error = "тег «" + s.substr(open, 2) + "» не закрыт: нет «" + std::string(closer) +
                           "» до конца абзаца (тег не может переходить в другой абзац)";
            result.error_rule = "unclosed-tag";
            return result;
        }
        result.tags.push_back({kind, text::trim(std::string_view(s).substr(open + 2, close - open - 2)), joined.place(open),
                               joined.end_place(close + 2)});
        at = close + 2;
    }
    return result;
}

}  // namespace prikaz
