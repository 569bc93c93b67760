#include "russian/participle.hpp"

#include "russian/name_rules.hpp"

namespace prikaz::russian {

using namespace rules;

namespace {

enum class Agreement { masculine, feminine, neuter, plural };

struct Noun {
    std::u32string_view word;  // nominative, lower case
    Agreement agreement;
};

constexpr auto m = Agreement::masculine;
constexpr auto f = Agreement::feminine;
constexpr auto n = Agreement::neuter;
constexpr auto pl = Agreement::plural;

// Kinds of documents that orders approve.
constexpr Noun nouns[] = {
    {U"план", m},        {U"состав", m},      {U"перечень", m},   {U"порядок", m},     {U"график", m},
    {U"список", m},      {U"регламент", m},   {U"устав", m},      {U"комплекс", m},    {U"паспорт", m},
    {U"проект", m},      {U"алгоритм", m},    {U"кодекс", m},     {U"календарь", m},   {U"реестр", m},
    {U"отчёт", m},       {U"отчет", m},       {U"режим", m},      {U"стандарт", m},    {U"каталог", m},
    {U"карта", f},       {U"программа", f},   {U"форма", f},      {U"инструкция", f},  {U"методика", f},
    {U"концепция", f},   {U"стратегия", f},   {U"модель", f},     {U"памятка", f},     {U"структура", f},
    {U"смета", f},       {U"схема", f},       {U"номенклатура", f}, {U"политика", f},  {U"циклограмма", f},
    {U"анкета", f},      {U"положение", n},   {U"расписание", n}, {U"соглашение", n},  {U"задание", n},
    {U"руководство", n}, {U"описание", n},    {U"правила", pl},   {U"рекомендации", pl}, {U"изменения", pl},
    {U"критерии", pl},   {U"требования", pl}, {U"нормы", pl},     {U"мероприятия", pl}, {U"показатели", pl},
    {U"условия", pl},    {U"материалы", pl},  {U"нормативы", pl},
};

std::optional<Agreement> adjective_agreement(std::u32string_view w) {
    if (w.size() < 4) return std::nullopt;
    for (auto e : {U"ый", U"ий", U"ой"})
        if (w.ends_with(e)) return m;
    for (auto e : {U"ая", U"яя"})
        if (w.ends_with(e)) return f;
    for (auto e : {U"ое", U"ее"})
        if (w.ends_with(e)) return n;
    for (auto e : {U"ые", U"ие"})
        if (w.ends_with(e)) return pl;
    return std::nullopt;
}

std::string stamp(Agreement a) {
    switch (a) {
        case Agreement::masculine: return "УТВЕРЖДЕН";
        case Agreement::feminine: return "УТВЕРЖДЕНА";
        case Agreement::neuter: return "УТВЕРЖДЕНО";
        case Agreement::plural: return "УТВЕРЖДЕНЫ";
    }
    return "УТВЕРЖДЕН";
}

}  // namespace

std::optional<std::string> approved(std::string_view title) {
    const std::u32string text = lower(to_u32(title));
    std::optional<Agreement> first_adjective;
    int adjectives = 0;     // words that look like adjectives: the last of them may be an unknown noun
    bool followed = false;  // an adjective-looking word was followed by some other word
    for (std::size_t i = 0; i < text.size();) {
        // A word: letters and hyphens; quotes, numbers and punctuation between words are skipped.
        while (i < text.size() && !is_letter(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && (is_letter(text[j]) || text[j] == U'-')) ++j;
        if (i == j) break;
        const std::u32string_view word = std::u32string_view(text).substr(i, j - i);
        for (const Noun& noun : nouns)
            if (noun.word == word) return stamp(noun.agreement);
        // Verbal nouns in -ние, -тие are neuter (заключение, соглашение), not plural adjectives in -ие.
        if (word.size() > 4 && (word.ends_with(U"ние") || word.ends_with(U"тие"))) return stamp(n);
        auto adjective = adjective_agreement(word);
        if (!adjective) {
            followed = adjectives > 0;
            break;  // the head noun is not one we know
        }
        if (!first_adjective) first_adjective = adjective;
        ++adjectives;
        i = j;
    }
    // «Методические указания», «Типовая анкета-заявка»: the adjective agrees with the noun it stands before.
    if (first_adjective && (adjectives >= 2 || followed)) return stamp(*first_adjective);
    return std::nullopt;
}

}  // namespace prikaz::russian
