// Issuing an order: the next registration number, a numbered copy of the record,
// its documents, filed in the archive and registered in the journal — all or nothing.
#pragma once

#include "archive/journal.hpp"

#include <prikaz/prikaz.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace prikaz::archive {

struct IssueOptions {
    std::filesystem::path archive = "archive";
    std::filesystem::path schema_dir;    // empty: default_schema_dir()
    std::filesystem::path template_dir;  // empty: default_template_dir()
    std::vector<OutputFormat> formats;   // empty: DOCX
    std::string date;                    // ISO; empty: the record's <date>, else today
    std::string basis;                   // «основание» for the journal
    std::string cancels;                 // number of the order this one cancels
    std::string amends;                  // ... or amends
    // Test hook (PRIKAZ_FAULT): the process dies at this step as if killed —
    // after-lock, after-manifest, after-render, after-first-file, after-files,
    // before-commit, after-commit — or "disk-full" makes the second file fail to write.
    std::string fault;
    Limits limits;
};

struct IssueResult {
    std::vector<Diagnostic> diagnostics;  // an error means nothing was issued
    std::vector<std::string> cleaned;     // what an earlier interrupted issue left and this run removed
    std::optional<Entry> entry;           // the registered order, with its files
};

IssueResult issue(const std::filesystem::path& record, const IssueOptions& options);

}  // namespace prikaz::archive
