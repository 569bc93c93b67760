// Printing to PDF through LibreOffice: a child process in a private folder.
#include "pdf.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace prikaz {

namespace fs = std::filesystem;

// A program found on PATH, as the shell would find it.
std::optional<fs::path> find_program(std::string_view name) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::string_view dirs(path);
    while (!dirs.empty()) {
        const std::size_t colon = std::min(dirs.find(':'), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(0, colon).empty() ? "." : dirs.substr(0, colon)) / name;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
        dirs.remove_prefix(std::min(colon + 1, dirs.size()));
    }
    return std::nullopt;
}

namespace {

// A private folder for LibreOffice's work, removed with everything in it.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "prikaz-pdf-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// How long LibreOffice may take: PRIKAZ_SOFFICE_TIMEOUT seconds, 300 by default
// (a first start builds its profile; a long roadmap takes a minute on an old computer).
int timeout_seconds() {
    if (const char* value = std::getenv("PRIKAZ_SOFFICE_TIMEOUT")) {
        char* end = nullptr;
        const long seconds = std::strtol(value, &end, 10);
        if (end != value && *end == '\0' && seconds > 0 && seconds <= 86400) return static_cast<int>(seconds);
    }
    return 300;
}

Diagnostic pdf_failed(const fs::path& target, std::string message) {
    return {Severity::error, Category::io, "pdf-failed", {target.string(), 0, 0}, std::move(message)};
}

}  // namespace

std::optional<std::string> to_pdf(const fs::path& soffice, const std::string& docx, const fs::path& target,
                                  std::vector<Diagnostic>& out) {
    ScratchDir scratch;
    if (scratch.path().empty()) {
        out.push_back(pdf_failed(target, "не удалось создать временную папку для LibreOffice"));
        return std::nullopt;
    }
    const fs::path input = scratch.path() / "document.docx";
    {
        std::ofstream file(input, std::ios::binary);
        file << docx;
        if (!file.flush()) {
            out.push_back(pdf_failed(target, "не удалось записать временный файл для LibreOffice"));
            return std::nullopt;
        }
    }
    // Its own profile: a user's running LibreOffice must neither block nor be disturbed.
    std::vector<std::string> args{soffice.string(),
                                  "-env:UserInstallation=file://" + (scratch.path() / "profile").string(),
                                  "--headless",
                                  "--convert-to",
                                  "pdf",
                                  "--outdir",
                                  scratch.path().string(),
                                  input.string()};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    // A process group of its own: soffice starts soffice.bin, and a stop must reach both.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (spawned != 0) {
        out.push_back(
            pdf_failed(target, std::string("не удалось запустить LibreOffice (") + soffice.string() + ")"));
        return std::nullopt;
    }
    // A LibreOffice that hangs (a dialog it cannot show, a stuck profile) must not hang prikaz.
    const int limit = timeout_seconds();
    for (int waited_ms = 0;; waited_ms += 100) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) {
            out.push_back(pdf_failed(target, "LibreOffice завершился непонятно как; DOCX можно получить с --format docx"));
            return std::nullopt;
        }
        if (waited_ms >= limit * 1000) {
            ::kill(-pid, SIGKILL);  // the whole group
            ::waitpid(pid, &status, 0);
            out.push_back(pdf_failed(target, "LibreOffice не сделал PDF за " + std::to_string(limit) +
                                                 " с и был остановлен; закройте открытые окна LibreOffice и повторите "
                                                 "или получите DOCX с --format docx"));
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::ifstream pdf(scratch.path() / "document.pdf", std::ios::binary);
    std::stringstream bytes;
    bytes << pdf.rdbuf();
    if (!pdf || bytes.str().empty()) {
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        out.push_back(pdf_failed(target,
                               "LibreOffice не сделал PDF (код завершения " + std::to_string(code) +
                                   "); DOCX можно получить с --format docx"));
        return std::nullopt;
    }
    return bytes.str();
}

}  // namespace prikaz
