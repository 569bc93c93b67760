// Helpers shared by the tests: temporary folders, record files, running the program.
#pragma once

#include <prikaz/prikaz.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace test {

namespace fs = std::filesystem;

inline const fs::path source_dir = PRIKAZ_SOURCE_DIR;

// Peak memory a test allows the program, in KiB; sanitizer builds need about three times more.
inline long memory_budget_kib(long plain) {
#ifdef PRIKAZ_SANITIZED
    return plain * 3;
#else
    return plain;
#endif
}

// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("prikaz-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }

    // Writes bytes to a file in the folder and returns its path.
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::path p = path_ / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

private:
    fs::path path_;
};

// A record document in the records namespace: test::record("roadmap", "<title>…</title>…").
// The bytes of a file ("" when it cannot be read).
inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string record(const std::string& root, const std::string& body, const std::string& attributes = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root +
           " xmlns=\"urn:prikaz:records\" version=\"1\" id=\"r1\"" + attributes + ">\n" + body + "</" + root + ">\n";
}

// Runs `prikaz check` in-process and formats every diagnostic.
inline std::vector<std::string> check(const std::vector<fs::path>& paths, prikaz::Limits limits = {}) {
    prikaz::CheckOptions options;
    options.schema_dir = source_dir / "schemas";
    options.limits = limits;
    std::vector<std::string> lines;
    for (const auto& d : prikaz::check(paths, options)) lines.push_back(prikaz::format(d));
    return lines;
}

inline std::vector<std::string> check(const fs::path& path, prikaz::Limits limits = {}) {
    return check(std::vector<fs::path>{path}, limits);
}

// Checks one file of a temp folder and shows paths relative to the folder.
inline std::vector<std::string> check_file(const TempDir& dir, const std::string& name, prikaz::Limits limits = {}) {
    std::vector<std::string> lines = check(dir.path() / name, limits);
    const std::string prefix = dir.path().string() + "/";
    for (auto& line : lines)
        if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
    return lines;
}

struct Run {
    int exit_code = -1;
    std::string out;      // stdout and stderr together
    long max_rss_kib = 0;  // peak memory of the child
};

// Runs a shell command; stdout and stderr together.
inline Run shell(const std::string& command_line) {
    const std::string command = command_line + " 2>&1";
    Run result;
    int fds[2];
    if (::pipe(fds) != 0) return result;
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) result.out.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.max_rss_kib = usage.ru_maxrss;
    return result;
}

// Runs the prikaz executable with arguments (through /bin/sh, so quote paths).
inline Run run(const std::string& arguments, const std::string& prefix = "") {
    return shell(prefix + " " + std::string(PRIKAZ_BINARY) + " " + arguments);
}

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace test
