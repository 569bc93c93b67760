// Russian numbers with ICU: PluralRules, RuleBasedNumberFormat, NumberFormatter.
#include "russian/numbers.hpp"

#include "russian/text.hpp"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

namespace prikaz::russian {

namespace {

constexpr std::array<std::pair<std::string_view, NumberGender>, 4> gender_names{{
    {"m", NumberGender::masculine},
    {"f", NumberGender::feminine},
    {"n", NumberGender::neuter},
    {"pl", NumberGender::plural},
}};

constexpr std::array<std::pair<std::string_view, NumberCase>, 6> case_names{{
    {"nom", NumberCase::nom},
    {"gen", NumberCase::gen},
    {"dat", NumberCase::dat},
    {"acc", NumberCase::acc},
    {"ins", NumberCase::ins},
    {"pre", NumberCase::pre},
}};

// The ICU ruleset name: "%spellout-cardinal" + "-feminine" + "-genitive".
std::string ruleset(std::string_view stem, NumberGender gender, NumberCase c) {
    constexpr std::array<std::string_view, 4> genders{"-masculine", "-feminine", "-neuter", "-plural"};
    // ICU's ablative is the instrumental, its locative the prepositional.
    constexpr std::array<std::string_view, 6> cases{"", "-genitive", "-dative", "-accusative", "-ablative", "-locative"};
    return std::string(stem) + std::string(genders[static_cast<std::size_t>(gender)]) +
           std::string(cases[static_cast<std::size_t>(c)]);
}

std::string utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string without_narrow_spaces(std::string s) {
    constexpr std::string_view narrow = "\u202F";
    for (std::size_t at = s.find(narrow); at != std::string::npos; at = s.find(narrow, at)) s.replace(at, narrow.size(), "\u00A0");
    return s;
}

// The ru number rules of one kind (spellout or ordinal), built once: ICU
// parses them for about 4 ms, then formats with them in under a microsecond.
// They are never changed after they are built; formatting is serialised
// because ICU does not promise RuleBasedNumberFormat::format is safe from
// several threads at once.
class NumberRules {
public:
    explicit NumberRules(icu::URBNFRuleSetTag tag) {
        UErrorCode status = U_ZERO_ERROR;
        format_ = std::make_unique<icu::RuleBasedNumberFormat>(tag, icu::Locale("ru"), status);
        if (U_FAILURE(status))
            throw DataError(std::string("не удалось загрузить русские правила чисел ICU (") + u_errorName(status) + ")");
        for (int32_t i = 0; i < format_->getNumberOfRuleSetNames(); ++i) names_.push_back(format_->getRuleSetName(i));
    }

    // Without the ru data ICU falls back to the root rules, which lack the
    // Russian rulesets: that is reported, never printed in English.
    std::string format(const std::string& name, double n) const {
        const icu::UnicodeString wanted = icu::UnicodeString::fromUTF8(name);
        if (std::find(names_.begin(), names_.end(), wanted) == names_.end())
            throw DataError("в данных ICU нет русских правил «" + name + "»; установите пакет libicu72 полностью");
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString out;
        icu::FieldPosition position;
        {
            const std::lock_guard<std::mutex> hold(lock_);
            if (n == std::floor(n) && std::fabs(n) < 9.0e15) format_->format(static_cast<int64_t>(n), wanted, out, position, status);
            else format_->format(n, wanted, out, position, status);
        }
        if (U_FAILURE(status)) throw DataError("ICU не смогла записать число по правилам «" + name + "»: " + u_errorName(status));
        return without_narrow_spaces(utf8(out));
    }

private:
    std::unique_ptr<icu::RuleBasedNumberFormat> format_;
    std::vector<icu::UnicodeString> names_;
    mutable std::mutex lock_;
};

const NumberRules& spellout_rules() {
    static const NumberRules rules(icu::URBNF_SPELLOUT);
    return rules;
}

const NumberRules& ordinal_rules() {
    static const NumberRules rules(icu::URBNF_ORDINAL);
    return rules;
}

}  // namespace

std::optional<NumberGender> number_gender(std::string_view name) {
    for (const auto& [n, g] : gender_names)
        if (n == name) return g;
    return std::nullopt;
}

std::optional<NumberCase> number_case(std::string_view name) {
    for (const auto& [n, c] : case_names)
        if (n == name) return c;
    return std::nullopt;
}

std::string_view plural_form(double n, std::string_view one, std::string_view few, std::string_view many) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale("ru"), status));
    if (U_FAILURE(status) || !rules) throw DataError(std::string("не удалось загрузить русские правила множественного числа ICU (") + u_errorName(status) + ")");
    // The category of the number as printed (at most two decimals), so "1,50" and "1,5" agree.
    const std::string category = utf8(rules->select(std::round(std::fabs(n) * 100) / 100));
    if (category == "one") return one;
    if (category == "many") return many;
    if (category == "few" || category == "other") return few;
    throw DataError("правила множественного числа ICU для русского языка дали неожиданную категорию «" + category + "»");
}

std::string format_number(double n, std::optional<int> decimals) {
    UErrorCode status = U_ZERO_ERROR;
    const auto precision = decimals ? icu::number::Precision::fixedFraction(*decimals) : icu::number::Precision::maxFraction(2);
    const auto formatter = icu::number::NumberFormatter::withLocale(icu::Locale("ru")).grouping(UNUM_GROUPING_MIN2).precision(precision);
    const icu::number::FormattedNumber formatted = formatter.formatDouble(n, status);
    icu::UnicodeString out = formatted.toString(status);
    if (U_FAILURE(status)) throw DataError(std::string("ICU не смогла записать число: ") + u_errorName(status));
    // Without the ru data ICU falls back to the root format: "12,345.5".
    icu::DecimalFormatSymbols symbols(icu::Locale("ru"), status);
    if (U_FAILURE(status) || symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol) != u",")
        throw DataError("в данных ICU нет русского формата чисел (десятичная запятая); установите пакет libicu72 полностью");
    std::string text = without_narrow_spaces(utf8(out));
    if (text == "-0") text = "0";
    return text;
}

std::string format_percent(double n, bool tight) { return format_number(n) + (tight ? "%" : "\u00A0%"); }

std::string spellout(double n, NumberGender gender, NumberCase c) {
    return spellout_rules().format(ruleset("%spellout-cardinal", gender, c), n);
}

std::string ordinal(std::int64_t n, NumberGender gender, NumberCase c) {
    return ordinal_rules().format(ruleset("%digits-ordinal", gender, c), static_cast<double>(n));
}

}  // namespace prikaz::russian
