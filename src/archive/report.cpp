// The journal as people read it. The school-year view of a calendar-numbered
// archive is just a filter on dates: numbers stay those of the records year.
#include "archive/report.hpp"

#include "archive/numbering.hpp"
#include "output.hpp"
#include "records.hpp"
#include "russian/text.hpp"
#include "text.hpp"
#include "template/merge.hpp"
#include "xml_reader.hpp"

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

// «Примечание»: the corrections linking this entry to others.
std::string note_of(const Entry& e, const std::vector<Entry>& all) {
    std::string note;
    if (e.corrects) {
        auto found = std::find_if(all.begin(), all.end(), [&](const Entry& other) { return other.id == *e.corrects; });
        note = (e.correction == "cancels" ? "отменяет приказ № " : "изменяет приказ № ") +
               (found == all.end() ? std::string("?") : found->number + " от " + russian_date(found->date));
    }
    for (const Entry& later : all)
        if (later.corrects == e.id) {
            if (!note.empty()) note += "; ";
            note += (later.correction == "cancels" ? "отменён приказом № " : "изменён приказом № ") + later.number + " от " +
                    russian_date(later.date);
        }
    return note;
}

}  // namespace

std::string journal_csv(const std::vector<Entry>& entries, const std::vector<Entry>& all) {
    std::string out = "\xEF\xBB\xBF";
    out += "Рег. №;Дата;Заголовок;Кем подписан;Основание;Исполнитель;Отметка об ознакомлении;Индекс дела;Примечание\r\n";
    for (const Entry& e : entries) {
        const std::string note = note_of(e, all);
        const std::string row[] = {e.number, russian_date(e.date), e.heading, e.signatory, e.basis, e.executor, "", e.case_index, note};
        for (std::size_t i = 0; i < std::size(row); ++i) out += (i ? ";" : "") + cell(row[i]);
        out += "\r\n";
    }
    return out;
}

std::vector<Diagnostic> journal_document(const std::vector<Entry>& entries, const std::vector<Entry>& all, const std::string& year,
                                         OutputFormat format, const std::filesystem::path& template_dir,
                                         const std::filesystem::path& output) {
    std::vector<Diagnostic> out;
    std::string period;
    if (year.size() == 4) period = "за " + year + " год";
    else if (!year.empty()) period = "за " + year.substr(0, 4) + "/" + year.substr(5) + " учебный год";
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<journal xmlns=\"urn:prikaz:records\" version=\"1\" id=\"journal\">\n";
    if (!period.empty()) xml += "  <period>" + text::escaped_xml(period) + "</period>\n";
    for (const Entry& e : entries) {
        const std::pair<const char*, std::string> fields[] = {
            {"number", e.number},   {"date", russian_date(e.date)}, {"heading", e.heading},    {"signatory", e.signatory},
            {"basis", e.basis},     {"executor", e.executor},       {"acknowledgement", ""},   {"case", e.case_index},
            {"note", note_of(e, all)}};
        xml += "  <entry>";
        for (const auto& [name, value] : fields)
            if (!value.empty()) xml += std::string("<") + name + ">" + text::escaped_xml(value) + "</" + name + ">";
        xml += "</entry>\n";
    }
    xml += "</journal>\n";

    const std::filesystem::path dir = template_dir.empty() ? default_template_dir() : template_dir;
    const std::filesystem::path templ =
        format == OutputFormat::odt ? dir / "odt" / "journal.odt" : dir / "docx" / "journal.docx";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(templ, ec)) {
        out.push_back({Severity::error, Category::io, "template-missing", {templ.string(), 0, 0},
                       "нет шаблона журнала; укажите папку шаблонов (--templates или PRIKAZ_TEMPLATES)"});
        return out;
    }
    ReadResult read = read_xml_bytes(std::move(xml), "журнал", Limits{}, XmlUse::record);
    if (!read.file) {
        out.insert(out.end(), read.diagnostics.begin(), read.diagnostics.end());
        return out;
    }
    // Not a record of any schema: the journal is made here, so it needs no checking.
    RecordSet set;
    set.records.push_back(Record{std::move(*read.file), RecordKind::order, "journal", true});
    std::optional<Package> rendered = merge(templ, set.records.front(), set, MergeOptions{}, out);
    if (!rendered) return out;
    auto published = publish(output, write_package(*rendered));
    out.insert(out.end(), published.begin(), published.end());
    return out;
}

}  // namespace prikaz::archive
