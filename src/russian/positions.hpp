// Positions of people in these documents, declined: «заместитель директора по УВР» → «заместителю директора по УВР».
#pragma once

#include "russian/names.hpp"

#include <string>
#include <string_view>

namespace prikaz::russian {

// A position in a case. `known` is false when the phrase does not start with a head word of the table
// (positions.cpp), possibly after agreeing adjectives: the text is then left as written, and callers must not
// present it as declined (the template filter reports it and points to the record's <forms> override).
struct PositionForm {
    std::string text;
    bool known = true;
};

// Declines the head of the phrase and the adjectives before it; the rest (директора по УВР, математики,
// 7А класса) stays as written. Hyphenated heads decline in both parts: педагог-психолог → педагогу-психологу.
PositionForm decline_position(std::string_view position, GramCase c);

// The person's position in case c: the record's <form case="…" position="…"/> if given, else the rules.
PositionForm person_position(const PersonName& person, GramCase c);

}  // namespace prikaz::russian
