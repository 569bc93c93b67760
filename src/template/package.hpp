// Template packages: ZIP archives (DOCX, ODT) read defensively and written reproducibly.
#pragma once

#include <prikaz/prikaz.hpp>

#include "template/deflate.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz {

// Caps that keep a hostile archive from exhausting the machine (see docs/security.md).
struct PackageLimits {
    std::size_t max_archive_bytes = 50u << 20;   // the template file itself
    std::size_t max_entries = 1000;
    std::size_t max_entry_bytes = 100u << 20;    // expanded size of any one entry
    std::size_t max_total_bytes = 300u << 20;    // expanded size of all entries together
    std::size_t ratio_grace_bytes = 100u << 10;  // entries smaller than this are not ratio-checked
    double min_ratio = 0.01;                     // compressed / expanded, below it the entry is a bomb
};

struct PackageEntry {
    std::string name;  // as stored: "word/document.xml"
    std::string data;  // expanded bytes
    // For writing only: when set, the entry is stored as these already deflated
    // bytes instead of `data` (a rendered part, compressed while it was rendered).
    std::shared_ptr<const Deflated> deflated = {};
};

// The entries of an archive, in archive order.
struct Package {
    std::vector<PackageEntry> entries;

    const PackageEntry* find(std::string_view name) const;
    PackageEntry* find(std::string_view name);
};

// Reads a template archive. Every check of untrusted-input §2.4 runs before any
// entry is used; a refused archive gives diagnostics of Category::template_
// (rule ids "zip-…", messages in Russian naming the entry and the limit) and nullopt.
// A missing or unreadable file is Category::io.
std::optional<Package> read_package(const std::filesystem::path& path, const PackageLimits& limits,
                                    std::vector<Diagnostic>& out);
std::optional<Package> read_package_bytes(std::string_view bytes, const std::string& display,
                                          const PackageLimits& limits, std::vector<Diagnostic>& out);

// Writes a package: entries in the given order, one fixed timestamp, deflate for
// all but "mimetype", which is stored uncompressed (ODT requires it first and
// stored). Same package, same bytes. Returns the archive.
// The order is the caller's: an ODT package must list "mimetype" first. The
// timestamp is the DOS date 2000-01-01 00:00, set as DOS fields so that the
// machine's time zone does not change the bytes. Built in memory, nothing
// touches the disk; throws std::runtime_error only if libzip fails.
std::string write_package(const Package& package);

}  // namespace prikaz
