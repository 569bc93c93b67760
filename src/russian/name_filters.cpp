// The checks of what a template gives the name filters, with the messages a template author reads;
// the wording itself is in names.cpp, positions.cpp, participle.cpp and typograph.cpp.
#include "russian/name_filters.hpp"

#include "../text.hpp"  // src/text.hpp
#include "russian/names.hpp"
#include "russian/participle.hpp"
#include "russian/positions.hpp"
#include "russian/typograph.hpp"
#include "russian/filter_messages.hpp"
#include "xml.hpp"

namespace prikaz::russian {

namespace {

using expr::EvalError;
using expr::FilterContext;
using expr::Value;


GramCase case_arg(const FilterContext& c) {
    const std::string name = c.arg_text(0, "nom");
    if (auto k = gram_case_from_string(name)) return *k;
    throw EvalError(head(c) + "неизвестный падеж " + quoted(name) +
                    "; пишите \"nom\", \"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
}

// The first element of the input, or a null node when the input is not a node set of elements.
Node element_of(const FilterContext& c) {
    if (c.input.is_undefined()) (void)c.input.to_text();  // reports the path as written
    const Value::Nodes* nodes = c.input.as_nodes();
    if (!nodes || nodes->empty() || !nodes->front() || nodes->front()->type != XML_ELEMENT_NODE) return Node();
    return Node(nodes->front());
}

bool is_person(Node n) { return static_cast<bool>(n.child("surname")); }

std::string describe(Node person) {
    const std::string id = person.attr("id");
    return quoted(text::one_line(person.child("surname").text() + " " + person.child("name").text() +
                                 person.child("initials").text())) +
           (id.empty() ? "" : " (id " + id + ")");
}

using Form = NameForm (*)(const PersonName&, GramCase);

// The name of a person element in a case; an error when the rules cannot tell the gender.
std::string name_of(const FilterContext& c, Node person, Form form, GramCase k) {
    const NameForm f = form(person_name(person), k);
    if (f.undecided)
        throw EvalError(head(c) + "у " + describe(person) +
                        " не указан пол и нет отчества, а имя склоняется для мужчины и для женщины по-разному; "
                        "укажите gender=\"male\" или gender=\"female\" или форму в <forms> (docs/records.md)");
    return f.text;
}

// A name form of the person on the input; "" for an optional path that found nothing.
Value name_filter(const FilterContext& c, Form form) {
    const GramCase k = case_arg(c);
    const Node person = element_of(c);
    if (!person) {
        if (const auto* s = c.input.as_string(); s && s->empty()) return std::string();
        throw EvalError(head(c) + "нужен человек из записи (элемент <person> с <surname>), а не " + quoted(c.input.to_text()) +
                        "; пишите, например, {{ p | " + std::string(c.name) + "(\"dat\") }}, где p — человек");
    }
    if (!is_person(person))
        throw EvalError(head(c) + "у элемента <" + std::string(person.name()) +
                        "> нет <surname>: это не человек; ссылку на человека раскрывает ref: {{ m.person | ref | " +
                        std::string(c.name) + " }}");
    return name_of(c, person, form, k);
}

// The name a <person person="id" case="acc" form="initials-surname"/> inside a text stands for.
std::string person_in_text(const FilterContext& c, Node mark) {
    const std::string id = text::trim(mark.attr("person"));
    std::optional<Value::Nodes> found = c.scope ? c.scope->resolve(id) : std::nullopt;
    const Node person = found && !found->empty() ? Node(found->front()) : Node();
    if (!person || !is_person(person))
        throw EvalError(head(c) + "в тексте <person person=\"" + id + "\"/>, а человека с id " + quoted(id) +
                        " нет в записях папки; людей перечисляют в <people> записи организации");
    const std::string case_name = mark.has_attr("case") ? text::trim(mark.attr("case")) : "nom";
    const auto k = gram_case_from_string(case_name);
    if (!k)
        throw EvalError(head(c) + "у <person person=\"" + id + "\"/> неизвестный падеж " + quoted(case_name) +
                        "; пишите case=\"nom\", \"gen\", \"dat\", \"acc\", \"ins\" или \"pre\"");
    const std::string form = mark.has_attr("form") ? text::trim(mark.attr("form")) : "full";
    if (form == "full") return name_of(c, person, full_name, *k);
    if (form == "initials-surname") return name_of(c, person, initials_surname, *k);
    if (form == "surname-initials") return name_of(c, person, surname_initials, *k);
    throw EvalError(head(c) + "у <person person=\"" + id + "\"/> неизвестный вид имени " + quoted(form) +
                    "; пишите form=\"full\", \"initials-surname\" или \"surname-initials\"");
}

}  // namespace

Value initials_surname_filter(const FilterContext& c) { return name_filter(c, initials_surname); }
Value surname_initials_filter(const FilterContext& c) { return name_filter(c, surname_initials); }
Value full_name_filter(const FilterContext& c) { return name_filter(c, full_name); }

Value position_filter(const FilterContext& c) {
    const GramCase k = case_arg(c);
    const Node element = element_of(c);
    if (element && is_person(element)) {
        const PersonName person = person_name(element);
        if (person.position.empty() && !person.forms[static_cast<std::size_t>(k)].position)
            throw EvalError(head(c) + "у " + describe(element) + " в записи нет <position>");
        const PositionForm f = person_position(person, k);
        if (!f.known)
            throw EvalError(head(c) + "должность " + quoted(person.position) + " у " + describe(element) +
                            " не из таблицы должностей, её падеж программа не знает; задайте форму в записи: <form case=\"" +
                            c.arg_text(0) + "\" position=\"…\"/> (docs/records.md)");
        return f.text;
    }
    const std::string written = text::trim(c.input.to_text());
    const PositionForm f = decline_position(written, k);
    if (!f.known)
        throw EvalError(head(c) + "должность " + quoted(written) +
                        " не из таблицы должностей, её падеж программа не знает; напишите её в шаблоне в нужном падеже");
    return f.text;
}

Value people_filter(const FilterContext& c) {
    if (c.input.is_undefined()) (void)c.input.to_text();  // reports the path as written
    const Node text = element_of(c);
    if (!text) return c.input.to_text();  // a text without markup has no people in it
    // The words as written, every <person/> mark replaced by the name it stands for.
    std::string out;
    for (xmlNode* n = text.raw()->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) out += as_view(n->content);
        else if (n->type == XML_ELEMENT_NODE && Node(n).name() == "person") out += person_in_text(c, Node(n));
        else if (n->type == XML_ELEMENT_NODE) out += Node(n).text();
    }
    return out;
}

Value approved_filter(const FilterContext& c) {
    const std::string title = text::one_line(c.input.to_text());
    if (title.empty()) return std::string();
    if (auto word = approved(title)) return *word;
    throw EvalError(head(c) + "по названию " + quoted(title) +
                    " не понять, какого рода документ; напишите слово сами: УТВЕРЖДЕН, УТВЕРЖДЕНА, УТВЕРЖДЕНО или УТВЕРЖДЕНЫ");
}

Value typograph_filter(const FilterContext& c) { return typograph(c.input.to_text()); }

}  // namespace prikaz::russian
