// The journal on SQLite. Every write goes through BEGIN IMMEDIATE, so two
// processes issuing at once take turns (the busy timeout waits for the lock)
// and a crash before COMMIT leaves the file as it was (SQLite's rollback journal).
#include "archive/journal.hpp"

#include "archive/error.hpp"

#include <sqlite3.h>

#include <system_error>

namespace prikaz::archive {

namespace fs = std::filesystem;

namespace {

// One step of the schema; steps run in order, each in the transaction that records its version.
struct Migration {
    int version;
    const char* sql;
};

constexpr Migration migrations[] = {
    {1,
     "CREATE TABLE entries ("
     " id INTEGER PRIMARY KEY,"
     " organization TEXT NOT NULL, series TEXT NOT NULL, records_year TEXT NOT NULL, sequence INTEGER NOT NULL,"
     " number TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL, heading TEXT NOT NULL,"
     " signatory TEXT NOT NULL DEFAULT '', executor TEXT NOT NULL DEFAULT '',"
     " record_id TEXT NOT NULL, issued_at TEXT NOT NULL,"
     " UNIQUE (organization, series, records_year, sequence),"
     " UNIQUE (organization, record_id));"
     "CREATE TABLE files ("
     " entry INTEGER NOT NULL REFERENCES entries(id), path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, role TEXT NOT NULL);"},
    // Basis and case index for the journal's columns; corrections link a new order to the one it changes.
    {2,
     "ALTER TABLE entries ADD COLUMN basis TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE entries ADD COLUMN case_index TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE entries ADD COLUMN corrects INTEGER REFERENCES entries(id);"
     "ALTER TABLE entries ADD COLUMN correction TEXT NOT NULL DEFAULT '';"
     "CREATE UNIQUE INDEX entries_number ON entries (organization, records_year, number);"},
};
static_assert(std::size(migrations) == journal_version);

// The Russian message for an SQLite failure; the rule says what kind it is.
std::pair<std::string, std::string> explain(int code, sqlite3* db) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    switch (code & 0xff) {
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return {"journal-corrupt", "файл журнала повреждён или это не база SQLite (" + detail +
                                           "); архив не тронут — восстановите журнал из резервной копии"};
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            return {"archive-readonly", "нет права записи в архив (" + detail + "): проверьте права на папку архива и файл журнала"};
        case SQLITE_FULL: return {"disk-full", "на диске нет места для журнала; освободите место и повторите"};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return {"journal-busy", "журнал занят другим процессом prikaz слишком долго; повторите позже"};
        case SQLITE_IOERR: return {"journal-io", "ошибка ввода-вывода в журнале (" + detail + ")"};
        default: return {"journal-error", "ошибка журнала (" + detail + ")"};
    }
}

}  // namespace

struct Journal::Statement {
    Statement(const Journal& journal, const char* sql) : journal_(journal) {
        if (int rc = sqlite3_prepare_v2(journal.db_, sql, -1, &stmt_, nullptr); rc != SQLITE_OK) {
            auto [rule, what] = explain(rc, journal.db_);
            journal.fail(rule, what);
        }
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int at, const std::string& text) {
        sqlite3_bind_text(stmt_, at, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int at, std::int64_t value) {
        sqlite3_bind_int64(stmt_, at, value);
        return *this;
    }
    Statement& bind_null(int at) {
        sqlite3_bind_null(stmt_, at);
        return *this;
    }
    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        auto [rule, what] = explain(rc, journal_.db_);
        journal_.fail(rule, what);
    }
    std::string text(int column) const {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

private:
    const Journal& journal_;
    sqlite3_stmt* stmt_ = nullptr;
};

void Journal::fail(const std::string& rule, const std::string& what) const {
    throw ArchiveError(Category::io, rule, file_.string(), what);
}

void Journal::exec(const char* sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc != SQLITE_OK) {
        auto [rule, what] = explain(rc, db_);
        fail(rule, what);
    }
}

Journal::Journal(const fs::path& file, Mode mode, int busy_timeout_ms) : file_(file), busy_timeout_ms_(busy_timeout_ms) {
    std::error_code ec;
    if (mode == Mode::read && !fs::exists(file, ec))
        fail("journal-missing", "журнала нет: в этой папке ничего не выдавалось; укажите папку архива в --archive");
    const int flags = mode == Mode::read ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
        auto [rule, what] = explain(rc, db_);
        sqlite3_close(db_);
        db_ = nullptr;
        fail(rule, what);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    // SQLite quietly opens a write-protected file read-only; say so before anything is attempted.
    if (mode == Mode::write && sqlite3_db_readonly(db_, "main") == 1) {
        sqlite3_close(db_);
        fail("archive-readonly", "файл журнала только для чтения: выдать приказ нельзя; проверьте права на файл журнала");
    }
    try {
        exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
        // A damaged page shows up here rather than in the middle of an issue.
        {
            Statement check(*this, "PRAGMA quick_check");
            if (check.step() && check.text(0) != "ok")
                fail("journal-corrupt", "файл журнала повреждён (" + check.text(0) +
                                            "); архив не тронут — восстановите журнал из резервной копии");
        }
        migrate();
    } catch (...) {
        sqlite3_close(db_);
        throw;
    }
}

Journal::~Journal() { sqlite3_close(db_); }

int Journal::version() const {
    Statement s(*this, "PRAGMA user_version");
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void Journal::migrate() {
    auto inspect = [&] {
        Statement app(*this, "PRAGMA application_id");
        const std::int64_t id = app.step() ? app.integer(0) : 0;
        Statement tables(*this, "SELECT count(*) FROM sqlite_master");
        const std::int64_t count = tables.step() ? tables.integer(0) : 0;
        if (id != application_id && (id != 0 || count != 0))
            fail("journal-foreign", "это база SQLite, но не журнал prikaz; архив не тронут — укажите другую папку в --archive");
        const int v = version();
        if (v > journal_version)
            fail("journal-newer", "журнал записан более новой версией prikaz (версия схемы " + std::to_string(v) +
                                      ", эта программа знает до " + std::to_string(journal_version) + "); обновите prikaz");
        return v;
    };
    if (inspect() == journal_version) return;
    if (sqlite3_db_readonly(db_, "main") == 1) {
        // Reading an older journal: it is migrated once, which needs the right to write.
        sqlite3* rw = nullptr;
        if (sqlite3_open_v2(file_.c_str(), &rw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(rw);
            fail("archive-readonly", "журнал старой версии, а обновить его нельзя: нет права записи в архив");
        }
        sqlite3_close(db_);
        db_ = rw;
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, busy_timeout_ms_);
    }
    Transaction tx(*this);
    int v = inspect();  // another process may have migrated while this one waited for the lock
    if (v == 0) exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
    for (const Migration& m : migrations) {
        if (m.version <= v) continue;
        exec(m.sql);
        exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
        v = m.version;
    }
    tx.commit();
}

Journal::Transaction::Transaction(Journal& journal) : journal_(journal) { journal_.exec("BEGIN IMMEDIATE"); }

Journal::Transaction::~Transaction() {
    if (!done_) sqlite3_exec(journal_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Journal::Transaction::commit() {
    journal_.exec("COMMIT");
    done_ = true;
}

std::int64_t Journal::last_sequence(const std::string& organization, const std::string& series, const std::string& year) const {
    Statement s(*this, "SELECT coalesce(max(sequence), 0) FROM entries WHERE organization = ? AND series = ? AND records_year = ?");
    s.bind(1, organization).bind(2, series).bind(3, year);
    return s.step() ? s.integer(0) : 0;
}

std::vector<Entry> Journal::select(const std::string& where, const std::vector<std::string>& args) const {
    const std::string sql =
        "SELECT id, organization, series, records_year, sequence, number, date, kind, heading, signatory, basis, executor,"
        " case_index, record_id, issued_at, corrects, correction FROM entries " +
        where + " ORDER BY date, organization, series, sequence";
    Statement s(*this, sql.c_str());
    for (std::size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
    std::vector<Entry> out;
    while (s.step()) {
        Entry e;
        e.id = s.integer(0);
        e.organization = s.text(1);
        e.series = s.text(2);
        e.records_year = s.text(3);
        e.sequence = s.integer(4);
        e.number = s.text(5);
        e.date = s.text(6);
        e.kind = s.text(7);
        e.heading = s.text(8);
        e.signatory = s.text(9);
        e.basis = s.text(10);
        e.executor = s.text(11);
        e.case_index = s.text(12);
        e.record_id = s.text(13);
        e.issued_at = s.text(14);
        if (!s.null(15)) e.corrects = s.integer(15);
        e.correction = s.text(16);
        out.push_back(std::move(e));
    }
    for (Entry& e : out) {
        Statement files(*this, "SELECT path, sha256, role FROM files WHERE entry = ? ORDER BY rowid");
        files.bind(1, e.id);
        while (files.step()) e.files.push_back({files.text(0), files.text(1), files.text(2)});
    }
    return out;
}

std::optional<Entry> Journal::find_record(const std::string& organization, const std::string& record_id) const {
    auto found = select("WHERE organization = ? AND record_id = ?", {organization, record_id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<Entry> Journal::find_number(const std::string& organization, const std::string& number) const {
    return select("WHERE organization = ? AND number = ?", {organization, number});
}

std::optional<Entry> Journal::find_number(const std::string& organization, const std::string& year, const std::string& number) const {
    auto found = select("WHERE organization = ? AND records_year = ? AND number = ?", {organization, year, number});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<Entry> Journal::entries() const { return select("", {}); }

bool Journal::has_file(const std::string& path) const {
    Statement s(*this, "SELECT 1 FROM files WHERE path = ?");
    s.bind(1, path);
    return s.step();
}

std::int64_t Journal::insert(const Entry& e) {
    Statement s(*this,
                "INSERT INTO entries (organization, series, records_year, sequence, number, date, kind, heading, signatory,"
                " basis, executor, case_index, record_id, issued_at, corrects, correction)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, e.organization).bind(2, e.series).bind(3, e.records_year).bind(4, e.sequence).bind(5, e.number).bind(6, e.date);
    s.bind(7, e.kind).bind(8, e.heading).bind(9, e.signatory).bind(10, e.basis).bind(11, e.executor).bind(12, e.case_index);
    s.bind(13, e.record_id).bind(14, e.issued_at);
    if (e.corrects) s.bind(15, *e.corrects);
    else s.bind_null(15);
    s.bind(16, e.correction);
    s.step();
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    for (const FiledFile& f : e.files) {
        Statement file(*this, "INSERT INTO files (entry, path, sha256, role) VALUES (?, ?, ?, ?)");
        file.bind(1, id).bind(2, f.path).bind(3, f.sha256).bind(4, f.role);
        file.step();
    }
    return id;
}

}  // namespace prikaz::archive
