// The table of filters: the engine's own, then the Russian ones.
#include "template/filters.hpp"

#include "russian/filters.hpp"
#include "russian/text.hpp"
#include "text.hpp"
#include "xml.hpp"

#include <array>
#include <optional>

namespace prikaz::expr {

namespace {

// Blank as the evaluator sees it: nothing but ASCII whitespace and U+00A0.
bool blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
        if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

Value default_filter(const FilterContext& c) {
    if (c.input.is_undefined() || blank(c.input.to_text())) return c.arg(0);
    return c.input;
}

Value upper_filter(const FilterContext& c) { return russian::upper(c.input.to_text()); }
Value lower_filter(const FilterContext& c) { return russian::lower(c.input.to_text()); }

Value join_filter(const FilterContext& c) {
    // A list that is not there is a mistake to report, not an empty line:
    // to_text() throws the message of an undefined path.
    if (c.input.is_undefined()) (void)c.input.to_text();
    const std::string separator = c.arg_text(0, ", ");
    std::vector<std::string> texts(c.attributes.begin(), c.attributes.end());
    if (texts.empty())
        for (const Value& item : c.input.items()) texts.push_back(item.to_text());
    std::string joined;
    for (std::size_t k = 0; k < texts.size(); ++k) joined += (k ? separator : std::string()) + texts[k];
    return joined;
}

Value one_line_filter(const FilterContext& c) { return text::one_line(c.input.to_text()); }

// The text of an element's child `name`, else of its attribute `name`; nullopt when it has neither.
// A dotted name walks children first: "status.state" is the state attribute of <status>.
std::optional<std::string> field_of(xmlNode* node, const std::string& name) {
    if (const std::size_t dot = name.find('.'); dot != std::string::npos) {
        const Node child = Node(node).child(std::string_view(name).substr(0, dot));
        return child ? field_of(child.raw(), name.substr(dot + 1)) : std::nullopt;
    }
    const Node element(node);
    if (const Node child = element.child(name)) return text::trim(child.text());
    if (element.has_attr(name.c_str())) return text::trim(element.attr(name.c_str()));
    return std::nullopt;
}

// The elements whose field (child or attribute) equals the value; with no value,
// those that have the field at all: count(registry.pairs.pair | where("form", "pupil-pupil")).
Value where_filter(const FilterContext& c) {
    if (c.input.is_undefined()) (void)c.input.to_text();  // reports the path as written
    const Value::Nodes* nodes = c.input.as_nodes();
    if (!nodes) throw EvalError("фильтр «where» отбирает элементы записи, а получил «" + text::shorten(c.input.to_text(), 40) + "»");
    const std::string name = c.arg_text(0);
    const std::optional<std::string> wanted = c.arg_count > 1 ? std::optional<std::string>(text::trim(c.arg_text(1))) : std::nullopt;
    Value::Nodes kept;
    for (xmlNode* node : *nodes) {
        if (!node || node->type != XML_ELEMENT_NODE) continue;
        const std::optional<std::string> field = field_of(node, name);
        if (field && (!wanted || *field == *wanted)) kept.push_back(node);
    }
    return kept;
}

// ids → the elements they name: "s3-kuzmina" or "s3-kuzmina s3-belova", or the
// attribute of every node after a path (item.responsible.persons).
Value ref_filter(const FilterContext& c) {
    std::vector<std::string> ids(c.attributes.begin(), c.attributes.end());
    if (ids.empty()) ids.push_back(c.input.to_text());  // throws for an undefined path
    Value::Nodes nodes;
    for (const std::string& id : ids) {
        std::optional<Value::Nodes> found = c.scope ? c.scope->resolve(id) : std::nullopt;
        if (!found)
            throw EvalError("«" + id + "» — не id человека, организации или записи из папки записи; "
                            "проверьте ссылку (prikaz check покажет, какой записи не хватает)");
        nodes.insert(nodes.end(), found->begin(), found->end());
    }
    return nodes;
}

constexpr std::array<FilterSpec, 7> core_filters{{
    {"default", 1, 1, default_filter},
    {"upper", 0, 0, upper_filter},
    {"lower", 0, 0, lower_filter},
    {"join", 0, 1, join_filter},
    {"ref", 0, 0, ref_filter},
    {"one_line", 0, 0, one_line_filter},
    {"where", 1, 2, where_filter},
}};

// "один аргумент", "двух аргументов": counts up to four, as filters take.
std::string arguments(std::size_t n, bool genitive) {
    constexpr std::array<std::string_view, 5> nominative{"ни одного аргумента", "один аргумент", "два аргумента",
                                                         "три аргумента", "четыре аргумента"};
    constexpr std::array<std::string_view, 5> of{"ни одного аргумента", "одного аргумента", "двух аргументов",
                                                 "трёх аргументов", "четырёх аргументов"};
    if (n < nominative.size()) return std::string(genitive ? of[n] : nominative[n]);
    return std::to_string(n) + " аргументов";
}

}  // namespace

const FilterSpec* find_filter(std::string_view name) {
    for (const FilterSpec& f : core_filters)
        if (f.name == name) return &f;
    for (const FilterSpec& f : russian::filters())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::string> filter_names() {
    std::vector<std::string> names;
    for (const FilterSpec& f : core_filters) names.emplace_back(f.name);
    for (const FilterSpec& f : russian::filters()) names.emplace_back(f.name);
    return names;
}

std::string argument_count_error(const FilterSpec& filter, std::size_t count) {
    if (count >= filter.min_args && count <= filter.max_args) return {};
    const std::string head = "фильтр «" + std::string(filter.name) + "» ";
    if (filter.max_args == 0) return head + "не принимает аргументов";
    if (filter.min_args == filter.max_args) return head + "ждёт " + arguments(filter.min_args, false);
    if (filter.min_args == 0) return head + "ждёт не больше " + arguments(filter.max_args, true);
    return head + "ждёт от " + arguments(filter.min_args, true).substr(0, arguments(filter.min_args, true).find(' ')) +
           " до " + arguments(filter.max_args, true);
}

}  // namespace prikaz::expr
