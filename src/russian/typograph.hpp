// Russian typography for the rendered text: quotes, dashes, no-break spaces. Never changes the record.
#pragma once

#include <string>
#include <string_view>

namespace prikaz::russian {

// Typographic text, same meaning. Each rule changes only what it can decide (docs/templates.md lists them):
//  1. straight quotes "…" → «…», nested „…“ (existing «» „“ count for the depth and stay); when the straight
//     quotes of the text do not pair up (a quote with spaces on both sides, an unclosed one), none changes;
//  2. a hyphen or em dash with spaces on both sides between two words → U+00A0 + «—» + space; between two
//     years (2021 - 2022) → «2021–2022»; a spaced en dash («август – сентябрь») stays as written;
//  3. a hyphen between two numbers → en dash U+2013 (2021-2022, 1-4, 10-11) when the second is greater, neither
//     has a leading zero and the pair is not part of a longer chain: 01-74.1, 8-800-100, 2022-09-30, № 12-15 stay;
//  4. «№866», «№ 866» → «№\u00A0866»;
//  5. U+00A0 between a number and «г.», «гг.», «л.», «экз.», «уч. г.» (inside «уч.\u00A0г.» too);
//  6. U+00A0 between the day and the month of a date in words: «15\u00A0ноября 2021\u00A0г.»;
//  7. U+00A0 between initials and a surname, either order: «М.Е.\u00A0Сенченко», «Сенченко\u00A0М.Е.».
// Line breaks and tabs are never touched. typograph(typograph(x)) == typograph(x).
std::string typograph(std::string_view text);

}  // namespace prikaz::russian
