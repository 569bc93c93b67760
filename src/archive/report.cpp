// The journal as people read it. The school-year view of a calendar-numbered
// archive is just a filter on dates: numbers stay those of the records year.
#include "archive/report.hpp"

#include "archive/numbering.hpp"
#include "russian/text.hpp"

#include <algorithm>

namespace prikaz::archive {

bool valid_year(const std::string& year) { return date_in_year("2000-01-01", year).has_value(); }

std::vector<Entry> select(const std::vector<Entry>& entries, const Filter& filter) {
    const std::string text = russian::lower(filter.text);
    std::vector<Entry> out;
    for (const Entry& e : entries) {
        if (!filter.year.empty() && !date_in_year(e.date, filter.year).value_or(false)) continue;
        if (!filter.kind.empty() && e.series != filter.kind && e.kind != filter.kind) continue;
        if (!text.empty() && russian::lower(e.heading).find(text) == std::string::npos) continue;
        out.push_back(e);
    }
    return out;
}

std::string list_lines(const std::vector<Entry>& entries) {
    std::string out;
    for (const Entry& e : entries) {
        out += e.number + "  " + e.date + "  " + e.series + "  " + e.heading;
        if (!e.correction.empty()) out += e.correction == "cancels" ? "  [отменяет приказ]" : "  [изменяет приказ]";
        out += "\n";
    }
    return out;
}

namespace {

std::string cell(const std::string& value) {
    if (value.find_first_of(";\"\n\r") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// "2022-09-02" → "02.09.2022", as a journal is written by hand.
std::string russian_date(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

}  // namespace

std::string journal_csv(const std::vector<Entry>& entries, const std::vector<Entry>& all) {
    std::string out = "\xEF\xBB\xBF";
    out += "Рег. №;Дата;Заголовок;Кем подписан;Основание;Исполнитель;Отметка об ознакомлении;Индекс дела;Примечание\r\n";
    auto number_of = [&](std::int64_t id) {
        auto found = std::find_if(all.begin(), all.end(), [&](const Entry& e) { return e.id == id; });
        return found == all.end() ? std::string("?") : found->number + " от " + russian_date(found->date);
    };
    for (const Entry& e : entries) {
        std::string note;
        if (e.corrects) note = (e.correction == "cancels" ? "отменяет приказ № " : "изменяет приказ № ") + number_of(*e.corrects);
        for (const Entry& later : all)
            if (later.corrects == e.id) {
                if (!note.empty()) note += "; ";
                note += (later.correction == "cancels" ? "отменён приказом № " : "изменён приказом № ") + later.number + " от " + russian_date(later.date);
            }
        const std::string row[] = {e.number, russian_date(e.date), e.heading, e.signatory, e.basis, e.executor, "", e.case_index, note};
        for (std::size_t i = 0; i < std::size(row); ++i) out += (i ? ";" : "") + cell(row[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace prikaz::archive
