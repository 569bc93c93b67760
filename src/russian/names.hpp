// Names of people: initials, the signature and list forms, declension into the six cases.
// Rules: the team's table in name_rules.cpp; overrides: the record's <forms> (docs/records.md).
#pragma once

#include "russian/name_rules.hpp"
#include "xml.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace prikaz::russian {

// One case's forms given in the record: <form case="dat" surname="…" name="…" patronymic="…" position="…"/>.
// A part that is given wins over the rules; the others follow the rules.
struct FormOverride {
    std::optional<std::string> surname, name, patronymic, position;
};

// A person's name as the record stores it (schemas/organization.xsd, Person).
struct PersonName {
    std::string surname;
    std::string name;        // empty when only initials are known
    std::string patronymic;  // may be empty
    std::string initials;    // as written in <initials>, when the full name is not known
    std::string position;    // <position> as written; may be empty
    PersonGender gender = PersonGender::unknown;  // the record's gender attribute
    std::array<FormOverride, 6> forms;            // indexed by GramCase; nom is never read
};

// Reads a <person> element (children surname, name, patronymic or initials, forms; attribute gender).
PersonName person_name(Node person);

// The gender the rules use: the record's, else the patronymic's (-ич, оглы: male; -на, кызы: female), else unknown.
PersonGender gender_of(const PersonName& person);

// A form of a name. When the gender is unknown and a part would decline differently for a man and for a
// woman (Петрова: Петровой or Петровы; Ким: Киму or Ким), that part is left as written and `undecided`
// is set: the form is then not a declined form, and callers must not present it as one (the template
// filters report an error asking for the gender attribute). Parts that decline the same for both
// (Шевченко, Никита, Сидоренко) are declined and do not make the form undecided.
struct NameForm {
    std::string text;
    bool undecided = false;
};

// Which part of a name a word is.
enum class NamePart { surname, name, patronymic };

// Declines one part: hyphenated words decline piece by piece (Лукина-Горбунова → Лукиной-Горбуновой);
// in a part of several words only the last declines («Гасан оглы» stays). No override is consulted.
NameForm decline_part(std::string_view word, NamePart part, PersonGender gender, GramCase c);

// "М.Е." from the name and patronymic, or the record's <initials> without spaces; «Анна-Мария» → «А.-М.».
std::string initials(const PersonName& person);

// "М.Е.\u00A0Сенченко" — signatures; the surname in case c.
NameForm initials_surname(const PersonName& person, GramCase c);
// "Сенченко\u00A0М.Е." — lists and tables.
NameForm surname_initials(const PersonName& person, GramCase c);
// "Сенченко Марина Евгеньевна" in case c; a person known only by initials gets "Сенченко\u00A0М.Е.".
NameForm full_name(const PersonName& person, GramCase c);

// Keys under which two names are equal when they differ only in ё/е, case and other secondary or
// tertiary differences (ICU Russian collation at primary strength): Ёлкин and Елкин share a key.
class PrimaryKeys {
public:
    PrimaryKeys();  // throws std::runtime_error when ICU has no collation data
    ~PrimaryKeys();
    PrimaryKeys(const PrimaryKeys&) = delete;
    PrimaryKeys& operator=(const PrimaryKeys&) = delete;

    // The key of one text (UTF-8).
    std::string key(std::string_view text) const;
    // The key of surname, name (or initials) and patronymic together.
    std::string key(const PersonName& person) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace prikaz::russian
