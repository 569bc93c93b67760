// Verification reads every byte of every filed file: an archive is small next to
// the cost of trusting a document that changed.
#include "archive/verify.hpp"

#include "archive/error.hpp"
#include "archive/filing.hpp"
#include "archive/journal.hpp"
#include "archive/sha256.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace prikaz::archive {

namespace fs = std::filesystem;

bool VerifyResult::damaged() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.rule.rfind("archive-", 0) == 0; });
}

VerifyResult verify(const fs::path& archive) {
    VerifyResult result;
    auto problem = [&](std::string rule, const fs::path& file, std::string message) {
        result.diagnostics.push_back({Severity::error, Category::io, std::move(rule), {file.string(), 0, 0}, std::move(message)});
    };
    try {
        if (has_pending(archive)) {
            Journal journal(archive / journal_file, Journal::Mode::write);
            Journal::Transaction tx(journal);
            result.cleaned = recover(archive, journal);
            tx.commit();
        }
        Journal journal(archive / journal_file, Journal::Mode::read);
        std::set<std::string> known;
        for (const Entry& entry : journal.entries()) {
            ++result.entries;
            for (const FiledFile& f : entry.files) {
                known.insert(f.path);
                ++result.files;
                const fs::path file = archive / f.path;
                std::ifstream in(file, std::ios::binary);
                if (!in) {
                    problem("archive-missing", file,
                            "файла нет, а в журнале он есть (приказ № " + entry.number + " от " + entry.date + ")");
                    continue;
                }
                std::ostringstream bytes;
                bytes << in.rdbuf();
                if (sha256_hex(bytes.str()) != f.sha256)
                    problem("archive-changed", file,
                            "файл изменён после выдачи: контрольная сумма SHA-256 не совпадает с журналом (приказ № " +
                                entry.number + " от " + entry.date + ")");
            }
        }
        std::vector<fs::path> extra;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(archive, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path relative = fs::relative(it->path(), archive, ec);
            if (it.depth() == 0 && (relative == pending_dir || relative.string().rfind(journal_file, 0) == 0)) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory() || known.count(relative.string())) continue;
            extra.push_back(it->path());
        }
        std::sort(extra.begin(), extra.end());
        for (const fs::path& file : extra)
            problem("archive-unregistered", file, "файла нет в журнале: в архив его положили не через prikaz issue");
    } catch (const ArchiveError& e) {
        result.diagnostics.push_back(e.diagnostic());
    }
    return result;
}

}  // namespace prikaz::archive
