#include "rules.hpp"

#include "deadline.hpp"
#include "russian/names.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <unordered_map>

namespace prikaz {

namespace {

// Diagnostics of one record, pointing at its elements.
class Report {
public:
    Report(const Record& record, std::vector<Diagnostic>& out) : record_(record), out_(out) {}
    void error(Node at, std::string rule, std::string message) { add(Severity::error, at, std::move(rule), std::move(message)); }
    void warning(Node at, std::string rule, std::string message) {
        add(Severity::warning, at, std::move(rule), std::move(message));
    }
    int line_of(Node n) const { return position_of(record_.file, n).line; }

private:
    void add(Severity s, Node at, std::string rule, std::string message) {
        out_.push_back({s, Category::data, std::move(rule), position_of(record_.file, at), std::move(message)});
    }
    const Record& record_;
    std::vector<Diagnostic>& out_;
};

using text::one_line;
using text::trim;

std::string join(const std::vector<int>& parts) {
    std::string out;
    for (int p : parts) out += (out.empty() ? "" : ".") + std::to_string(p);
    return out;
}

std::string year_span(int from, int to) { return from == to ? std::to_string(from) + " г." : std::to_string(from) + "–" + std::to_string(to) + " гг."; }

// ---------------------------------------------------------------- references

// What an attribute refers to, by its name.
enum class RefKind { person, organization, order, roadmap, record };

std::optional<RefKind> reference_kind(std::string_view attribute) {
    if (attribute == "person" || attribute == "persons" || attribute == "mentor" || attribute == "mentee" ||
        attribute == "curator")
        return RefKind::person;
    if (attribute == "organization" || attribute == "organizations") return RefKind::organization;
    if (attribute == "order") return RefKind::order;
    if (attribute == "roadmap") return RefKind::roadmap;
    if (attribute == "record") return RefKind::record;
    return std::nullopt;
}

bool fits(const IdTarget& target, RefKind kind) {
    switch (kind) {
        case RefKind::person: return target.kind == IdTarget::Kind::person;
        case RefKind::organization:
            return target.kind == IdTarget::Kind::record && target.record->kind == RecordKind::organization;
        case RefKind::order: return target.kind == IdTarget::Kind::record && target.record->kind == RecordKind::order;
        case RefKind::roadmap: return target.kind == IdTarget::Kind::record && target.record->kind == RecordKind::roadmap;
        case RefKind::record: return target.kind == IdTarget::Kind::record;
    }
    return false;
}

std::string_view what(RefKind kind) {
    switch (kind) {
        case RefKind::person: return "человека";
        case RefKind::organization: return "организацию";
        case RefKind::order: return "приказ";
        case RefKind::roadmap: return "дорожную карту";
        case RefKind::record: return "запись";
    }
    return "запись";
}

std::string_view where_defined(RefKind kind) {
    switch (kind) {
        case RefKind::person: return "людей перечисляют в <people> записи организации";
        case RefKind::organization: return "организация — это отдельная запись <organization>";
        default: return "запись должна быть среди проверяемых файлов";
    }
}

std::vector<std::string> split_ids(const std::string& value) {
    std::vector<std::string> ids;
    std::string current;
    for (char c : value + ' ') {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!current.empty()) ids.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return ids;
}

void check_references(const RecordSet& set, const Record& record, Node node, const std::set<std::string>& local_ids,
                      Report& report) {
    for (xmlAttr* a = node.raw()->properties; a; a = a->next) {
        std::string_view name = as_view(a->name);
        // The root's own "organization" of a registry or monitoring is a reference too; its "id" is not.
        if (name == "programme") {
            std::string id = node.attr("programme");
            if (!local_ids.count(id))
                report.error(node, "unknown-reference",
                             "ссылка на неизвестную программу «" + id + "»: в этом реестре нет <programme id=\"" + id + "\">");
            continue;
        }
        auto kind = reference_kind(name);
        if (!kind) continue;
        for (const std::string& id : split_ids(node.attr(reinterpret_cast<const char*>(a->name)))) {
            auto it = set.ids.find(id);
            if (it == set.ids.end()) {
                report.error(node, "unknown-reference",
                             "ссылка на неизвестн" + std::string(*kind == RefKind::person ? "ого " : "ую ") +
                                 std::string(what(*kind)) + " «" + id + "» (атрибут " + std::string(name) +
                                 "): такого id нет в проверяемых записях; " + std::string(where_defined(*kind)));
            } else if (!fits(it->second, *kind)) {
                report.error(node, "unknown-reference",
                             "«" + id + "» в атрибуте " + std::string(name) + " должно указывать на " +
                                 std::string(what(*kind)) + ", а это id другой записи или человека");
            }
        }
    }
    for (Node child : node.children()) check_references(set, record, child, local_ids, report);
}

// ---------------------------------------------------------------- texts

// Words with an element among them (<text>Назначить <person …/>.</text>): a text of its own.
bool running_text(Node node) {
    for (xmlNode* c = node.raw()->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && !trim(as_view(c->content)).empty()) return true;
    return false;
}

// Calls f(element, text) for every element without element children and every running
// text with elements inside: the texts of a record.
template <class F>
void each_text(Node node, F&& f) {
    for (Node child : node.children()) {
        if (!child.has_element_children()) {
            f(child, child.text());
            continue;
        }
        if (running_text(child)) f(child, child.text());
        each_text(child, f);
    }
}

// An element present but blank is a slip of data entry; an empty cell of the
// source is an absent element instead. Cells of plain tables may be empty.
void check_empty_text(Node leaf, const std::string& text, Report& report) {
    if (leaf.name() == "cell" || leaf.raw()->properties) return;
    if (trim(text).empty())
        report.error(leaf, "empty-text",
                     "элемент <" + std::string(leaf.name()) +
                         "> пуст: впишите текст или удалите элемент, если в документе этой графы нет");
}

// «ёлочки» and straight quotes must close what they open.
void check_quotes(Node child, const std::string& text, Report& report) {
    std::vector<std::size_t> open;  // byte offsets of unclosed «
    std::optional<std::size_t> stray_close;
    std::size_t straight = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xAB") == 0) {
            open.push_back(i);
        } else if (text.compare(i, 2, "\xC2\xBB") == 0) {
            if (!open.empty()) open.pop_back();
            else if (!stray_close) stray_close = i;
        } else if (text[i] == '"') {
            ++straight;
        }
    }
    const std::string element = "<" + std::string(child.name()) + ">";
    if (stray_close) {
        // Show the text that leads up to the stray quote.
        std::size_t from = *stray_close;
        for (int chars = 0; from > 0 && chars < 50; ++chars) {
            --from;
            while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
        }
        if (from > 0)  // start at a word
            if (auto space = text.find(' ', from); space < *stray_close) from = space + 1;
        report.warning(child, "unbalanced-quotes",
                       "в " + element + " закрывающая кавычка » стоит без открывающей, текст: " + (from > 0 ? "…" : "") +
                           one_line(text.substr(from, *stray_close + 2 - from)) +
                           (*stray_close + 2 < text.size() ? "…" : "") + " — проверьте, где начинается название");
    } else if (!open.empty()) {
        report.warning(child, "unbalanced-quotes",
                       "в " + element + " кавычка « не закрыта, текст: " + text::shorten(std::string_view(text).substr(open.front()), 60) +
                           " — проверьте, где кончается название");
    } else if (straight % 2 != 0) {
        report.warning(child, "unbalanced-quotes",
                       "в " + element + " нечётное число кавычек \"; проверьте, где кончается название");
    }
}

// ---------------------------------------------------------------- numbering

// Numbers of one list in document order: duplicates, gaps, order. Items are
// grouped by their prefix ("1.1", "1.2" belong to "1"); single numbers that
// restart at 1 in a new section start a new run.
class Numbering {
public:
    Numbering(Report& report, std::string noun) : report_(report), noun_(std::move(noun)) {}

    void start_section() { new_section_ = true; }

    void add(Node node, const std::string& written) {
        std::vector<int> parts = number_components(written);
        if (parts.empty()) return;
        const std::string full = join(parts);
        const std::vector<int> key = prefix(parts);
        // Single numbers that start again at 1 in a new section: a new list.
        const bool restart = key.empty() && new_section_ && parts.back() == 1 && last_.count(key);
        new_section_ = false;
        if (restart) {
            first_.clear();
            first_long_.clear();
            last_.erase(key);
        }
        if (const Node* seen = first_seen(parts, full)) {
            report_.warning(node, "duplicate-number",
                            "номер " + noun_ + " " + full + " повторяется: он уже есть в строке " +
                                std::to_string(report_.line_of(*seen)) +
                                ". Пункты с одинаковыми номерами путают исполнителей");
            last_[key] = parts.back();
            return;
        }
        remember(parts, full, node);
        auto it = last_.find(key);
        const int expected = it == last_.end() ? 1 : it->second + 1;
        if (parts.back() > expected) {
            std::vector<int> missing = key;
            missing.push_back(expected);
            std::string range = join(missing);
            if (parts.back() - 1 > expected) {
                missing.back() = parts.back() - 1;
                range += "–" + join(missing);
            }
            report_.warning(node, "number-gap",
                            "пропущен номер " + noun_ + ": после " +
                                (expected == 1 ? std::string("начала") : join(with_last(key, expected - 1))) + " идёт " + full +
                                ", а " + range + " нет");
        } else if (parts.back() < expected) {
            report_.warning(node, "number-order",
                            "нарушен порядок номеров: " + full + " стоит после " + join(with_last(key, expected - 1)));
        }
        last_[key] = parts.back();
    }

private:
    static std::vector<int> prefix(const std::vector<int>& parts) { return {parts.begin(), parts.end() - 1}; }
    static std::vector<int> with_last(std::vector<int> key, int last) {
        key.push_back(last);
        return key;
    }
    // Where each number was first seen. Up to four parts below 65 535 fit in 64
    // bits (every number of the seeds does): such keys keep the map of a
    // 100 000-item roadmap at half the memory of string keys.
    static std::optional<std::uint64_t> packed(const std::vector<int>& parts) {
        if (parts.size() > 4) return std::nullopt;
        std::uint64_t key = 0;
        for (int part : parts) {
            if (part < 0 || part >= 0xFFFF) return std::nullopt;
            key = key << 16 | static_cast<std::uint64_t>(part + 1);  // +1: "1" and "0.1" differ
        }
        return key;
    }
    const Node* first_seen(const std::vector<int>& parts, const std::string& full) const {
        if (auto key = packed(parts)) {
            auto it = first_.find(*key);
            return it == first_.end() ? nullptr : &it->second;
        }
        auto it = first_long_.find(full);
        return it == first_long_.end() ? nullptr : &it->second;
    }
    void remember(const std::vector<int>& parts, const std::string& full, Node node) {
        if (auto key = packed(parts)) first_.emplace(*key, node);
        else first_long_.emplace(full, node);
    }

    Report& report_;
    std::string noun_;
    std::map<std::vector<int>, int> last_;
    std::unordered_map<std::uint64_t, Node> first_;
    std::unordered_map<std::string, Node> first_long_;
    bool new_section_ = false;
};

void check_order_numbering(Node parent, Report& report) {
    Numbering items(report, "пункта");
    for (Node child : parent.children()) {
        if (child.name() == "item" || child.name() == "control") {
            if (child.has_attr("number")) items.add(child, child.attr("number"));
        }
        if (child.name() == "item") check_order_numbering(child, report);
    }
}

// ---------------------------------------------------------------- dates

std::optional<Date> parse_iso(const std::string& s) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
    return Date{y, m, d};
}

Date school_year_start(Date d) { return {d.month >= 9 ? d.year : d.year - 1, 9, 1}; }

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
    return buf;
}

// The span of years a document's deadlines may plausibly fall into, and how it was found.
struct Window {
    int from_year;
    int to_year;
    std::string basis;  // Russian, for the message
};

Deadline read_item_deadline(Node deadline, const DeadlineContext& context) {
    Deadline d = read_deadline(deadline.text(), context);
    if (deadline.has_attr("kind"))
        if (auto kind = deadline_kind_from_string(deadline.attr("kind"))) d.kind = *kind;
    if (deadline.has_attr("from")) d.from = parse_iso(deadline.attr("from"));
    if (deadline.has_attr("to")) d.to = parse_iso(deadline.attr("to"));
    if (d.kind == DeadlineKind::free && (d.from || d.to)) d.kind = DeadlineKind::period;
    return d;
}

// Deadlines of a plan or an order: unreadable wording, and years far from the document's period.
void check_deadlines(const std::vector<Node>& deadlines, const DeadlineContext& context, std::optional<Window> window,
                     Report& report) {
    // The years each dated deadline covers; a big plan has many, so only those are kept.
    struct Years {
        Node node;
        int first, last;
    };
    std::vector<Years> dated;
    dated.reserve(deadlines.size());
    for (Node node : deadlines) {
        Deadline d = read_item_deadline(node, context);
        if (!d.readable())
            report.warning(node, "deadline-unreadable",
                           "срок «" + one_line(d.written) +
                               "» не читается как дата или период: он будет напечатан как есть, но просрочку по нему не "
                               "определить. Запишите его, например, «Май 2022 г.», «До 30.09.2022», «В течение года» "
                               "или добавьте атрибуты from/to");
        if (d.from || d.to) dated.push_back({node, (d.from ? *d.from : *d.to).year, (d.to ? *d.to : *d.from).year});
    }
    if (!window) {
        // No stated period: take the middle of the deadlines' years.
        std::vector<int> years;
        for (const Years& y : dated) years.push_back(y.last);
        if (years.size() < 3) return;
        const auto half = (years.size() - 1) / 2;
        std::nth_element(years.begin(), years.begin() + static_cast<long>(half), years.end());
        int middle = years[half];
        window = Window{middle - 2, middle + 2, "остальные его сроки приходятся на " + std::to_string(middle) + " год"};
    }
    for (const Years& y : dated)
        if (y.last < window->from_year || y.first > window->to_year)
            report.warning(y.node, "date-out-of-period",
                           "срок «" + one_line(y.node.text()) + "» (" + year_span(y.first, y.last) +
                               ") далеко за пределами периода документа: " + window->basis +
                               "; возможно, опечатка в годе");
}

// ---------------------------------------------------------------- records

void check_roadmap(const Record& record, Report& report) {
    Node root = record.root();
    // The period: stated, or the school year of the approval.
    DeadlineContext context;
    std::optional<Window> window;
    Node period = root.child("period");
    if (period) {
        if (period.has_attr("school-year")) {
            int y = std::atoi(period.attr("school-year").c_str());
            context.period_from = Date{y, 9, 1};
            context.period_to = Date{y + 1, 8, 31};
        }
        if (period.has_attr("from")) context.period_from = parse_iso(period.attr("from"));
        if (period.has_attr("to")) context.period_to = parse_iso(period.attr("to"));
        if (context.period_from && context.period_to)
            window = Window{context.period_from->year - 1, context.period_to->year + 1,
                            "он рассчитан на " + year_span(context.period_from->year, context.period_to->year)};
    } else if (auto approved = parse_iso(trim(root.child("approval").child("date").text()))) {
        Date start = school_year_start(*approved);
        context.period_from = start;
        context.period_to = Date{start.year + 1, 8, 31};
        window = Window{approved->year - 1, approved->year + 3, "документ утверждён " + format_date(*approved)};
    }

    // Columns.
    std::vector<std::string> fields;
    Node columns = root.child("columns");
    for (Node column : columns.children())
        if (column.name() == "column") fields.push_back(column.attr("field"));
    const bool stage_columns = std::find(fields.begin(), fields.end(), "stage") != fields.end();
    if (Node row = columns.child("number-row")) {
        std::vector<std::string> cells;
        for (Node cell : row.children()) cells.push_back(trim(cell.text()));
        bool right = cells.size() == fields.size();
        for (std::size_t i = 0; right && i < cells.size(); ++i) right = cells[i] == std::to_string(i + 1);
        if (!right) {
            std::string written;
            for (const auto& c : cells) written += (written.empty() ? "" : ", ") + (c.empty() ? std::string("(пусто)") : c);
            report.warning(row, "column-numbers",
                           "строка номеров столбцов «" + written + "» не совпадает со столбцами: их " +
                               std::to_string(fields.size()) + ", ожидается 1, 2, … " + std::to_string(fields.size()));
        }
    }

    // Sections and items in document order.
    Numbering sections(report, "раздела");
    Numbering items(report, "пункта");
    std::vector<Node> deadlines;
    auto visit_item = [&](Node item) {
        if (item.has_attr("number")) items.add(item, item.attr("number"));
        for (const std::string& field : fields) {
            if (field == "stage" || (field == "number" && stage_columns)) continue;
            bool present = field == "number" ? item.has_attr("number") : static_cast<bool>(item.child(field));
            if (!present) {
                std::string header = one_line(columns.child("column").text());
                for (Node column : columns.children())
                    if (column.attr("field") == field) header = one_line(column.text());
                std::string label = item.has_attr("number") ? "пункта " + item.attr("number")
                                                            : "пункта в строке " + std::to_string(report.line_of(item));
                report.warning(item, "empty-cell",
                               "у " + label + " пустая графа «" + header + "»" +
                                   (field == "responsible" ? ": за мероприятие никто не отвечает" : ""));
            }
        }
        if (Node d = item.child("deadline")) deadlines.push_back(d);
    };
    for (Node child : root.children()) {
        if (child.name() == "section") {
            if (child.has_attr("number")) sections.add(child, child.attr("number"));
            items.start_section();
            for (Node item : child.children())
                if (item.name() == "item") visit_item(item);
        } else if (child.name() == "item") {
            visit_item(child);
        }
    }
    check_deadlines(deadlines, context, window, report);
}

void collect_deadlines(Node node, std::vector<Node>& out) {
    for (Node child : node.children()) {
        if (child.name() == "deadline") out.push_back(child);
        collect_deadlines(child, out);
    }
}

void check_order(const Record& record, Report& report) {
    Node root = record.root();
    check_order_numbering(root, report);
    DeadlineContext context;
    std::optional<Window> window;
    if (auto date = parse_iso(trim(root.child("date").text()))) {
        Date start = school_year_start(*date);
        context.period_from = start;
        context.period_to = Date{start.year + 1, 8, 31};
        window = Window{date->year - 1, date->year + 3, "приказ издан " + format_date(*date)};
    }
    std::vector<Node> deadlines;
    collect_deadlines(root, deadlines);
    check_deadlines(deadlines, context, window, report);
}

// Whom an order names and who must therefore read it: responsible persons, people
// named in item texts, the executor — all but the one who signs.
void named_people(Node node, std::vector<std::pair<std::string, Node>>& out, bool in_text = false) {
    const std::string_view name = node.name();
    if (name == "responsible" && node.has_attr("persons"))
        for (const std::string& id : split_ids(node.attr("persons"))) out.emplace_back(id, node);
    if ((name == "executor" || (name == "person" && in_text)) && node.has_attr("person"))
        out.emplace_back(node.attr("person"), node);
    if (name == "acknowledgement" || name == "signature") return;
    for (Node child : node.children()) named_people(child, out, name == "text");
}

// The acknowledgement sheet (лист ознакомления) lists everyone the order names, once.
void check_acknowledgement(Node root, Report& report) {
    Node sheet = root.child("acknowledgement");
    if (!sheet) return;
    std::map<std::string, Node> listed;
    for (Node person : sheet.children()) {
        if (person.name() != "person") continue;
        auto [at, inserted] = listed.emplace(person.attr("person"), person);
        if (!inserted)
            report.warning(person, "acknowledgement",
                           "«" + person.attr("person") + "» уже есть в листе ознакомления (строка " +
                               std::to_string(report.line_of(at->second)) + "): уберите повтор");
    }
    const std::string signer = root.child("signature").attr("person");
    std::vector<std::pair<std::string, Node>> named;
    named_people(root, named);
    std::set<std::string> told;
    for (const auto& [id, where] : named)
        if (id != signer && !listed.count(id) && told.insert(id).second)
            report.warning(where, "acknowledgement",
                           "приказ называет человека «" + id + "», а в листе ознакомления его нет: добавьте <person person=\"" +
                               id + "\"/> в <acknowledgement>");
}

void check_registry(const Record& record, Report& report) {
    Node root = record.root();
    for (Node pair : root.child("pairs").children())
        if (pair.attr("mentor") == pair.attr("mentee"))
            report.error(pair, "self-pair",
                         "в паре " + pair.attr("id") + " наставник и наставляемый — один и тот же человек (" +
                             pair.attr("mentor") + "); укажите разных людей");
    for (Node group : root.child("groups").children())
        for (Node mentee : group.children())
            if (mentee.attr("person") == group.attr("mentor"))
                report.error(mentee, "self-pair",
                             "в группе " + group.attr("id") + " наставник " + group.attr("mentor") +
                                 " записан и среди наставляемых; укажите разных людей");
    for (const char* list : {"pairs", "groups"})
        for (Node term : root.child(list).children()) {
            auto start = parse_iso(term.attr("start"));
            auto end = parse_iso(term.attr("end"));
            if (start && end && *end < *start)
                report.error(term, "period-order",
                             "срок " + term.attr("id") + " кончается (" + format_date(*end) + ") раньше, чем начинается (" +
                                 format_date(*start) + ")");
        }
}

// A school year is two consecutive years.
void check_school_years(Node node, Report& report) {
    for (xmlAttr* a = node.raw()->properties; a; a = a->next) {
        std::string_view name = as_view(a->name);
        if (name != "school-year" && name != "period") continue;
        std::string value = node.attr(reinterpret_cast<const char*>(a->name));
        int first = 0, second = 0;
        if (std::sscanf(value.c_str(), "%4d-%4d", &first, &second) == 2 && second != first + 1)
            report.error(node, "school-year",
                         "учебный год «" + value + "» должен состоять из двух соседних лет, например " +
                             std::to_string(first) + "-" + std::to_string(first + 1));
    }
    for (Node child : node.children()) check_school_years(child, report);
}

std::set<std::string> programme_ids(const Record& record) {
    std::set<std::string> ids;
    if (record.kind == RecordKind::registry)
        for (Node child : record.root().children())
            if (child.name() == "programme") ids.insert(child.attr("id"));
    return ids;
}

// ---------------------------------------------------------------- people

// Two people of the checked records whose names differ only in ё/е or capitals (ICU primary
// strength): most often one person entered twice, which splits their pairs and reports.
void check_near_duplicates(const RecordSet& set, std::vector<Diagnostic>& out) {
    const russian::PrimaryKeys keys;
    struct Seen {
        const Record* record;
        Node node;
        std::string written;
    };
    std::unordered_map<std::string, Seen> first;
    for (const Record& record : set.records) {
        if (!record.valid || record.kind != RecordKind::organization) continue;
        Report report(record, out);
        for (Node person : record.root().child("people").children()) {
            const russian::PersonName name = russian::person_name(person);
            const std::string written = one_line(name.surname + " " + (name.name.empty() ? name.initials : name.name) + " " +
                                                 name.patronymic);
            auto [it, inserted] = first.try_emplace(keys.key(name), Seen{&record, person, written});
            if (inserted || it->second.written == written) continue;
            const Position there = position_of(it->second.record->file, it->second.node);
            const std::string place = it->second.record == &record ? "строка " + std::to_string(there.line)
                                                                   : there.file + ":" + std::to_string(there.line);
            report.warning(person, "near-duplicate-person",
                           "«" + written + "» (" + person.attr("id") + ") отличается от «" + it->second.written + "» (" +
                               it->second.node.attr("id") + ", " + place + ") только буквами ё/е или заглавными: если это один человек, оставьте одну запись и "
                               "ссылайтесь на неё; если разные — проверьте написание");
        }
    }
}

}  // namespace

std::vector<int> number_components(std::string_view written) {
    // The last run of digits and dots: "Этап 1." → "1.", "1.5" → "1.5".
    std::size_t end = written.size();
    while (end > 0 && (written[end - 1] == '.' || written[end - 1] == ' ')) --end;
    std::size_t begin = end;
    while (begin > 0 && ((written[begin - 1] >= '0' && written[begin - 1] <= '9') || written[begin - 1] == '.')) --begin;
    std::vector<int> parts;
    int value = -1;
    for (std::size_t i = begin; i < end; ++i) {
        if (written[i] == '.') {
            if (value >= 0) parts.push_back(value);
            value = -1;
        } else {
            value = (value < 0 ? 0 : value * 10) + (written[i] - '0');
            if (value > 1'000'000) return {};
        }
    }
    if (value >= 0) parts.push_back(value);
    return parts;
}

std::vector<Diagnostic> apply_rules(const RecordSet& set) {
    std::vector<Diagnostic> out;
    for (const Record& record : set.records) {
        if (!record.valid) continue;
        Report report(record, out);
        Node root = record.root();
        check_references(set, record, root, programme_ids(record), report);
        each_text(root, [&](Node leaf, const std::string& text) {
            check_empty_text(leaf, text, report);
            check_quotes(leaf, text, report);
        });
        check_school_years(root, report);
        switch (record.kind) {
            case RecordKind::roadmap: check_roadmap(record, report); break;
            case RecordKind::order:
                check_order(record, report);
                check_acknowledgement(root, report);
                break;
            case RecordKind::registry: check_registry(record, report); break;
            case RecordKind::organization:
            case RecordKind::monitoring: break;
        }
    }
    check_near_duplicates(set, out);
    return out;
}

}  // namespace prikaz
