// The team's own table of Russian name and adjective endings (not taken from petrovich or any other set).
// How to read a line: {what, for whom, ending, letters cut, {gen, dat, acc, ins, pre}}.
// Letter classes in endings: C consonant (not й), S ж ш ч щ, K к г х, V vowel.
// The longest matching ending wins; of two equally long, the one listed first (so the narrower ones are
// listed first: literal letters before classes, S before C). Forms all empty: the word does not decline. No rule at all: the word does not decline
// either — that is how female surnames and first names in a consonant stay as written (Эйхман, Ким, Черных).
// Stress is not known: where it decides an ending (Кузнецом / Немцем), the table takes the commoner case and
// the record's <forms> override corrects the rest (docs/records.md).
#include "name_rules.hpp"

namespace prikaz::russian::rules {

namespace {

using K = WordKind;
using G = Genders;

constexpr EndingRule table[] = {
    // ---------------------------------------------------------------- surnames
    // Indeclinable for both genders: Шевченко, Гончаренко, Дурново, Живаго, Седых, Долгих, Гёте, Руставели,
    // Ру, Шоу, Гамсахурдиа. -ко, -ово, -аго, -яго are all "-о".
    {K::surname, G::both, U"о", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"е", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"э", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"и", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"ы", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"у", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"ю", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"их", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"ых", 0, {U"", U"", U"", U"", U""}},
    {K::surname, G::both, U"Vа", 0, {U"", U"", U"", U"", U""}},
    // Russian possessive surnames: Петров, Соловьёв, Ильин, Птицын.
    {K::surname, G::male, U"ов", 0, {U"а", U"у", U"а", U"ым", U"е"}},
    {K::surname, G::male, U"ев", 0, {U"а", U"у", U"а", U"ым", U"е"}},
    {K::surname, G::male, U"ёв", 0, {U"а", U"у", U"а", U"ым", U"е"}},
    {K::surname, G::male, U"ин", 0, {U"а", U"у", U"а", U"ым", U"е"}},
    {K::surname, G::male, U"ын", 0, {U"а", U"у", U"а", U"ым", U"е"}},
    {K::surname, G::female, U"ова", 1, {U"ой", U"ой", U"у", U"ой", U"ой"}},
    {K::surname, G::female, U"ева", 1, {U"ой", U"ой", U"у", U"ой", U"ой"}},
    {K::surname, G::female, U"ёва", 1, {U"ой", U"ой", U"у", U"ой", U"ой"}},
    {K::surname, G::female, U"ина", 1, {U"ой", U"ой", U"у", U"ой", U"ой"}},
    {K::surname, G::female, U"ына", 1, {U"ой", U"ой", U"у", U"ой", U"ой"}},
    // Adjectival surnames: Достоевский, Горький, Белый, Толстой, Луговской, Большой; Полянская, Толстая.
    {K::surname, G::male, U"ий", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::surname, G::male, U"ый", 2, {U"ого", U"ому", U"ого", U"ым", U"ом"}},
    {K::surname, G::male, U"ой", 2, {U"ого", U"ому", U"ого", U"ым", U"ом"}},
    {K::surname, G::male, U"Kой", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::surname, G::male, U"Sой", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::surname, G::female, U"ая", 2, {U"ой", U"ой", U"ую", U"ой", U"ой"}},
    {K::surname, G::female, U"яя", 2, {U"ей", U"ей", U"юю", U"ей", U"ей"}},
    // Male surnames in -й after a vowel and in -ь: Гайдай, Соловей, Гоголь.
    {K::surname, G::male, U"Vй", 1, {U"я", U"ю", U"я", U"ем", U"е"}},
    {K::surname, G::male, U"ь", 1, {U"я", U"ю", U"я", U"ем", U"е"}},
    // Male surnames in a consonant: Кузнец, Эйхман, Ким, Шевчук; after ж ш ч щ unstressed -ем: Бабич.
    // The vowel of -ец, -ок stays (Кузнецу), as surnames keep it.
    // After ц the unstressed ending is -ем (Кац → Кацем); surnames in -ец mostly stress it (Кузнец → Кузнецом).
    {K::surname, G::male, U"ц", 0, {U"а", U"у", U"а", U"ем", U"е"}},
    {K::surname, G::male, U"ец", 0, {U"а", U"у", U"а", U"ом", U"е"}},
    {K::surname, G::male, U"S", 0, {U"а", U"у", U"а", U"ем", U"е"}},
    {K::surname, G::male, U"C", 0, {U"а", U"у", U"а", U"ом", U"е"}},
    // Surnames in -а, -я decline like nouns for both genders: Сковорода, Глинка, Гроша, Птица, Берия, Зозуля.
    {K::surname, G::both, U"а", 1, {U"ы", U"е", U"у", U"ой", U"е"}},
    {K::surname, G::both, U"Kа", 1, {U"и", U"е", U"у", U"ой", U"е"}},
    {K::surname, G::both, U"Sа", 1, {U"и", U"е", U"у", U"ей", U"е"}},
    {K::surname, G::both, U"ца", 1, {U"ы", U"е", U"у", U"ей", U"е"}},
    {K::surname, G::both, U"я", 1, {U"и", U"е", U"ю", U"ей", U"е"}},
    {K::surname, G::both, U"ия", 1, {U"и", U"и", U"ю", U"ей", U"и"}},

    // ---------------------------------------------------------------- first names
    {K::first_name, G::male, U"S", 0, {U"а", U"у", U"а", U"ем", U"е"}},
    {K::first_name, G::male, U"C", 0, {U"а", U"у", U"а", U"ом", U"е"}},
    {K::first_name, G::male, U"й", 1, {U"я", U"ю", U"я", U"ем", U"е"}},
    {K::first_name, G::male, U"ий", 2, {U"ия", U"ию", U"ия", U"ием", U"ии"}},
    {K::first_name, G::male, U"ь", 1, {U"я", U"ю", U"я", U"ем", U"е"}},
    // Любовь, Нинель, Айгуль: the name keeps its vowel (Любови, not любви).
    {K::first_name, G::female, U"ь", 1, {U"и", U"и", U"ь", U"ью", U"и"}},
    // Names in -а, -я, male or female: Никита, Анна, Ольга, Саша, Наталья, Мария.
    {K::first_name, G::both, U"а", 1, {U"ы", U"е", U"у", U"ой", U"е"}},
    {K::first_name, G::both, U"Kа", 1, {U"и", U"е", U"у", U"ой", U"е"}},
    {K::first_name, G::both, U"Sа", 1, {U"и", U"е", U"у", U"ей", U"е"}},
    {K::first_name, G::both, U"ца", 1, {U"ы", U"е", U"у", U"ей", U"е"}},
    {K::first_name, G::both, U"я", 1, {U"и", U"е", U"ю", U"ей", U"е"}},
    {K::first_name, G::both, U"ия", 1, {U"и", U"и", U"ю", U"ей", U"и"}},

    // ---------------------------------------------------------------- patronymics
    // -ович, -евич, -ич (Ильич, Кузьмич); -овна, -евна, -ична, -инична.
    {K::patronymic, G::male, U"ич", 0, {U"а", U"у", U"а", U"ем", U"е"}},
    {K::patronymic, G::female, U"на", 1, {U"ы", U"е", U"у", U"ой", U"е"}},

    // ---------------------------------------------------------------- adjectives (positions)
    // Animate nouns follow, so the accusative of the masculine is the genitive: «назначить старшего вожатого».
    {K::adjective, G::male, U"ый", 2, {U"ого", U"ому", U"ого", U"ым", U"ом"}},
    {K::adjective, G::male, U"ой", 2, {U"ого", U"ому", U"ого", U"ым", U"ом"}},
    {K::adjective, G::male, U"Kой", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::adjective, G::male, U"Sой", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::adjective, G::male, U"ий", 2, {U"его", U"ему", U"его", U"им", U"ем"}},
    {K::adjective, G::male, U"Kий", 2, {U"ого", U"ому", U"ого", U"им", U"ом"}},
    {K::adjective, G::male, U"Sий", 2, {U"его", U"ему", U"его", U"им", U"ем"}},
    {K::adjective, G::male, U"Sийся", 4, {U"егося", U"емуся", U"егося", U"имся", U"емся"}},
    {K::adjective, G::female, U"ая", 2, {U"ой", U"ой", U"ую", U"ой", U"ой"}},
    {K::adjective, G::female, U"Sая", 2, {U"ей", U"ей", U"ую", U"ей", U"ей"}},
    {K::adjective, G::female, U"яя", 2, {U"ей", U"ей", U"юю", U"ей", U"ей"}},
    {K::adjective, G::female, U"Sаяся", 4, {U"ейся", U"ейся", U"уюся", U"ейся", U"ейся"}},
};

// Fleeting vowels, ё that turns into е, stressed endings, and surnames that only look adjectival.
constexpr WordException exceptions[] = {
    {K::first_name, G::male, U"павел", {U"павла", U"павлу", U"павла", U"павлом", U"павле"}},
    {K::first_name, G::male, U"лев", {U"льва", U"льву", U"льва", U"львом", U"льве"}},
    {K::first_name, G::male, U"пётр", {U"петра", U"петру", U"петра", U"петром", U"петре"}},
    {K::first_name, G::male, U"петр", {U"петра", U"петру", U"петра", U"петром", U"петре"}},
    {K::first_name, G::male, U"илья", {U"ильи", U"илье", U"илью", U"ильёй", U"илье"}},
    // Short patronymics stress the ending: Ильичом, Кузьмичом (but Никитичем, Саввичем by the rule).
    {K::patronymic, G::male, U"ильич", {U"ильича", U"ильичу", U"ильича", U"ильичом", U"ильиче"}},
    {K::patronymic, G::male, U"кузьмич", {U"кузьмича", U"кузьмичу", U"кузьмича", U"кузьмичом", U"кузьмиче"}},
    {K::patronymic, G::male, U"лукич", {U"лукича", U"лукичу", U"лукича", U"лукичом", U"лукиче"}},
    {K::patronymic, G::male, U"фомич", {U"фомича", U"фомичу", U"фомича", U"фомичом", U"фомиче"}},
    // A one-syllable Korean surname, not an adjective: Цой → Цоя.
    {K::surname, G::male, U"цой", {U"цоя", U"цою", U"цоя", U"цоем", U"цое"}},
};

}  // namespace

std::span<const EndingRule> ending_rules() { return table; }
std::span<const WordException> word_exceptions() { return exceptions; }

}  // namespace prikaz::russian::rules
