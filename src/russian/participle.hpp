// The word of an approval stamp, agreeing with the approved document: УТВЕРЖДЕНА дорожная карта, УТВЕРЖДЕН план.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace prikaz::russian {

// «УТВЕРЖДЕН», «УТВЕРЖДЕНА», «УТВЕРЖДЕНО» or «УТВЕРЖДЕНЫ» for a document kind or a whole title: the head
// noun decides («План мероприятий …» → УТВЕРЖДЕН; «Дорожная карта …» → УТВЕРЖДЕНА; «Методические
// рекомендации» → УТВЕРЖДЕНЫ). Adjectives before the noun are skipped; when the noun is not in the table
// (participle.cpp), a leading adjective's ending decides; nullopt when neither tells.
std::optional<std::string> approved(std::string_view title);

}  // namespace prikaz::russian
