// Checking an archive: every file of the journal against its SHA-256, and the folder against the journal.
#pragma once

#include <prikaz/prikaz.hpp>

#include <filesystem>
#include <vector>

namespace prikaz::archive {

// Exit code of `prikaz verify` when the archive is damaged (README "Коды завершения").
inline constexpr int exit_damaged = 6;

struct VerifyResult {
    // missing, changed and unregistered files (rules archive-missing, archive-changed,
    // archive-unregistered), or why the journal could not be read
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> cleaned;  // what recovery of an interrupted issue removed first
    std::size_t entries = 0;
    std::size_t files = 0;  // files checked
    bool damaged() const;
};

// Reads the whole archive; changes nothing except finishing an interrupted issue.
VerifyResult verify(const std::filesystem::path& archive);

}  // namespace prikaz::archive
