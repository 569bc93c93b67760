// The template filters of names, positions, the approval word and the typograph; their rows are in the
// table of russian/filters.cpp. Names and argument conventions: the team's filter contract.
#pragma once

#include "template/filters.hpp"

namespace prikaz::russian {

// {{ p | initials_surname("dat") }} → «М.Е.\u00A0Сенченко» in the dative; no argument: nominative.
expr::Value initials_surname_filter(const expr::FilterContext& c);
// {{ p | surname_initials("ins") }} → «Сенченко\u00A0М.Е.» in the instrumental.
expr::Value surname_initials_filter(const expr::FilterContext& c);
// {{ p | full_name("acc") }} → «Сенченко Марину Евгеньевну».
expr::Value full_name_filter(const expr::FilterContext& c);
// {{ i.text | people }}: the text with every <person person="id" case="acc"/> in it replaced by
// that person's name in that case («… Шевченко Ольгу Владимировну.»); form="initials-surname" or
// "surname-initials" for the short forms.
expr::Value people_filter(const expr::FilterContext& c);
// {{ p | position("dat") }} or {{ "учитель математики" | position("dat") }} → «учителю математики».
expr::Value position_filter(const expr::FilterContext& c);
// {{ "дорожная карта" | approved }} → «УТВЕРЖДЕНА».
expr::Value approved_filter(const expr::FilterContext& c);
// {{ item.name | typograph }} → the text with «ёлочки», dashes and no-break spaces.
expr::Value typograph_filter(const expr::FilterContext& c);

}  // namespace prikaz::russian
