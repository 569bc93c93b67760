// The package stage: template archives in (untrusted, checked before any entry
// is read), generated archives out (reproducible). See untrusted-input.md §2.
#include "template/package.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <utility>

namespace prikaz {

const PackageEntry* Package::find(std::string_view name) const {
    for (const PackageEntry& entry : entries)
        if (entry.name == name) return &entry;
    return nullptr;
}

PackageEntry* Package::find(std::string_view name) {
    return const_cast<PackageEntry*>(std::as_const(*this).find(name));
}

namespace {

// ---------------------------------------------------------------- libzip handles

struct ArchiveDiscard {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct SourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct FileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;
using Source = std::unique_ptr<zip_source_t, SourceFree>;
using File = std::unique_ptr<zip_file_t, FileClose>;

class ZipError {
public:
    ZipError() { zip_error_init(&error_); }
    ~ZipError() { zip_error_fini(&error_); }
    ZipError(const ZipError&) = delete;
    ZipError& operator=(const ZipError&) = delete;

    zip_error_t* get() { return &error_; }
    int code() { return zip_error_code_zip(&error_); }
    std::string text() { return zip_error_strerror(&error_); }

private:
    zip_error_t error_;
};

// ---------------------------------------------------------------- messages

// "100 МиБ", "190,7 МиБ", "512 КиБ", "1000 байт".
std::string human_size(std::uint64_t bytes) {
    auto scaled = [&](int shift, const char* unit) {
        const std::uint64_t whole = bytes >> shift;
        const std::uint64_t tenth = ((bytes & ((std::uint64_t{1} << shift) - 1)) * 10) >> shift;
        return std::to_string(whole) + (tenth ? "," + std::to_string(tenth) : "") + " " + unit;
    };
    if (bytes >= (std::uint64_t{1} << 30)) return scaled(30, "ГиБ");
    if (bytes >= (std::uint64_t{1} << 20)) return scaled(20, "МиБ");
    if (bytes >= (std::uint64_t{1} << 10)) return scaled(10, "КиБ");
    return std::to_string(bytes) + " байт";
}

// Decodes one UTF-8 sequence at `i`; false (and `i` unchanged) if it is not valid UTF-8.
bool next_code_point(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80                 ? 1
                            : b >= 0xC2 && b <= 0xDF ? 2
                            : b >= 0xE0 && b <= 0xEF ? 3
                            : b >= 0xF0 && b <= 0xF4 ? 4
                                                     : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const auto t = static_cast<unsigned char>(s[i + k]);
        if ((t & 0xC0) != 0x80) return false;
        c = (c << 6) | (t & 0x3Fu);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    cp = c;
    i += len;
    return true;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string hex_byte(unsigned char b) {
    static const char digits[] = "0123456789ABCDEF";
    return std::string("\\x") + digits[b >> 4] + digits[b & 15];
}

// An entry name as it may appear in a message: the name itself comes from a
// hostile file, and messages must stay valid, printable UTF-8 of sane length.
std::string printable(std::string_view name) {
    constexpr std::size_t max_chars = 120;
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++chars) {
        if (chars == max_chars) return out + "…";
        const std::size_t start = i;
        char32_t cp = 0;
        if (!next_code_point(name, i, cp)) {
            out += hex_byte(static_cast<unsigned char>(name[i++]));
        } else if (is_control(cp)) {
            for (std::size_t k = start; k < i; ++k) out += hex_byte(static_cast<unsigned char>(name[k]));
        } else {
            out.append(name.substr(start, i - start));
        }
    }
    return out;
}

std::string entry_name(std::string_view name) { return "«" + printable(name) + "»"; }

// Why an entry name is refused, empty if it is acceptable. Word and LibreOffice
// never write such names; they only come from other tools or crafted files, and
// they either escape a folder when extracted (zip slip) or are read differently
// by different programs.
std::string name_problem(std::string_view name) {
    if (name.empty()) return "оно пустое";
    for (std::size_t i = 0; i < name.size();) {
        char32_t cp = 0;
        if (!next_code_point(name, i, cp)) return "оно не в кодировке UTF-8";
        if (cp == 0) return "в нём байт 0x00";
        if (is_control(cp)) return "в нём управляющий символ";
    }
    if (name.front() == '/') return "это абсолютный путь (начинается с «/»)";
    if (name.find('\\') != std::string_view::npos)
        return "в нём обратная косая черта «\\» (в ZIP папки разделяет только «/»)";
    if (name.size() >= 2 && name[1] == ':' &&
        ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
        return "оно начинается с буквы диска";
    std::string_view rest = name;
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (segment == "..") return "в пути есть переход в родительскую папку «..»";
        if (segment == ".") return "в пути есть сегмент «.»";
        if (segment.empty()) return "в пути есть пустой сегмент «//»";
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);  // a trailing "/" (a folder entry) leaves nothing and ends the loop
    }
    return {};
}

std::string fold_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string method_name(int method) {
    switch (method) {
        case ZIP_CM_SHRINK:
            return "Shrink";
        case ZIP_CM_IMPLODE:
            return "Implode";
        case ZIP_CM_DEFLATE64:
            return "Deflate64";
        case ZIP_CM_BZIP2:
            return "bzip2";
        case ZIP_CM_LZMA:
            return "LZMA";
        case 93:
            return "Zstandard";
        case ZIP_CM_XZ:
            return "XZ";
        case ZIP_CM_PPMD:
            return "PPMd";
        default:
            return "с номером " + std::to_string(method);
    }
}

// "100" for a ratio limit of 0.01.
std::string times(double factor) {
    return factor < 1e15 ? std::to_string(static_cast<long long>(factor + 0.5)) : "1e15";
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr std::string_view ole2_magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

const std::string resave = "откройте шаблон в Word или LibreOffice и сохраните его заново";

// ---------------------------------------------------------------- central directory

std::uint64_t little_endian(std::string_view s, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(k)]);
    return v;
}

// The entry names exactly as stored in the central directory, in its order;
// nullopt if it cannot be walked. libzip does not give us this: it replaces a
// NUL in a name with a space (so "a\0b" and "a b" look alike) and may substitute
// an Info-ZIP Unicode path for the stored name. The caller checks that these
// names match libzip's, so both parsers agree on what each index holds.
std::optional<std::vector<std::string>> stored_names(std::string_view z) {
    constexpr std::size_t eocd_size = 22, zip64_locator_size = 20, zip64_eocd_size = 56, entry_size = 46;
    if (z.size() < eocd_size) return std::nullopt;
    // The end record is the last signature whose comment fits into the file.
    std::size_t eocd = z.size() - eocd_size;
    for (;; --eocd) {
        if (z.substr(eocd, 4) == "PK\x05\x06" && eocd + eocd_size + little_endian(z, eocd + 20, 2) <= z.size()) break;
        if (eocd == 0 || z.size() - eocd >= eocd_size + 0xFFFF) return std::nullopt;
    }
    std::uint64_t count = little_endian(z, eocd + 10, 2);
    std::uint64_t offset = little_endian(z, eocd + 16, 4);
    if (eocd >= zip64_locator_size && z.substr(eocd - zip64_locator_size, 4) == "PK\x06\x07") {
        const std::uint64_t at = little_endian(z, eocd - zip64_locator_size + 8, 8);
        if (at > z.size() || z.size() - at < zip64_eocd_size || z.substr(at, 4) != "PK\x06\x06") return std::nullopt;
        count = little_endian(z, at + 32, 8);
        offset = little_endian(z, at + 48, 8);
    }
    std::vector<std::string> names;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (offset > z.size() || z.size() - offset < entry_size || z.substr(offset, 4) != "PK\x01\x02")
            return std::nullopt;
        const std::uint64_t name_size = little_endian(z, offset + 28, 2);
        const std::uint64_t tail = name_size + little_endian(z, offset + 30, 2) + little_endian(z, offset + 32, 2);
        if (z.size() - offset - entry_size < name_size) return std::nullopt;
        names.emplace_back(z.substr(offset + entry_size, name_size));
        offset += entry_size + tail;
    }
    return names;
}

// What libzip makes of a stored name (see stored_names).
std::string as_libzip_sees_it(std::string name) {
    for (char& c : name)
        if (c == '\0') c = ' ';
    return name;
}

// ---------------------------------------------------------------- reading

class Reader {
public:
    Reader(std::string_view bytes, const std::string& display, const PackageLimits& limits,
           std::vector<Diagnostic>& out)
        : bytes_(bytes), display_(display), limits_(limits), out_(out) {}

    std::optional<Package> read() {
        if (!looks_like_zip()) return std::nullopt;
        Archive archive = open();
        if (!archive) return std::nullopt;
        const std::optional<std::vector<std::string>> names = agreed_names(archive.get());
        if (!names) return std::nullopt;
        check_entries(archive.get(), *names);
        if (failed_) return std::nullopt;  // nothing is decompressed from an archive that failed a check
        Package package = read_entries(archive.get(), *names);
        if (failed_) return std::nullopt;
        check_odf_encryption(package);
        if (failed_) return std::nullopt;
        return package;
    }

private:
    void refuse(std::string rule, std::string message) {
        out_.push_back({Severity::error, Category::template_, std::move(rule), {display_, 0, 0}, std::move(message)});
        failed_ = true;
    }

    // libzip failed where it cannot (a bug here or there): no exception on the
    // reading side, the caller gets an internal diagnostic and exit code 70.
    void internal(const std::string& what) {
        out_.push_back({Severity::error,
                        Category::internal,
                        "zip-internal",
                        {display_, 0, 0},
                        "внутренняя ошибка prikaz при чтении архива (" + what + "); сообщите разработчикам"});
        failed_ = true;
    }

    // Files that are not ZIP archives, named for what they are: someone renamed
    // a .doc, an .rtf or an XML file, or saved the DOCX with a password.
    bool looks_like_zip() {
        if (bytes_.size() > limits_.max_archive_bytes) {
            refuse("zip-too-large", "файл шаблона больше " + human_size(limits_.max_archive_bytes) +
                                        "; такие шаблоны не принимаются: уменьшите шаблон (например, сожмите рисунки)");
            return false;
        }
        if (bytes_.empty()) {
            refuse("zip-not-archive", "файл пуст; шаблон DOCX или ODT — это архив ZIP");
            return false;
        }
        if (starts_with(bytes_, ole2_magic)) {
            // Word keeps a password-protected DOCX in an OLE2 container whose streams
            // are "EncryptionInfo" and "EncryptedPackage" (names stored in UTF-16LE).
            constexpr std::string_view encrypted_package{"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32};
            if (bytes_.find(encrypted_package) != std::string_view::npos)
                refuse("zip-encrypted",
                       "шаблон зашифрован паролем: это файл Word с паролем, а не DOCX; "
                       "снимите пароль и сохраните заново");
            else
                refuse("zip-not-archive",
                       "это файл Word 97–2003 (.doc) или другой файл OLE2, а не DOCX/ODT: "
                       "откройте его в Word или LibreOffice и сохраните как DOCX или ODT");
            return false;
        }
        if (starts_with(bytes_, "{\\rtf")) {
            refuse("zip-not-archive", "это RTF, а не DOCX/ODT: сохраните как DOCX или ODT");
            return false;
        }
        return true;
    }

    Archive open() {
        ZipError error;
        Source source(zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, error.get()));
        if (!source) throw std::bad_alloc();  // its only failure for a non-empty buffer
        // CHECKCONS compares every local header with the central directory and
        // refuses exact duplicate names (§2.4).
        Archive archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, error.get()));
        if (archive) {
            source.release();  // the archive owns it now
            return archive;
        }
        switch (error.code()) {
            case ZIP_ER_NOZIP:
                refuse_not_zip();
                break;
            case ZIP_ER_EXISTS:
                refuse_duplicates_of_stored_names();
                break;
            case ZIP_ER_MEMORY:
                throw std::bad_alloc();
            case ZIP_ER_MULTIDISK:
                refuse("zip-damaged", "многотомный архив ZIP не поддерживается; " + resave);
                break;
            default:
                refuse("zip-damaged", "архив ZIP повреждён (libzip: " + error.text() + "); " + resave);
                break;
        }
        return nullptr;
    }

    void refuse_not_zip() {
        if (starts_with(bytes_, "PK\x03\x04")) {
            refuse("zip-truncated",
                   "архив оборван: в конце файла нет оглавления ZIP — файл скопирован или скачан "
                   "не полностью; скопируйте шаблон заново");
            return;
        }
        std::string_view text = bytes_;
        if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
        const std::size_t first = text.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos && text[first] == '<') {
            refuse("zip-not-archive",
                   "это XML-файл, а не архив DOCX/ODT (например, «XML-документ Word» или .fodt): "
                   "откройте его в Word или LibreOffice и сохраните как DOCX или ODT");
            return;
        }
        refuse("zip-not-archive",
               "файл не является архивом ZIP, а шаблон DOCX или ODT — это архив ZIP: "
               "сохраните шаблон в Word или LibreOffice как DOCX или ODT");
    }

    // libzip refused the archive for a repeated name without saying which one.
    void refuse_duplicates_of_stored_names() {
        if (const auto names = stored_names(bytes_)) check_duplicates(*names);
        if (!failed_) refuse("zip-duplicate", "в архиве две записи с одним именем; " + resave);
    }

    // Entry names as stored, after making sure libzip reads the same ones at the same indexes.
    std::optional<std::vector<std::string>> agreed_names(zip_t* archive) {
        const zip_int64_t count = zip_get_num_entries(archive, 0);
        if (count < 0) {
            internal("libzip: zip_get_num_entries");
            return std::nullopt;
        }
        if (static_cast<std::uint64_t>(count) > limits_.max_entries) {
            refuse("zip-too-many", "в архиве " + std::to_string(count) + " записей, допустимо не больше " +
                                       std::to_string(limits_.max_entries) +
                                       "; в шаблоне DOCX или ODT их обычно несколько десятков");
            return std::nullopt;
        }
        std::optional<std::vector<std::string>> names = stored_names(bytes_);
        bool agree = names && names->size() == static_cast<std::size_t>(count);
        for (zip_uint64_t i = 0; agree && i < static_cast<zip_uint64_t>(count); ++i) {
            const char* name = zip_get_name(archive, i, ZIP_FL_ENC_RAW);
            agree = name && as_libzip_sees_it((*names)[i]) == name;
        }
        if (!agree) {
            refuse("zip-damaged", "оглавление архива ZIP читается неоднозначно (имена записей расходятся); " + resave);
            return std::nullopt;
        }
        return names;
    }

    void check_duplicates(const std::vector<std::string>& names) {
        std::map<std::string, std::size_t> seen;  // folded name → first index
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto [at, fresh] = seen.emplace(fold_ascii(names[i]), i);
            if (fresh) continue;
            const std::string& first = names[at->second];
            if (first == names[i])
                refuse("zip-duplicate", "запись " + entry_name(names[i]) +
                                            " встречается в архиве дважды: разные программы прочтут разные копии; " +
                                            resave);
            else
                refuse("zip-duplicate", "записи " + entry_name(first) + " и " + entry_name(names[i]) +
                                            " различаются только регистром букв, а для Word это одна запись; " +
                                            resave);
        }
    }

    // Every check of §2.4 on what the central directory declares; all problems
    // are reported, none stops the others.
    void check_entries(zip_t* archive, const std::vector<std::string>& names) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (std::string problem = name_problem(names[i]); !problem.empty())
                refuse("zip-bad-name", "запись " + entry_name(names[i]) + ": недопустимое имя — " + problem +
                                           ". Такие имена не создают ни Word, ни LibreOffice; " + resave);
        check_duplicates(names);

        std::size_t encrypted = 0;
        std::string first_encrypted;
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < names.size(); ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            constexpr zip_uint64_t needed =
                ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
            if (zip_stat_index(archive, i, 0, &st) != 0 || (st.valid & needed) != needed) {
                internal("libzip: zip_stat_index");
                return;
            }
            const std::string name = entry_name(names[i]);
            if (st.encryption_method != ZIP_EM_NONE && encrypted++ == 0) first_encrypted = name;
            if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)
                refuse("zip-method", "запись " + name + " сжата методом " + method_name(st.comp_method) +
                                         "; в шаблонах допустимы только Deflate и хранение без сжатия; " + resave);
            if (st.size > limits_.max_entry_bytes)
                refuse("zip-too-large", "запись " + name + " распаковывается в " + human_size(st.size) +
                                            ", больше допустимых " + human_size(limits_.max_entry_bytes) +
                                            "; уменьшите шаблон (например, сожмите рисунки)");
            // The ratio is a second line of defence behind the absolute caps:
            // real documents reach 1:64 (untrusted-input §2.2).
            if (st.size > limits_.ratio_grace_bytes &&
                static_cast<double>(st.comp_size) < limits_.min_ratio * static_cast<double>(st.size))
                refuse("zip-bomb", "запись " + name + " сжата из " + human_size(st.size) + " в " +
                                       human_size(st.comp_size) + " — сильнее, чем в " + times(1 / limits_.min_ratio) +
                                       " раз: так сжимаются подделанные архивы («zip-бомбы»), а не шаблоны; " + resave);
            total = st.size > UINT64_MAX - total ? UINT64_MAX : total + st.size;
        }
        if (encrypted > 0)
            refuse("zip-encrypted", "архив зашифрован паролем (зашифрованных записей: " + std::to_string(encrypted) +
                                        ", первая " + first_encrypted +
                                        "); шаблоны с паролем не принимаются: снимите пароль и сохраните заново");
        if (total > limits_.max_total_bytes)
            refuse("zip-too-large", "все записи архива вместе распаковываются в " + human_size(total) +
                                        ", больше допустимых " + human_size(limits_.max_total_bytes) +
                                        "; уменьшите шаблон (например, сожмите рисунки)");
    }

    Package read_entries(zip_t* archive, const std::vector<std::string>& names) {
        Package package;
        for (std::size_t i = 0; i < names.size(); ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            if (zip_stat_index(archive, i, 0, &st) != 0) {
                internal("libzip: zip_stat_index");
                continue;
            }
            if (std::optional<std::string> data = read_entry(archive, i, st.size, names[i]))
                package.entries.push_back({names[i], std::move(*data)});
        }
        return package;
    }

    // libzip inflates past the declared size without complaint (§2.4), so the
    // declared size (already within the caps) bounds the buffer and the read.
    std::optional<std::string> read_entry(zip_t* archive, zip_uint64_t index, zip_uint64_t declared,
                                          const std::string& name) {
        File file(zip_fopen_index(archive, index, 0));
        if (!file) {
            refuse("zip-damaged",
                   "запись " + entry_name(name) + " не читается (libzip: " + zip_strerror(archive) + "); " + resave);
            return std::nullopt;
        }
        // One byte more than declared shows a lie; reading on to the end makes libzip check the CRC.
        std::string data(static_cast<std::size_t>(declared) + 1, '\0');
        std::size_t got = 0;
        while (got < data.size()) {
            const zip_int64_t n = zip_fread(file.get(), data.data() + got, data.size() - got);
            if (n < 0) {
                refuse_read_error(name, zip_file_get_error(file.get()));
                return std::nullopt;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        if (got != declared) {
            refuse("zip-size-mismatch",
                   "запись " + entry_name(name) + " содержит " +
                       (got > declared ? "больше данных" : "меньше данных (" + human_size(got) + ")") +
                       ", чем указано в её заголовке (" + human_size(declared) + "): архив повреждён или подделан; " +
                       resave);
            return std::nullopt;
        }
        data.resize(got);
        return data;
    }

    void refuse_read_error(const std::string& name, zip_error_t* error) {
        const std::string where = "запись " + entry_name(name);
        switch (zip_error_code_zip(error)) {
            case ZIP_ER_MEMORY:
                throw std::bad_alloc();
            case ZIP_ER_CRC:
                refuse("zip-damaged", where + " повреждена: контрольная сумма не сходится; " + resave);
                break;
            case ZIP_ER_ZLIB:
            case ZIP_ER_COMPRESSED_DATA:
                refuse("zip-damaged", where + " повреждена: сжатые данные не распаковываются; " + resave);
                break;
            case ZIP_ER_INCONS:  // libzip's own end-of-data check of the size
                refuse("zip-size-mismatch", where +
                                                " не совпадает по размеру с заголовком: архив повреждён или "
                                                "подделан; " +
                                                resave);
                break;
            default:
                refuse("zip-damaged",
                       where + " повреждена (libzip: " + std::string(zip_error_strerror(error)) + "); " + resave);
                break;
        }
    }

    // An ODT saved with a password is a valid ZIP whose parts are encrypted by
    // ODF itself; only the manifest tells (untrusted-input §2.4).
    void check_odf_encryption(const Package& package) {
        const PackageEntry* manifest = package.find("META-INF/manifest.xml");
        if (!manifest) return;
        const std::string& xml = manifest->data;
        for (std::size_t at = xml.find("encryption-data"); at != std::string::npos;
             at = xml.find("encryption-data", at + 1)) {
            if (at > 0 && (xml[at - 1] == ':' || xml[at - 1] == '<')) {
                refuse("zip-encrypted",
                       "ODT защищён паролем: откройте его в LibreOffice, снимите пароль "
                       "(«Файл» → «Сохранить как…» без флажка «Сохранить с паролем») и сохраните заново");
                return;
            }
        }
    }

    std::string_view bytes_;
    const std::string& display_;
    const PackageLimits& limits_;
    std::vector<Diagnostic>& out_;
    bool failed_ = false;
};

// ---------------------------------------------------------------- writing

// 2000-01-01 00:00:00 as an MS-DOS date and time. ZIP headers hold local wall
// time with no zone; libzip 1.7.3's zip_file_set_mtime turns a time_t into it
// with localtime(), so one time_t gives different bytes under different TZ
// (tested: 00:00 under UTC, 03:00 under MSK). Setting the DOS fields directly
// makes the archive independent of the machine's time zone.
constexpr zip_uint16_t dos_date = ((2000 - 1980) << 9) | (1 << 5) | 1;
constexpr zip_uint16_t dos_time = 0;

[[noreturn]] void write_failed(zip_t* archive, const std::string& what) {
    throw std::runtime_error("writing an archive: " + what + ": " + zip_strerror(archive));
}

}  // namespace

std::optional<Package> read_package_bytes(std::string_view bytes, const std::string& display,
                                          const PackageLimits& limits, std::vector<Diagnostic>& out) {
    return Reader(bytes, display, limits, out).read();
}

std::optional<Package> read_package(const std::filesystem::path& path, const PackageLimits& limits,
                                    std::vector<Diagnostic>& out) {
    const std::string display = path.string();
    auto io_error = [&](std::string rule, std::string message) {
        out.push_back({Severity::error, Category::io, std::move(rule), {display, 0, 0}, std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) return io_error("file-missing", "файл шаблона не найден; проверьте путь");
    if (std::filesystem::is_directory(status)) return io_error("file-unreadable", "это папка, а не файл шаблона");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        const std::string reason = err == EACCES ? "нет прав на чтение" : std::strerror(err);
        return io_error("file-unreadable",
                        "файл шаблона не открывается на чтение (" + reason + "); проверьте права доступа");
    }
    // Read in pieces up to one byte over the cap: the size on disk may be
    // unknown (a pipe) or change while we read.
    std::string bytes;
    char chunk[1 << 16];
    while (bytes.size() <= limits.max_archive_bytes && in) {
        in.read(chunk, sizeof chunk);
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return io_error("file-unreadable", "файл шаблона не удалось прочитать целиком");
    return read_package_bytes(bytes, display, limits, out);
}

namespace {

// A source that gives libzip an entry deflated already: its stat names the
// method, CRC and sizes, so zip_close copies the bytes instead of compressing.
zip_source_t* deflated_source(zip_t* archive, const Deflated& part) {
    struct Cursor {
        const Deflated& part;
        std::size_t at = 0;
    };
    auto callback = [](void* user, void* data, zip_uint64_t length, zip_source_cmd_t command) -> zip_int64_t {
        auto* reader = static_cast<Cursor*>(user);
        switch (command) {
            case ZIP_SOURCE_OPEN: reader->at = 0; return 0;
            case ZIP_SOURCE_READ: {
                const std::size_t n = std::min<std::size_t>(length, reader->part.bytes.size() - reader->at);
                std::memcpy(data, reader->part.bytes.data() + reader->at, n);
                reader->at += n;
                return static_cast<zip_int64_t>(n);
            }
            case ZIP_SOURCE_CLOSE: return 0;
            case ZIP_SOURCE_STAT: {
                auto* st = static_cast<zip_stat_t*>(data);
                zip_stat_init(st);
                st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
                st->size = reader->part.size;
                st->comp_size = reader->part.bytes.size();
                st->comp_method = ZIP_CM_DEFLATE;
                st->crc = reader->part.crc;
                return sizeof(zip_stat_t);
            }
            case ZIP_SOURCE_ERROR:  // never fails; libzip still asks in a fixed form
                static_cast<int*>(data)[0] = ZIP_ER_OK;
                static_cast<int*>(data)[1] = 0;
                return 2 * sizeof(int);
            case ZIP_SOURCE_FREE: delete reader; return 0;
            case ZIP_SOURCE_SUPPORTS:
                return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
            default: return -1;
        }
    };
    auto* reader = new Cursor{part};
    zip_source_t* source = zip_source_function(archive, callback, reader);
    if (!source) delete reader;
    return source;
}

}  // namespace

std::string write_package(const Package& package) {
    // zip_close() deletes an archive left without entries instead of writing
    // one; an empty ZIP is just its end record.
    if (package.entries.empty()) return std::string("PK\x05\x06", 4) + std::string(18, '\0');

    ZipError error;
    Source buffer(zip_source_buffer_create(nullptr, 0, 0, error.get()));
    if (!buffer) throw std::runtime_error("writing an archive: " + error.text());
    Archive archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, error.get()));
    if (!archive) throw std::runtime_error("writing an archive: " + error.text());
    zip_source_keep(buffer.get());  // the archive owns one reference; ours outlives zip_close

    for (const PackageEntry& entry : package.entries) {
        const bool folder = !entry.name.empty() && entry.name.back() == '/' && entry.data.empty();
        zip_int64_t index = -1;
        if (folder) {
            index = zip_dir_add(archive.get(), entry.name.c_str(), ZIP_FL_ENC_UTF_8);
        } else {
            // The data is read at zip_close, while `package` is still alive.
            Source data(entry.deflated ? deflated_source(archive.get(), *entry.deflated)
                                       : zip_source_buffer(archive.get(), entry.data.data(), entry.data.size(), 0));
            if (!data) write_failed(archive.get(), entry.name);
            index = zip_file_add(archive.get(), entry.name.c_str(), data.get(), ZIP_FL_ENC_UTF_8);
            if (index >= 0) data.release();  // now owned by the archive
        }
        if (index < 0) write_failed(archive.get(), entry.name);
        const auto i = static_cast<zip_uint64_t>(index);
        // ODF requires "mimetype" stored (and first: callers put it first). An
        // entry already deflated keeps libzip's default method, which copies the
        // bytes as they are. Level 6, zlib's default: level 9 (libzip's choice for
        // 0) costs half the render time for 7 % smaller files (bench/README.md).
        const zip_int32_t method = entry.deflated                              ? ZIP_CM_DEFAULT
                                   : folder || entry.name == "mimetype" ? ZIP_CM_STORE
                                                                        : ZIP_CM_DEFLATE;
        if ((method != ZIP_CM_DEFAULT && zip_set_file_compression(archive.get(), i, method, method == ZIP_CM_DEFLATE ? 6 : 0) != 0) ||
            zip_file_set_dostime(archive.get(), i, dos_time, dos_date, 0) != 0)
            write_failed(archive.get(), entry.name);
    }
    if (zip_close(archive.get()) != 0) write_failed(archive.get(), "zip_close");
    archive.release();  // zip_close freed it

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer.get(), &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(buffer.get()) != 0)
        throw std::runtime_error("writing an archive: cannot read back the buffer");
    std::string result(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_source_read(buffer.get(), result.data(), result.size());
    zip_source_close(buffer.get());
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
        throw std::runtime_error("writing an archive: short read of the buffer");
    return result;
}

}  // namespace prikaz
