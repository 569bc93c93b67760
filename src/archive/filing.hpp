// Where issued documents go in the archive folder, and the pending manifests
// that let the next run clean up after an issue that died half-way.
#pragma once

#include "archive/journal.hpp"
#include "russian/translit.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz::archive {

// The folder for an order, relative to the archive: "<organization>/<records year>/<series>".
std::filesystem::path entry_folder(const std::string& organization, const std::string& records_year, const std::string& series);

// A readable, portable file stem: "2022-09-02_112-od_o-zakreplenii-nastavnicheskikh-par".
// ASCII letters, digits and hyphens only; the heading is cut at a word to keep names short.
std::string file_stem(const std::string& date, const std::string& number, const std::string& heading,
                      const russian::Transliterator& translit);

// Folder of pending manifests and staging folders inside the archive.
inline constexpr const char* pending_dir = ".pending";

// Lists, before any file of an issue is published, the archive-relative paths it
// will create, flushed to disk. Returns the manifest's path; throws ArchiveError.
std::filesystem::path write_pending(const std::filesystem::path& archive, const std::string& token,
                                    const std::vector<std::string>& paths);

// Finishes what died: for every manifest whose files are not all in the journal,
// removes those files (and their half-written temporaries); then removes the
// manifests and staging folders. Call with the journal's write lock held.
// Returns one Russian line per thing cleaned up.
std::vector<std::string> recover(const std::filesystem::path& archive, const Journal& journal);

// Are there manifests to recover (cheap; no lock needed)?
bool has_pending(const std::filesystem::path& archive);

}  // namespace prikaz::archive
