// The registration journal: an SQLite file in the archive folder, one row per
// issued order and one per file filed with it. The schema is versioned
// (PRAGMA user_version) and migrated step by step when an older file is opened.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace prikaz::archive {

// "prikaz" journals carry this PRAGMA application_id; any other SQLite file is foreign.
inline constexpr std::int32_t application_id = 0x50524B5A;  // "PRKZ"

// The schema version this program writes; older journals are migrated to it.
inline constexpr int journal_version = 2;

// The journal's file name inside the archive folder.
inline constexpr const char* journal_file = "journal.sqlite";

// A file filed with an order, its path relative to the archive folder.
struct FiledFile {
    std::string path;    // "kodinsk-school3/2022-2023/od/2022-09-02_112-od_o-....docx"
    std::string sha256;  // hex
    std::string role;    // "record", "docx", "odt", "pdf"
};

// One registered order.
struct Entry {
    std::int64_t id = 0;
    std::string organization;  // id of the issuer
    std::string series;        // code: "od"
    std::string records_year;  // "2022-2023" or "2022"
    std::int64_t sequence = 0;
    std::string number;  // as written: "112-од"
    std::string date;    // ISO
    std::string kind;    // the series title: "по основной деятельности"
    std::string heading;
    std::string signatory;
    std::string basis;
    std::string executor;
    std::string case_index;
    std::string record_id;
    std::string issued_at;  // local time, ISO 8601 with offset
    std::optional<std::int64_t> corrects;  // the entry this one cancels or amends
    std::string correction;                // "cancels" or "amends" when `corrects` is set
    std::vector<FiledFile> files;
};

class Journal {
public:
    enum class Mode { read, write };

    // Opens (in write mode creates) the journal and migrates it to journal_version.
    // Throws ArchiveError: corrupt file, foreign database, newer version, no access.
    Journal(const std::filesystem::path& file, Mode mode, int busy_timeout_ms = 60'000);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // The write lock for one issue: BEGIN IMMEDIATE, waiting out other writers; rolled back unless committed.
    class Transaction {
    public:
        explicit Transaction(Journal& journal);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        Journal& journal_;
        bool done_ = false;
    };

    int version() const;
    std::int64_t last_sequence(const std::string& organization, const std::string& series, const std::string& year) const;
    std::optional<Entry> find_record(const std::string& organization, const std::string& record_id) const;
    std::vector<Entry> find_number(const std::string& organization, const std::string& number) const;
    // Numbers are unique in an organization's records year, whatever the series.
    std::optional<Entry> find_number(const std::string& organization, const std::string& year, const std::string& number) const;
    // Every entry with its files, by date then number.
    std::vector<Entry> entries() const;
    // Is this archive-relative path filed with some entry?
    bool has_file(const std::string& path) const;
    std::int64_t insert(const Entry& entry);

    const std::filesystem::path& file() const { return file_; }

private:
    struct Statement;
    void exec(const char* sql);
    void migrate();
    [[noreturn]] void fail(const std::string& rule, const std::string& what) const;
    std::vector<Entry> select(const std::string& where, const std::vector<std::string>& args) const;

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    int busy_timeout_ms_;
};

}  // namespace prikaz::archive
