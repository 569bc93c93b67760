#include "records.hpp"

#include "archive/journal.hpp"

#include <algorithm>
#include <array>

namespace prikaz {

namespace {

constexpr std::array<std::pair<std::string_view, RecordKind>, 5> root_names{{
    {"organization", RecordKind::organization},
    {"order", RecordKind::order},
    {"roadmap", RecordKind::roadmap},
    {"registry", RecordKind::registry},
    {"monitoring", RecordKind::monitoring},
}};

std::optional<RecordKind> kind_of_root(std::string_view name) {
    for (auto [n, k] : root_names)
        if (n == name) return k;
    return std::nullopt;
}

std::string root_list() {
    std::string out;
    for (auto [n, k] : root_names) out += (out.empty() ? "<" : ", <") + std::string(n) + ">";
    return out;
}

// Files named on the command line are taken as they are; folders give their *.xml files.
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths, std::vector<Diagnostic>& out) {
    std::vector<std::filesystem::path> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        std::filesystem::recursive_directory_iterator it(path, std::filesystem::directory_options::skip_permission_denied, ec);
        for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            const auto& entry = *it;
            // An archive (docs/archive.md) inside the records folder: its filed
            // copies of records are not records to check again.
            if (entry.is_directory(ec) && std::filesystem::exists(entry.path() / archive::journal_file, ec)) {
                it.disable_recursion_pending();
                continue;
            }
            if (entry.is_regular_file(ec) && entry.path().extension() == ".xml") found.push_back(entry.path());
        }
        if (ec) {
            out.push_back({Severity::error, Category::io, "file-unreadable", {path.string(), 0, 0},
                           "папку не удалось прочитать: " + ec.message()});
            continue;
        }
        if (found.empty()) {
            out.push_back({Severity::error, Category::io, "no-records", {path.string(), 0, 0},
                           "в папке нет файлов записей *.xml; укажите папку с записями или сами файлы"});
            continue;
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

void index_id(RecordSet& set, const std::string& id, IdTarget target, std::vector<Diagnostic>& out) {
    auto [it, inserted] = set.ids.emplace(id, target);
    if (inserted) return;
    const IdTarget& first = it->second;
    Position there = position_of(first.record->file, first.node);
    out.push_back({Severity::error, Category::data, "duplicate-id", position_of(target.record->file, target.node),
                   "id «" + id + "» уже занят: " + there.file + ":" + std::to_string(there.line) +
                       ". Идентификаторы записей и людей должны быть уникальны во всех проверяемых файлах"});
}

}  // namespace

std::string_view to_string(RecordKind kind) {
    for (auto [n, k] : root_names)
        if (k == kind) return n;
    return "record";
}

LoadResult load_records(const std::vector<std::filesystem::path>& paths, const RecordSchema& schema, const Limits& limits) {
    LoadResult result;
    for (const auto& path : expand(paths, result.diagnostics)) {
        ReadResult read = read_xml_file(path, limits, XmlUse::record);
        result.diagnostics.insert(result.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
        if (!read.file) continue;
        XmlFile& file = *read.file;
        Node root(xmlDocGetRootElement(file.doc.get()));
        auto kind = kind_of_root(root.name());
        if (!kind || root.ns() != records_namespace) {
            std::string message;
            if (kind && root.ns().empty())
                message = "у корневого элемента <" + std::string(root.name()) +
                          "> нет пространства имён записей: добавьте xmlns=\"urn:prikaz:records\"";
            else if (kind)
                message = "корневой элемент <" + std::string(root.name()) + "> в чужом пространстве имён «" +
                          std::string(root.ns()) + "»; записи prikaz используют xmlns=\"urn:prikaz:records\"";
            else
                message = "это не запись prikaz: корневой элемент <" + std::string(root.name()) + ">, а ожидается один из " +
                          root_list() + " с xmlns=\"urn:prikaz:records\"";
            result.diagnostics.push_back({Severity::error, Category::data, "wrong-root", position_of(file, root), message});
            continue;
        }
        auto problems = schema.validate(file);
        result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
        std::string id = root.attr("id");
        result.set.records.push_back(Record{std::move(file), *kind, std::move(id), problems.empty()});
    }
    // Index after loading so that pointers into the vector stay valid.
    for (const Record& record : result.set.records) {
        if (!record.valid) continue;
        index_id(result.set, record.id, {IdTarget::Kind::record, &record, record.root()}, result.diagnostics);
        if (record.kind != RecordKind::organization) continue;
        for (Node person : record.root().child("people").children())
            index_id(result.set, person.attr("id"), {IdTarget::Kind::person, &record, person}, result.diagnostics);
    }
    return result;
}

}  // namespace prikaz
