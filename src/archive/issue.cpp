// The order of the steps is what makes an issue all or nothing: the write lock,
// a manifest of the files to come, the files (temporary name, fsync, rename),
// and only then the journal row. Whatever dies in between, the next run finds
// the manifest and removes the files the journal does not know.
#include "archive/issue.hpp"

#include "archive/error.hpp"
#include "archive/filing.hpp"
#include "archive/numbering.hpp"
#include "archive/sha256.hpp"
#include "choose_template.hpp"
#include "output.hpp"
#include "records.hpp"
#include "russian/text.hpp"
#include "rules.hpp"
#include "schema.hpp"
#include "xml_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

namespace prikaz::archive {

namespace fs = std::filesystem;

namespace {

Diagnostic error(Category category, std::string rule, const fs::path& file, std::string message) {
    return {Severity::error, category, std::move(rule), {file.string(), 0, 0}, std::move(message)};
}

// The test hook: dies here without any cleanup, as a killed process would.
void fault_point(const IssueOptions& options, std::string_view step) {
    if (options.fault == step) std::_Exit(86);
}

std::string now(const char* format) {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&t, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
}

// The first character of UTF-8 text (a whole code point).
std::string first_char(std::string_view s) {
    if (s.empty()) return {};
    const auto lead = static_cast<unsigned char>(s[0]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::string(s.substr(0, std::min(n, s.size())));
}

// "С.М. Фёдорова" for a person of the records; the id itself when it names nobody.
std::string initials_surname(const RecordSet& set, const std::string& person) {
    auto found = set.ids.find(person);
    if (found == set.ids.end() || found->second.kind != IdTarget::Kind::person) return person;
    Node p = found->second.node;
    std::string initials;
    if (Node given = p.child("initials")) {
        for (char c : given.text())
            if (c != ' ') initials += c;
    } else {
        initials = first_char(p.child("name").text()) + ".";
        if (Node patronymic = p.child("patronymic")) initials += first_char(patronymic.text()) + ".";
    }
    return initials + " " + p.child("surname").text();
}

// Every record file of the folder but those inside the archive (its filed copies
// have the same ids as the records they were made from).
std::vector<fs::path> record_files(const fs::path& folder, const fs::path& archive) {
    std::vector<fs::path> files;
    std::error_code ec;
    const fs::path skip = fs::weakly_canonical(archive, ec);
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec) && (fs::weakly_canonical(it->path(), ec) == skip || fs::exists(it->path() / journal_file, ec))) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The numbered copy and where its lines differ from the draft's.
struct Copy {
    std::string text;
    int after_line = 0;  // the draft's line of <kind> (or <date>), after which lines were added
    int added_lines = 0;
};

// The record with its number and date, as written by the secretary otherwise: comments and spacing kept.
std::optional<Copy> numbered_copy(const fs::path& record, const std::string& date, const std::string& number,
                                         const Limits& limits, std::vector<Diagnostic>& out) {
    ReadResult read = read_xml_file(record, limits, XmlUse::document);
    if (!read.file) {
        out.insert(out.end(), read.diagnostics.begin(), read.diagnostics.end());
        return std::nullopt;
    }
    xmlDoc* doc = read.file->doc.get();
    xmlNode* root = xmlDocGetRootElement(doc);
    Node kind = Node(root).child("kind");
    // The indentation of <kind>, repeated before each new element.
    std::string indent = "\n  ";
    if (kind.raw()->prev && kind.raw()->prev->type == XML_TEXT_NODE) indent = std::string(as_view(kind.raw()->prev->content));
    xmlNode* after = kind.raw();
    Copy copy;
    auto add = [&](const char* name, const std::string& value) {
        copy.added_lines += static_cast<int>(std::count(indent.begin(), indent.end(), '\n'));
        xmlNode* element = xmlNewDocNode(doc, kind.raw()->ns, BAD_CAST name, nullptr);
        xmlNodeAddContent(element, BAD_CAST value.c_str());
        xmlNode* space = xmlNewDocText(doc, BAD_CAST indent.c_str());
        after = xmlAddNextSibling(after, space);
        after = xmlAddNextSibling(after, element);
    };
    if (Node existing = Node(root).child("date")) after = existing.raw();
    copy.after_line = Node(after).line();
    if (!Node(root).child("date")) add("date", date);
    if (!Node(root).child("number")) add("number", number);
    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
    copy.text.assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(std::max(size, 0)));
    xmlFree(bytes);
    return copy;
}

std::optional<std::string> read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Removes what an issue has made so far; the archive is as it was before.
class Undo {
public:
    explicit Undo(fs::path archive) : archive_(std::move(archive)) {}
    ~Undo() {
        if (kept_) return;
        std::error_code ec;
        for (auto it = published_.rbegin(); it != published_.rend(); ++it) fs::remove(*it, ec);
        for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) fs::remove(*it, ec);  // only when empty
        if (!staging_.empty()) fs::remove_all(staging_, ec);
        if (!manifest_.empty()) fs::remove(manifest_, ec);
    }
    Undo(const Undo&) = delete;
    Undo& operator=(const Undo&) = delete;

    void folder(const fs::path& dir) { folders_.push_back(dir); }
    void published(const fs::path& file) { published_.push_back(file); }
    void staging(const fs::path& dir) { staging_ = dir; }
    void manifest(const fs::path& file) { manifest_ = file; }
    // Committed: the files stay; the manifest and the staging folder go.
    void keep() {
        kept_ = true;
        std::error_code ec;
        fs::remove_all(staging_, ec);
        fs::remove(manifest_, ec);
    }

private:
    fs::path archive_;
    std::vector<fs::path> published_, folders_;
    fs::path staging_, manifest_;
    bool kept_ = false;
};

// The folders from the archive down to `dir` that do not exist yet, outermost first.
std::vector<fs::path> missing_folders(const fs::path& archive, const fs::path& relative) {
    std::vector<fs::path> out;
    fs::path at = archive;
    std::error_code ec;
    for (const fs::path& part : relative) {
        at /= part;
        if (!fs::exists(at, ec)) out.push_back(at);
    }
    return out;
}

// The order to issue, checked with the other records of its folder (as `prikaz check`
// does) so that its references resolve.
struct Draft {
    LoadResult loaded;
    const Record* record = nullptr;
    fs::path folder;
    fs::path canonical;
};

std::optional<Draft> load_draft(const fs::path& record_path, const IssueOptions& options, std::vector<Diagnostic>& out) {
    std::error_code ec;
    if (!fs::is_regular_file(record_path, ec)) {
        out.push_back(error(Category::io, "file-missing", record_path, "файл записи не найден; проверьте путь"));
        return std::nullopt;
    }
    if (!options.date.empty() && !is_iso_date(options.date)) {
        out.push_back(error(Category::data, "bad-date", record_path,
                            "дата в --date «" + options.date + "» не в виде ГГГГ-ММ-ДД (например, 2024-09-02)"));
        return std::nullopt;
    }
    RecordSchema schema(options.schema_dir.empty() ? default_schema_dir() : options.schema_dir);
    Draft draft;
    draft.folder = record_path.has_parent_path() ? record_path.parent_path() : fs::path(".");
    draft.loaded = load_records(record_files(draft.folder, options.archive), schema, options.limits);
    auto rules = apply_rules(draft.loaded.set);
    draft.loaded.diagnostics.insert(draft.loaded.diagnostics.end(), rules.begin(), rules.end());
    draft.canonical = fs::weakly_canonical(record_path, ec);
    for (const Record& r : draft.loaded.set.records)
        if (fs::weakly_canonical(r.file.path, ec) == draft.canonical) draft.record = &r;
    // A draft without a date is checked as if issued today; given --date, its warnings come from the dated copy instead.
    const bool dated_later = !options.date.empty() && draft.record && !draft.record->root().child("date");
    for (Diagnostic& d : draft.loaded.diagnostics)
        if (fs::weakly_canonical(d.where.file, ec) == draft.canonical && !(dated_later && d.severity == Severity::warning))
            out.push_back(std::move(d));
    if (exit_code(out) != ExitCode::ok) return std::nullopt;
    if (!draft.record) {
        out.push_back(error(Category::data, "not-a-record", record_path, "файл не удалось прочитать как запись"));
        return std::nullopt;
    }
    if (draft.record->kind != RecordKind::order) {
        out.push_back(error(Category::data, "not-an-order", record_path,
                            "регистрируются только приказы, а это запись вида «" +
                                std::string(to_string(draft.record->kind)) +
                                "»; приложение выдаётся вместе со своим приказом"));
        return std::nullopt;
    }
    return draft;
}

// What the issuer's registration says for this order: its series, and when numbering restarts.
struct Numbering {
    std::string organization;
    fs::path organization_file;
    Restart restart = Restart::calendar_year;
    Series series;
};

std::optional<Numbering> find_numbering(const Draft& draft, const fs::path& record_path, std::vector<Diagnostic>& out) {
    const Node root = draft.record->root();
    Numbering n;
    n.organization = root.child("issuer").attr("organization");
    auto issuer = draft.loaded.set.ids.find(n.organization);
    if (issuer == draft.loaded.set.ids.end() || issuer->second.kind != IdTarget::Kind::record) {
        out.push_back(error(Category::data, "issuer-missing", record_path,
                            "издающей организации «" + n.organization + "» нет среди записей папки: положите её запись рядом"));
        return std::nullopt;
    }
    n.organization_file = issuer->second.record->file.path;
    const Node registration = issuer->second.record->root().child("registration");
    if (!registration) {
        out.push_back(error(Category::data, "no-registration", n.organization_file,
                            "у организации «" + n.organization + "» не описана регистрация приказов: добавьте <registration restart=\"school-year\"> "
                            "с сериями номеров, например <series code=\"od\" title=\"по основной деятельности\" pattern=\"{n}-од\"/>"));
        return std::nullopt;
    }
    n.restart = registration.attr("restart") == "school-year" ? Restart::school_year : Restart::calendar_year;
    std::vector<Series> all;
    for (Node s : registration.children())
        if (s.name() == "series") all.push_back({s.attr("code"), s.attr("title"), s.attr("pattern"), s.attr("case")});
    std::string code = root.attr("series");
    if (code.empty() && all.size() == 1) code = all.front().code;
    auto series = std::find_if(all.begin(), all.end(), [&](const Series& s) { return s.code == code; });
    if (series == all.end()) {
        std::string known;
        for (const Series& s : all) known += (known.empty() ? "" : ", ") + s.code;
        out.push_back(error(Category::data, code.empty() ? "series-missing" : "series-unknown", record_path,
                            (code.empty() ? std::string("у организации несколько серий номеров (") + known +
                                                "): укажите нужную в атрибуте series у <order>"
                                          : "у организации нет серии номеров «" + code + "»; есть: " + known)));
        return std::nullopt;
    }
    if (series->pattern.find("{n}") == std::string::npos) {
        out.push_back(error(Category::data, "series-pattern", n.organization_file,
                            "в образце номера серии «" + code + "» нет {n}: напишите, где стоит порядковый номер, например \"{n}-од\""));
        return std::nullopt;
    }
    n.series = *series;
    return n;
}

// The date: as written in the record, else --date, else today.
std::optional<std::string> order_date(Node root, const IssueOptions& options, const fs::path& record_path,
                                      std::vector<Diagnostic>& out) {
    std::string date = root.child("date").text();
    if (!date.empty() && !options.date.empty() && date != options.date) {
        out.push_back(error(Category::data, "date-conflict", record_path,
                            "в записи уже стоит дата " + date + ", а в --date указана " + options.date + ": оставьте одну"));
        return std::nullopt;
    }
    if (date.empty()) date = options.date.empty() ? now("%Y-%m-%d") : options.date;
    return date;
}

// The archive folder exists and may be written to.
bool archive_writable(const fs::path& archive, std::vector<Diagnostic>& out) {
    std::error_code ec;
    fs::create_directories(archive, ec);
    if (ec) {
        out.push_back(error(Category::io, "archive-readonly", archive, "не удалось создать папку архива: " + ec.message()));
        return false;
    }
    if (::access(archive.c_str(), W_OK) != 0) {
        out.push_back(error(Category::io, "archive-readonly", archive,
                            "папка архива только для чтения: выдать приказ нельзя; архив не тронут — проверьте права на папку"));
        return false;
    }
    return true;
}

// The journal row to be, without its number and files: who, what, when.
Entry describe(const Draft& draft, const Numbering& numbering, const std::string& date, const IssueOptions& options) {
    const Node root = draft.record->root();
    Entry entry;
    entry.organization = numbering.organization;
    entry.series = numbering.series.code;
    entry.records_year = records_year(date, numbering.restart);
    entry.date = date;
    entry.kind = numbering.series.title;
    entry.heading = root.child("heading").text();
    if (Node signature = root.child("signature"))
        entry.signatory = signature.child("position").text() + " " + initials_surname(draft.loaded.set, signature.attr("person"));
    if (Node executor = root.child("executor")) entry.executor = initials_surname(draft.loaded.set, executor.attr("person"));
    entry.basis = options.basis;
    entry.case_index = numbering.series.case_index;
    entry.record_id = draft.record->id;
    entry.issued_at = now("%Y-%m-%dT%H:%M:%S%z");
    return entry;
}

// The number: the next of the series, or the one written in the record when it fits
// the series' pattern and is free this year.
bool take_number(Journal& journal, const Series& series, const std::string& written, const fs::path& record_path,
                 Entry& entry, std::vector<Diagnostic>& out) {
    if (written.empty()) {
        entry.sequence = journal.last_sequence(entry.organization, series.code, entry.records_year) + 1;
        entry.number = format_number(series.pattern, entry.sequence);
    } else {
        std::optional<std::int64_t> n = parse_number(series.pattern, written);
        if (!n) {
            out.push_back(error(Category::data, "number-pattern", record_path,
                                "номер «" + written + "» написан не по образцу серии «" + series.pattern +
                                    "»; уберите <number> — номер даст журнал"));
            return false;
        }
        entry.sequence = *n;
        entry.number = written;
    }
    if (auto taken = journal.find_number(entry.organization, entry.records_year, entry.number)) {
        out.push_back(error(Category::io, "number-taken", record_path,
                            "номер " + entry.number + " в " + entry.records_year + " уже занят: приказ от " + taken->date +
                                " «" + taken->heading + "»; уберите <number> — журнал даст следующий свободный"));
        return false;
    }
    return true;
}

// --cancels / --amends: the order corrected, found in the journal.
bool link_correction(const Journal& journal, const IssueOptions& options, const fs::path& record_path, Entry& entry,
                     std::vector<Diagnostic>& out) {
    for (const auto& [link, kind] : {std::pair{options.cancels, "cancels"}, std::pair{options.amends, "amends"}}) {
        if (link.empty()) continue;
        std::vector<Entry> found = journal.find_number(entry.organization, link);
        if (found.size() != 1) {
            out.push_back(error(Category::data, "correction-target", record_path,
                                found.empty() ? "в журнале нет приказа № " + link + ", который этот приказ отменяет или изменяет"
                                              : "в журнале несколько приказов № " + link + " (в разные годы); такую ссылку пока не указать"));
            return false;
        }
        entry.corrects = found.front().id;
        entry.correction = kind;
    }
    return true;
}

// A file of the issue: its path inside the archive and its role in the journal.
struct Planned {
    std::string path;
    std::string role;
};

// The numbered copy and the documents, made in the staging folder beside links to the
// other records of the draft's folder (so that references resolve).
bool make_in_staging(const Draft& draft, const fs::path& record_path, const fs::path& staging, const std::string& stem,
                     const std::vector<OutputFormat>& formats, const Entry& entry, const IssueOptions& options,
                     std::vector<Diagnostic>& out) {
    std::error_code ec;
    fs::create_directories(staging, ec);
    if (ec) throw ArchiveError(Category::io, "archive-readonly", staging.string(), "не удалось создать папку: " + ec.message());
    for (const fs::path& other : record_files(draft.folder, options.archive)) {
        if (fs::weakly_canonical(other, ec) == draft.canonical) continue;
        const fs::path link = staging / fs::relative(other, draft.folder, ec);
        fs::create_directories(link.parent_path(), ec);
        fs::create_symlink(fs::absolute(other, ec), link, ec);
    }
    std::optional<Copy> copy = numbered_copy(record_path, entry.date, entry.number, options.limits, out);
    if (!copy) return false;
    const fs::path staged = staging / (stem + ".xml");
    if (auto written = publish(staged, copy->text); !written.empty()) {
        out.insert(out.end(), written.begin(), written.end());
        return false;
    }
    for (OutputFormat f : formats) {
        RenderOptions render;
        render.schema_dir = options.schema_dir;
        render.template_dir = options.template_dir;
        render.format = f;
        render.output = staging / (stem + std::string(extension(f)));
        render.limits = options.limits;
        RenderResult rendered = render_documents(staged, render);
        for (Diagnostic& d : rendered.diagnostics) {
            // The copy is checked again by render: a warning already shown for the draft is not repeated.
            if (d.severity == Severity::warning && std::any_of(out.begin(), out.end(), [&](const Diagnostic& seen) {
                    return seen.rule == d.rule && seen.message == d.message;
                }))
                continue;
            if (fs::weakly_canonical(d.where.file, ec) == fs::weakly_canonical(staged, ec)) {
                d.where.file = record_path.string();
                if (d.where.line > copy->after_line) d.where.line -= copy->added_lines;  // the draft's line
            }
            // The template's messages name the record they were filled with: the user's file, not the staged copy.
            for (auto at = d.message.find(staged.string()); at != std::string::npos; at = d.message.find(staged.string(), at))
                d.message.replace(at, staged.string().size(), record_path.string());
            out.push_back(std::move(d));
        }
        if (exit_code(out) != ExitCode::ok || rendered.written.empty()) {
            if (exit_code(out) == ExitCode::ok)
                out.push_back(error(Category::internal, "render-nothing", record_path, "документ не получился, а причина не названа"));
            return false;
        }
    }
    return true;
}

// Filing: each staged file under its final name in the archive, never over another.
bool file_into_archive(const std::vector<Planned>& files, const fs::path& relative, const fs::path& staging,
                       const IssueOptions& options, Undo& undo, Entry& entry, std::vector<Diagnostic>& out) {
    std::error_code ec;
    for (const fs::path& dir : missing_folders(options.archive, relative)) {
        fs::create_directory(dir, ec);
        if (ec) throw ArchiveError(Category::io, "archive-readonly", dir.string(), "не удалось создать папку: " + ec.message());
        undo.folder(dir);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& [path, role] = files[i];
        const fs::path from = staging / fs::path(path).filename();
        std::optional<std::string> bytes = read_all(from);
        if (!bytes) throw ArchiveError(Category::io, "write-failed", from.string(), "не удалось прочитать подготовленный файл");
        std::vector<Diagnostic> published;
        if (options.fault == "disk-full" && i == 1)
            published.push_back(error(Category::io, "write-failed", options.archive / path, "не удалось записать файл: на диске нет места"));
        else
            published = publish(options.archive / path, *bytes);
        if (!published.empty()) {
            out.insert(out.end(), published.begin(), published.end());
            return false;
        }
        undo.published(options.archive / path);
        entry.files.push_back({path, sha256_hex(*bytes), role});
        if (i == 0) fault_point(options, "after-first-file");
    }
    return true;
}

}  // namespace

IssueResult issue(const fs::path& record_path, const IssueOptions& options) {
    IssueResult result;
    auto& out = result.diagnostics;
    std::optional<Draft> draft = load_draft(record_path, options, out);
    if (!draft) return result;
    std::optional<Numbering> numbering = find_numbering(*draft, record_path, out);
    if (!numbering) return result;
    std::optional<std::string> date = order_date(draft->record->root(), options, record_path, out);
    if (!date) return result;
    const std::string written_number = draft->record->root().child("number").text();

    // Everything that makes the archive change from here on runs under the journal's write lock.
    if (!archive_writable(options.archive, out)) return result;
    try {
        Journal journal(options.archive / journal_file, Journal::Mode::write);
        Journal::Transaction tx(journal);
        fault_point(options, "after-lock");
        result.cleaned = recover(options.archive, journal);

        if (auto issued = journal.find_record(numbering->organization, draft->record->id)) {
            out.push_back(error(Category::io, "already-issued", record_path,
                                "запись " + draft->record->id + " уже выдана: приказ № " + issued->number + " от " +
                                    issued->date +
                                    "; выданный приказ не меняется — исправление выпускается новым приказом (--amends или --cancels)"));
            return result;
        }
        Entry entry = describe(*draft, *numbering, *date, options);
        if (!take_number(journal, numbering->series, written_number, record_path, entry, out)) return result;
        if (!link_correction(journal, options, record_path, entry, out)) return result;

        // The files and where they go.
        russian::Transliterator translit;
        const fs::path relative = entry_folder(entry.organization, entry.records_year, entry.series);
        const std::string stem = file_stem(entry.date, entry.number, entry.heading, translit);
        const std::vector<OutputFormat> formats =
            options.formats.empty() ? std::vector<OutputFormat>{OutputFormat::docx} : options.formats;
        std::vector<Planned> files{{(relative / (stem + ".xml")).string(), "record"}};
        for (OutputFormat f : formats) {
            const std::string ext(extension(f));
            files.push_back({(relative / (stem + ext)).string(), ext.substr(1)});
        }
        std::error_code ec;
        for (const Planned& f : files)
            if (fs::exists(fs::symlink_status(options.archive / f.path, ec))) {
                out.push_back(error(Category::io, "would-overwrite", options.archive / f.path,
                                    "файл уже есть в архиве, но в журнале его нет; prikaz ничего не перезаписывает — "
                                    "проверьте архив командой prikaz verify"));
                return result;
            }

        Undo undo(options.archive);
        std::random_device rd;
        const std::string token = std::to_string(::getpid()) + "-" + std::to_string(rd());
        std::vector<std::string> listed;
        for (const Planned& f : files) listed.push_back(f.path);
        undo.manifest(write_pending(options.archive, token, listed));
        fault_point(options, "after-manifest");

        const fs::path staging = options.archive / pending_dir / (token + ".d");
        undo.staging(staging);
        if (!make_in_staging(*draft, record_path, staging, stem, formats, entry, options, out)) return result;
        fault_point(options, "after-render");
        if (!file_into_archive(files, relative, staging, options, undo, entry, out)) return result;
        fault_point(options, "after-files");

        entry.id = journal.insert(entry);
        fault_point(options, "before-commit");
        tx.commit();
        fault_point(options, "after-commit");
        undo.keep();
        result.entry = std::move(entry);
    } catch (const ArchiveError& e) {
        out.push_back(e.diagnostic());
    } catch (const russian::DataError& e) {
        throw SetupError(e.what());
    }
    return result;
}

}  // namespace prikaz::archive
