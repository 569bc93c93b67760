// File names are for people reading a folder listing: the date first so that
// names sort by date, then the number, then the heading in Latin letters.
#include "archive/filing.hpp"

#include "archive/error.hpp"
#include "output.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace prikaz::archive {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_heading_chars = 60;

// Lower-case ASCII words joined by hyphens; everything else separates words.
std::string hyphenate(std::string_view ascii) {
    std::string out;
    bool gap = false;
    for (char c : ascii) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (keep || upper) {
            if (gap && !out.empty()) out += '-';
            out += upper ? static_cast<char>(c - 'A' + 'a') : c;
            gap = false;
        } else if (c != '\'' && c != '"') {  // BGN writes ь as ' and ъ as ": "tret'yem" → "tretyem", not "tret-yem"
            gap = true;
        }
    }
    return out;
}

}  // namespace

fs::path entry_folder(const std::string& organization, const std::string& records_year, const std::string& series) {
    return fs::path(organization) / records_year / series;
}

std::string file_stem(const std::string& date, const std::string& number, const std::string& heading,
                      const russian::Transliterator& translit) {
    std::string words = hyphenate(translit(heading));
    if (words.size() > max_heading_chars) {
        const auto cut = words.rfind('-', max_heading_chars);
        words.resize(cut == std::string::npos || cut == 0 ? max_heading_chars : cut);
    }
    std::string stem = date + "_" + hyphenate(translit(number));
    if (!words.empty()) stem += "_" + words;
    return stem;
}

fs::path write_pending(const fs::path& archive, const std::string& token, const std::vector<std::string>& paths) {
    const fs::path dir = archive / pending_dir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw ArchiveError(Category::io, "archive-readonly", dir.string(), "не удалось создать папку: " + ec.message());
    std::string text;
    for (const std::string& p : paths) text += p + "\n";
    const fs::path manifest = dir / (token + ".list");
    auto published = publish(manifest, text);
    if (!published.empty())
        throw ArchiveError(Category::io, published.front().rule, manifest.string(), published.front().message);
    return manifest;
}

bool has_pending(const fs::path& archive) {
    std::error_code ec;
    return fs::is_directory(archive / pending_dir, ec) && !fs::is_empty(archive / pending_dir, ec);
}

std::vector<std::string> recover(const fs::path& archive, const Journal& journal) {
    std::vector<std::string> done;
    const fs::path dir = archive / pending_dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return done;
    std::vector<fs::path> items;
    for (const auto& item : fs::directory_iterator(dir, ec)) items.push_back(item.path());
    std::sort(items.begin(), items.end());
    std::vector<fs::path> handled;
    for (const fs::path& manifest : items) {
        if (manifest.extension() != ".list") continue;
        std::ifstream in(manifest);
        std::vector<std::string> paths;
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) paths.push_back(line);
        const bool registered =
            !paths.empty() && std::all_of(paths.begin(), paths.end(), [&](const std::string& p) { return journal.has_file(p); });
        if (registered) {
            done.push_back("выдача приказа успела завершиться до сбоя (файлы в архиве и в журнале); убраны её временные файлы");
        } else {
            const std::size_t before = done.size();
            for (const std::string& p : paths) {
                // A file of the journal is never removed, whatever a manifest says.
                if (journal.has_file(p)) continue;
                const fs::path file = archive / p;
                if (fs::remove(file, ec)) done.push_back("удалён файл прерванной выдачи: " + file.string());
                // publish's temporary ".<name>.tmp-XXXXXX", left by a process killed while writing.
                const std::string prefix = "." + file.filename().string() + ".tmp-";
                for (const auto& sibling : fs::directory_iterator(file.parent_path(), ec))
                    if (sibling.path().filename().string().rfind(prefix, 0) == 0 && fs::remove(sibling.path(), ec))
                        done.push_back("удалён недописанный файл прерванной выдачи: " + sibling.path().string());
            }
            if (done.size() == before) done.push_back("прерванная выдача не успела положить файлы в архив; убраны её временные файлы");
        }
        fs::path staging = manifest;
        staging.replace_extension(".d");
        fs::remove_all(staging, ec);
        fs::remove(manifest, ec);
        handled.push_back(staging);
        handled.push_back(manifest);
    }
    // What a process killed while writing its manifest left: the half-written list.
    for (const fs::path& item : items)
        if (std::find(handled.begin(), handled.end(), item) == handled.end() && fs::remove_all(item, ec) > 0)
            done.push_back("удалён недописанный список прерванной выдачи");
    return done;
}

}  // namespace prikaz::archive
