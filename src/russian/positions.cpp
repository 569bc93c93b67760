#include "russian/positions.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace prikaz::russian {

using namespace rules;

namespace {

// A head word of a position: its case forms as the lemma without its last `cut` letters plus an ending
// (gen, dat, acc, ins, pre; the accusative of people is the genitive). Adjectival heads (заведующий,
// вожатый, обучающийся) decline by the adjective rules of name_rules.cpp instead.
struct Head {
    std::u32string_view lemma;
    PersonGender gender;  // what agreeing adjectives take
    bool adjectival;
    int cut;
    std::array<std::u32string_view, 5> endings;
};

constexpr auto M = PersonGender::male;
constexpr auto F = PersonGender::female;
constexpr std::array<std::u32string_view, 5> hard = {U"а", U"у", U"а", U"ом", U"е"};  // директор
constexpr std::array<std::u32string_view, 5> soft = {U"я", U"ю", U"я", U"ем", U"е"};  // учитель (cut 1)
constexpr std::array<std::u32string_view, 5> ka = {U"и", U"е", U"у", U"ой", U"е"};    // студентка (cut 1)
constexpr std::array<std::u32string_view, 5> tsa = {U"ы", U"е", U"у", U"ей", U"е"};   // ученица (cut 1)
constexpr std::array<std::u32string_view, 5> none = {};

constexpr Head heads[] = {
    {U"директор", M, false, 0, hard},
    {U"заместитель", M, false, 1, soft},
    {U"учитель", M, false, 1, soft},
    {U"педагог", M, false, 0, hard},
    {U"психолог", M, false, 0, hard},
    {U"логопед", M, false, 0, hard},
    {U"дефектолог", M, false, 0, hard},
    {U"организатор", M, false, 0, hard},
    {U"руководитель", M, false, 1, soft},
    {U"советник", M, false, 0, hard},
    {U"методист", M, false, 0, hard},
    {U"начальник", M, false, 0, hard},
    {U"куратор", M, false, 0, hard},
    {U"наставник", M, false, 0, hard},
    {U"наставница", F, false, 1, tsa},
    {U"специалист", M, false, 0, hard},
    {U"студент", M, false, 0, hard},
    {U"студентка", F, false, 1, ka},
    {U"ученик", M, false, 0, hard},
    {U"ученица", F, false, 1, tsa},
    {U"воспитатель", M, false, 1, soft},
    {U"преподаватель", M, false, 1, soft},
    {U"мастер", M, false, 0, hard},
    {U"инструктор", M, false, 0, hard},
    {U"тьютор", M, false, 0, hard},
    {U"библиотекарь", M, false, 1, soft},
    {U"секретарь", M, false, 1, {U"я", U"ю", U"я", U"ём", U"е"}},
    {U"председатель", M, false, 1, soft},
    {U"член", M, false, 0, hard},
    {U"участник", M, false, 0, hard},
    {U"инспектор", M, false, 0, hard},
    {U"консультант", M, false, 0, hard},
    {U"эксперт", M, false, 0, hard},
    {U"представитель", M, false, 1, soft},
    {U"выпускник", M, false, 0, hard},
    {U"работник", M, false, 0, hard},
    {U"сотрудник", M, false, 0, hard},
    {U"завуч", M, false, 0, {U"а", U"у", U"а", U"ем", U"е"}},
    {U"глава", M, false, 1, {U"ы", U"е", U"у", U"ой", U"е"}},
    {U"заведующий", M, true, 0, none},
    {U"заведующая", F, true, 0, none},
    {U"вожатый", M, true, 0, none},
    {U"вожатая", F, true, 0, none},
    {U"обучающийся", M, true, 0, none},
    {U"обучающаяся", F, true, 0, none},
    {U"наставляемый", M, true, 0, none},
    {U"наставляемая", F, true, 0, none},
    {U"ответственный", M, true, 0, none},
    {U"дежурный", M, true, 0, none},
    {U"уполномоченный", M, true, 0, none},
    {U"управляющий", M, true, 0, none},
};

const Head* find_head(std::u32string_view word) {
    const std::u32string low = lower(word);
    for (const Head& h : heads)
        if (h.lemma == low) return &h;
    return nullptr;
}

// Nominative adjective endings that may stand before a head: классный, старший, молодой, старшая.
std::optional<PersonGender> adjective_gender(std::u32string_view word) {
    const std::u32string low = lower(word);
    if (low.size() < 4) return std::nullopt;
    for (std::u32string_view e : {U"ый", U"ий", U"ой"})
        if (low.ends_with(e)) return PersonGender::male;
    for (std::u32string_view e : {U"ая", U"яя"})
        if (low.ends_with(e)) return PersonGender::female;
    return std::nullopt;
}

std::u32string decline_head(std::u32string_view word, const Head& h, GramCase c) {
    if (h.adjectival) return decline_word(word, WordKind::adjective, h.gender, c).value_or(std::u32string(word));
    std::u32string out(word.substr(0, word.size() - static_cast<std::size_t>(h.cut)));
    std::u32string ending(h.endings[static_cast<std::size_t>(c) - 1]);
    bool caps = word.size() > 1 && is_upper(word[0]) && is_upper(word[1]);
    if (caps)
        for (char32_t& ch : ending) ch = upper(ch);
    return out + ending;
}

}  // namespace

PositionForm decline_position(std::string_view position, GramCase c) {
    const std::u32string text = to_u32(position);
    if (c == GramCase::nom) return {std::string(position)};
    // Words with their offsets; separators are kept as written.
    struct Word {
        std::size_t begin, end;
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == U' ' || text[i] == U'\u00A0') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && text[j] != U' ' && text[j] != U'\u00A0') ++j;
        words.push_back({i, j});
        i = j;
    }
    std::vector<std::size_t> adjectives;  // indexes of words before the head
    for (std::size_t k = 0; k < words.size() && k < 4; ++k) {
        const std::u32string_view word = std::u32string_view(text).substr(words[k].begin, words[k].end - words[k].begin);
        // A hyphenated head: every piece a head word (педагог-психолог, учитель-логопед).
        std::vector<std::u32string_view> pieces;
        for (std::size_t from = 0;;) {
            const auto hyphen = word.find(U'-', from);
            pieces.push_back(word.substr(from, hyphen == std::u32string_view::npos ? std::u32string_view::npos : hyphen - from));
            if (hyphen == std::u32string_view::npos) break;
            from = hyphen + 1;
        }
        std::vector<const Head*> found;
        for (auto piece : pieces) found.push_back(find_head(piece));
        if (std::find(found.begin(), found.end(), nullptr) == found.end()) {
            std::u32string out = text.substr(0, words.empty() ? 0 : words[0].begin);
            std::size_t at = out.size();
            for (std::size_t a : adjectives) {
                out += text.substr(at, words[a].begin - at);
                const std::u32string_view adj = std::u32string_view(text).substr(words[a].begin, words[a].end - words[a].begin);
                out += decline_word(adj, WordKind::adjective, found.front()->gender, c).value_or(std::u32string(adj));
                at = words[a].end;
            }
            out += text.substr(at, words[k].begin - at);
            for (std::size_t p = 0; p < pieces.size(); ++p) {
                if (p) out += U'-';
                out += decline_head(pieces[p], *found[p], c);
            }
            out += text.substr(words[k].end);
            return {to_utf8(out)};
        }
        if (!adjective_gender(word)) break;
        adjectives.push_back(k);
    }
    return {std::string(position), false};
}

PositionForm person_position(const PersonName& person, GramCase c) {
    if (c != GramCase::nom)
        if (const auto& given = person.forms[static_cast<std::size_t>(c)].position) return {*given};
    return decline_position(person.position, c);
}

}  // namespace prikaz::russian
