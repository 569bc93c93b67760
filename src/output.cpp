#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace prikaz {

namespace {

// Closes a descriptor and removes the temporary file unless it was published.
class TempFile {
public:
    explicit TempFile(std::string pattern) : path_(std::move(pattern)) {
        fd_ = ::mkstemp(path_.data());
        created_ = fd_ >= 0;
    }
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (created_ && !published_) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    bool ok() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    bool close() {
        int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }
    void published() { published_ = true; }

private:
    std::string path_;
    int fd_ = -1;
    bool created_ = false;
    bool published_ = false;
};

std::string reason(int err) {
    switch (err) {
        case EACCES:
        case EPERM: return "нет прав на запись в папку";
        case ENOSPC: return "на диске нет места";
        case EROFS: return "папка только для чтения";
        case ENOENT: return "папки нет";
        default: return std::strerror(err);
    }
}

// Moves `from` to `to` unless `to` exists; renameat2 where the filesystem has it, else link + unlink.
int rename_no_replace(const char* from, const char* to) {
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    if (::link(from, to) != 0) return errno;
    ::unlink(from);
    return 0;
}

}  // namespace

std::vector<Diagnostic> publish(const std::filesystem::path& target, std::string_view bytes) {
    const std::string shown = target.string();
    auto fail = [&](std::string rule, std::string message) {
        return std::vector<Diagnostic>{{Severity::error, Category::io, std::move(rule), {shown, 0, 0}, std::move(message)}};
    };
    std::error_code ec;
    if (std::filesystem::exists(target, ec))
        return fail("would-overwrite", "файл уже есть; prikaz не перезаписывает документы: укажите другое имя в -o");
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    TempFile temp((dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string());
    if (!temp.ok()) return fail("write-failed", "не удалось создать файл: " + reason(errno));
    for (std::size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(temp.fd(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write-failed", "не удалось записать файл: " + reason(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file private (0600); a document is for others to read too.
    if (::fchmod(temp.fd(), 0644) != 0 || ::fsync(temp.fd()) != 0 || !temp.close())
        return fail("write-failed", "не удалось записать файл: " + reason(errno));
    if (int err = rename_no_replace(temp.path().c_str(), shown.c_str()); err != 0) {
        if (err == EEXIST)
            return fail("would-overwrite", "файл уже есть; prikaz не перезаписывает документы: укажите другое имя в -o");
        return fail("write-failed", "не удалось сохранить файл: " + reason(err));
    }
    temp.published();
    // The rename is durable only once the folder is synced.
    if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace prikaz
