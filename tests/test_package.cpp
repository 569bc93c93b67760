// The package stage: hostile template archives are refused with a clear
// message before any entry is decompressed; written archives are reproducible.
// Every hostile archive is built here, with libzip or by patching the bytes of
// an archive libzip made (untrusted-input.md §2.4 lists what they imitate).
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"
#include "template/package.hpp"

namespace {

using prikaz::Package;
using prikaz::PackageLimits;

const std::string resave = "откройте шаблон в Word или LibreOffice и сохраните его заново";

// Reads bytes as the template "t.docx" and returns every diagnostic formatted;
// a refused archive must give no package.
std::vector<std::string> refusals(const std::string& bytes, const PackageLimits& limits = {}) {
    std::vector<prikaz::Diagnostic> out;
    std::optional<Package> package = prikaz::read_package_bytes(bytes, "t.docx", limits, out);
    CHECK_FALSE(package);
    std::vector<std::string> lines;
    for (const auto& d : out) {
        CHECK(d.category == prikaz::Category::template_);
        lines.push_back(prikaz::format(d));
    }
    return lines;
}

std::vector<std::string> one(const std::string& rule, const std::string& message) {
    return {"t.docx: error[" + rule + "]: " + message};
}

Package package_of(std::vector<std::pair<std::string, std::string>> entries) {
    Package p;
    for (auto& [name, data] : entries) p.entries.push_back({name, data});
    return p;
}

// An archive made by libzip with whatever `fill` adds: for what write_package
// never does (encryption, bzip2, streamed sources).
std::string libzip_archive(const std::function<void(zip_t*)>& fill) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    zip_source_keep(buffer);
    fill(archive);
    REQUIRE(zip_close(archive) == 0);
    zip_stat_t st;
    zip_stat_init(&st);
    REQUIRE(zip_source_stat(buffer, &st) == 0);
    REQUIRE(zip_source_open(buffer) == 0);
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    REQUIRE(zip_source_read(buffer, bytes.data(), bytes.size()) == static_cast<zip_int64_t>(st.size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

zip_uint64_t add(zip_t* archive, const std::string& name, const std::string& data) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    REQUIRE(source);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, 0);
    REQUIRE(index >= 0);
    return static_cast<zip_uint64_t>(index);
}

// A source of `size` zero bytes that never holds them in memory: a real
// zip bomb made in the test without the memory it would take to read it.
struct Zeros {
    zip_uint64_t size = 0;
    zip_uint64_t at = 0;
};

zip_int64_t zeros(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* z = static_cast<Zeros*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN:
            z->at = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            const zip_uint64_t n = std::min(length, z->size - z->at);
            std::memset(data, 0, static_cast<std::size_t>(n));
            z->at += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_STAT: {
            if (length < sizeof(zip_stat_t)) return -1;
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->valid = ZIP_STAT_SIZE;
            st->size = z->size;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_FREE:
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS, -1);
        default:
            return -1;
    }
}

// Replaces a name in both headers (local and central) with one of the same length.
void rename_entry(std::string& zip, std::string_view from, std::string_view to) {
    REQUIRE(from.size() == to.size());
    int replaced = 0;
    for (auto at = zip.find(from); at != std::string::npos; at = zip.find(from, at + 1), ++replaced)
        zip.replace(at, to.size(), to);
    REQUIRE(replaced == 2);
}

std::uint32_t get_le(const std::string& z, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(z[at + static_cast<std::size_t>(k)]);
    return v;
}

void put_le(std::string& z, std::size_t at, std::uint32_t v, int bytes) {
    for (int k = 0; k < bytes; ++k, v >>= 8) z[at + static_cast<std::size_t>(k)] = static_cast<char>(v & 0xFF);
}

// Offsets of the local and central header of the one entry called `name`.
std::pair<std::size_t, std::size_t> headers_of(const std::string& zip, const std::string& name) {
    const std::size_t local = zip.find(name) - 30;
    const std::size_t central = zip.find(name, local + 31) - 46;
    REQUIRE(zip.compare(local, 4, "PK\x03\x04") == 0);
    REQUIRE(zip.compare(central, 4, "PK\x01\x02") == 0);
    return {local, central};
}

// Declares an uncompressed size the data does not have, in both headers alike
// (so ZIP_CHECKCONS sees nothing wrong).
std::string with_declared_size(std::string zip, const std::string& name, std::uint32_t size) {
    auto [local, central] = headers_of(zip, name);
    put_le(zip, local + 22, size, 4);
    put_le(zip, central + 24, size, 4);
    return zip;
}

// "4,8 КиБ": a size between 1 KiB and 1 MiB as the messages show it, for
// compressed sizes that depend on zlib.
std::string kib(std::size_t bytes) {
    const std::size_t tenth = (bytes % 1024) * 10 / 1024;
    return std::to_string(bytes / 1024) + (tenth ? "," + std::to_string(tenth) : "") + " КиБ";
}

// Sets the time zone for one test and restores it after.
class TimeZone {
public:
    explicit TimeZone(const char* tz) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~TimeZone() {
        if (old_)
            ::setenv("TZ", old_->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::optional<std::string> old_;
};

const std::string document = "<w:document xmlns:w=\"urn:w\"><w:body><w:p/></w:body></w:document>";

Package odt() {
    return package_of({{"mimetype", "application/vnd.oasis.opendocument.text"},
                       {"Configurations2/", ""},
                       {"content.xml", "<office:document-content>Приказ № 15-о</office:document-content>"},
                       {"META-INF/manifest.xml", "<manifest:manifest/>"}});
}

}  // namespace

TEST_CASE("package: a written archive reads back with the same names, order and data") {
    Package original = odt();
    std::string binary;
    for (int b = 0; b < 256; ++b) binary += static_cast<char>(b);
    original.entries.push_back({"Pictures/all-bytes.bin", binary});
    original.entries.push_back({"empty.xml", ""});

    std::vector<prikaz::Diagnostic> out;
    std::optional<Package> read = prikaz::read_package_bytes(prikaz::write_package(original), "t.odt", {}, out);
    CHECK(out.empty());
    REQUIRE(read);
    REQUIRE(read->entries.size() == original.entries.size());
    for (std::size_t i = 0; i < original.entries.size(); ++i) {
        CHECK(read->entries[i].name == original.entries[i].name);
        CHECK(read->entries[i].data == original.entries[i].data);
    }
    // An empty package is an empty archive, not an error.
    const std::optional<Package> empty = prikaz::read_package_bytes(prikaz::write_package({}), "t.odt", {}, out);
    REQUIRE(empty);
    CHECK(empty->entries.empty());
    CHECK(out.empty());

    REQUIRE(read->find("content.xml"));
    CHECK(read->find("content.xml")->data == original.entries[2].data);
    CHECK_FALSE(read->find("CONTENT.xml"));
}

TEST_CASE("package: writing is reproducible, whatever the time zone, and mimetype comes first and stored") {
    std::string first, second;
    {
        TimeZone utc("UTC0");
        first = prikaz::write_package(odt());
        CHECK(prikaz::write_package(odt()) == first);
    }
    {
        TimeZone moscow("MSK-3");  // POSIX form: needs no tzdata
        second = prikaz::write_package(odt());
    }
    CHECK(first == second);

    CHECK(first.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(get_le(first, 8, 2) == 0);                               // method: stored
    CHECK(get_le(first, 10, 2) == 0);                              // DOS time 00:00:00
    CHECK(get_le(first, 12, 2) == ((20u << 9) | (1u << 5) | 1u));  // DOS date 2000-01-01
    CHECK(get_le(first, 28, 2) == 0);                              // no extra field: the media type follows the name
    CHECK(first.compare(30, 8, "mimetype") == 0);
    CHECK(first.compare(38, 39, "application/vnd.oasis.opendocument.text") == 0);

    auto [local, central] = headers_of(first, "content.xml");
    CHECK(get_le(first, local + 8, 2) == ZIP_CM_DEFLATE);
    CHECK(get_le(first, central + 10, 2) == ZIP_CM_DEFLATE);
}

TEST_CASE("package: a file read from disk, and the io diagnostics") {
    test::TempDir dir;
    const auto good = dir.write("шаблон.odt", prikaz::write_package(odt()));
    std::vector<prikaz::Diagnostic> out;
    std::optional<Package> read = prikaz::read_package(good, {}, out);
    CHECK(out.empty());
    REQUIRE(read);
    CHECK(read->entries.size() == 4);

    const auto missing = dir.path() / "нет.docx";
    CHECK_FALSE(prikaz::read_package(missing, {}, out));
    CHECK_FALSE(prikaz::read_package(dir.path(), {}, out));
    PackageLimits small;
    small.max_archive_bytes = 100;
    CHECK_FALSE(prikaz::read_package(good, small, out));
    REQUIRE(out.size() == 3);
    CHECK(prikaz::format(out[0]) == missing.string() + ": error[file-missing]: файл шаблона не найден; проверьте путь");
    CHECK(prikaz::format(out[1]) == dir.path().string() + ": error[file-unreadable]: это папка, а не файл шаблона");
    CHECK(prikaz::format(out[2]) == good.string() +
                                        ": error[zip-too-large]: файл шаблона больше 100 байт; такие шаблоны не "
                                        "принимаются: уменьшите шаблон (например, сожмите рисунки)");
    CHECK(out[0].category == prikaz::Category::io);
    CHECK(out[1].category == prikaz::Category::io);
    CHECK(out[2].category == prikaz::Category::template_);
    CHECK(prikaz::exit_code({out[2]}) == prikaz::ExitCode::template_);
}

TEST_CASE("package: a name that appears twice") {
    // libzip will not add a name twice; rename the second entry in both headers.
    std::string zip =
        prikaz::write_package(package_of({{"word/document.xml", document}, {"word/document.xmm", "<x/>"}}));
    rename_entry(zip, "word/document.xmm", "word/document.xml");
    CHECK(refusals(zip) == one("zip-duplicate",
                               "запись «word/document.xml» встречается в архиве дважды: разные "
                               "программы прочтут разные копии; " +
                                   resave));
}

TEST_CASE("package: names that differ only in case") {
    std::string zip = prikaz::write_package(package_of(
        {{"[Content_Types].xml", "<Types/>"}, {"WORD/document.xml", document}, {"word/document.xml", document}}));
    CHECK(refusals(zip) == one("zip-duplicate",
                               "записи «WORD/document.xml» и «word/document.xml» различаются только "
                               "регистром букв, а для Word это одна запись; " +
                                   resave));
}

TEST_CASE("package: unsafe entry names are all reported") {
    std::string zip = prikaz::write_package(package_of({{"word/document.xml", document},
                                                        {"../../evil.txt", "x"},
                                                        {"/etc/x", "x"},
                                                        {"a\\b", "x"},
                                                        {"C:/x", "x"},
                                                        {"word/./a.xml", "x"},
                                                        {"word//b.xml", "x"},
                                                        {"ctrl_.xml", "x"},
                                                        {"nul_here.xml", "x"},
                                                        {"bad_utf8.xml", "x"}}));
    rename_entry(zip, "nul_here.xml", std::string_view("nul\0here.xml", 12));
    rename_entry(zip, "bad_utf8.xml", "bad\xFFutf8.xml");
    rename_entry(zip, "ctrl_.xml", "ctrl\x01.xml");  // libzip refuses to add such a name
    const std::string tail = ". Такие имена не создают ни Word, ни LibreOffice; " + resave;
    CHECK(
        refusals(zip) ==
        std::vector<std::string>{
            "t.docx: error[zip-bad-name]: запись «../../evil.txt»: недопустимое имя — в пути есть переход в "
            "родительскую папку «..»" +
                tail,
            "t.docx: error[zip-bad-name]: запись «/etc/x»: недопустимое имя — это абсолютный путь (начинается с «/»)" +
                tail,
            "t.docx: error[zip-bad-name]: запись «a\\b»: недопустимое имя — в нём обратная косая черта «\\» (в ZIP "
            "папки разделяет только «/»)" +
                tail,
            "t.docx: error[zip-bad-name]: запись «C:/x»: недопустимое имя — оно начинается с буквы диска" + tail,
            "t.docx: error[zip-bad-name]: запись «word/./a.xml»: недопустимое имя — в пути есть сегмент «.»" + tail,
            "t.docx: error[zip-bad-name]: запись «word//b.xml»: недопустимое имя — в пути есть пустой сегмент «//»" +
                tail,
            "t.docx: error[zip-bad-name]: запись «ctrl\\x01.xml»: недопустимое имя — в нём управляющий символ" + tail,
            "t.docx: error[zip-bad-name]: запись «nul\\x00here.xml»: недопустимое имя — в нём байт 0x00" + tail,
            "t.docx: error[zip-bad-name]: запись «bad\\xFFutf8.xml»: недопустимое имя — оно не в кодировке UTF-8" +
                tail,
        });
}

TEST_CASE("package: every check runs, but nothing is decompressed once one failed") {
    // A corrupt byte in a.xml's data shows only when the entry is read.
    auto corrupt = [](std::string zip) {
        zip[headers_of(zip, "a.xml").first + 30 + 5] ^= 0x55;
        return zip;
    };
    const std::string zip =
        corrupt(prikaz::write_package(package_of({{"../evil.txt", "x"}, {"a.xml", "abc"}, {"A.xml", "abc"}})));
    const std::string tail = ". Такие имена не создают ни Word, ни LibreOffice; " + resave;
    CHECK(
        refusals(zip) ==
        std::vector<std::string>{
            "t.docx: error[zip-bad-name]: запись «../evil.txt»: недопустимое имя — в пути есть переход в родительскую "
            "папку «..»" +
                tail,
            "t.docx: error[zip-duplicate]: записи «a.xml» и «A.xml» различаются только регистром букв, а для Word "
            "это одна запись; " +
                resave,
        });
    // The same corruption alone is found when the entry is read.
    const std::string damaged = corrupt(prikaz::write_package(package_of({{"a.xml", "abc"}})));
    CHECK(refusals(damaged) ==
          one("zip-damaged", "запись «a.xml» повреждена: сжатые данные не распаковываются; " + resave));
}

TEST_CASE("package: a stored entry whose CRC does not match") {
    std::string zip = prikaz::write_package(package_of({{"mimetype", "application/vnd.oasis.opendocument.text"}}));
    zip[38] = 'A';
    CHECK(refusals(zip) ==
          one("zip-damaged", "запись «mimetype» повреждена: контрольная сумма не сходится; " + resave));
}

TEST_CASE("package: encrypted entries") {
    const std::string data = document;
    std::string zip = libzip_archive([&](zip_t* archive) {
        add(archive, "[Content_Types].xml", "<Types/>");
        const zip_uint64_t a = add(archive, "word/document.xml", data);
        REQUIRE(zip_file_set_encryption(archive, a, ZIP_EM_TRAD_PKWARE, "secret") == 0);  // "zip -P", Windows
        const zip_uint64_t b = add(archive, "word/styles.xml", data);
        REQUIRE(zip_file_set_encryption(archive, b, ZIP_EM_AES_256, "secret") == 0);  // 7-Zip, WinZip
    });
    CHECK(refusals(zip) == one("zip-encrypted",
                               "архив зашифрован паролем (зашифрованных записей: 2, первая "
                               "«word/document.xml»); шаблоны с паролем не принимаются: снимите пароль "
                               "и сохраните заново"));
}

TEST_CASE("package: an ODT saved with a password") {
    Package p = odt();
    p.find("META-INF/manifest.xml")->data =
        "<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data "
        "manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry></manifest:manifest>";
    CHECK(refusals(prikaz::write_package(p)) ==
          one("zip-encrypted",
              "ODT защищён паролем: откройте его в LibreOffice, снимите пароль («Файл» → «Сохранить "
              "как…» без флажка «Сохранить с паролем») и сохраните заново"));
}

TEST_CASE("package: a compression method other than store and deflate") {
    std::string zip = libzip_archive([&](zip_t* archive) {
        const zip_uint64_t i = add(archive, "word/document.xml", document);
        REQUIRE(zip_set_file_compression(archive, i, ZIP_CM_BZIP2, 0) == 0);
    });
    CHECK(refusals(zip) == one("zip-method",
                               "запись «word/document.xml» сжата методом bzip2; в шаблонах допустимы "
                               "только Deflate и хранение без сжатия; " +
                                   resave));
    // A method libzip does not even know.
    std::string odd = prikaz::write_package(package_of({{"a.xml", "abc"}}));
    auto [local, central] = headers_of(odd, "a.xml");
    put_le(odd, local + 8, 77, 2);
    put_le(odd, central + 10, 77, 2);
    CHECK(refusals(odd) == one("zip-method",
                               "запись «a.xml» сжата методом с номером 77; в шаблонах допустимы только "
                               "Deflate и хранение без сжатия; " +
                                   resave));
}

TEST_CASE("package: a zip bomb is refused from its headers, before anything is inflated") {
    SECTION("200 MB of zeros: too large and too well compressed") {
        Zeros state{200'000'000};
        std::string zip = libzip_archive([&](zip_t* archive) {
            zip_error_t error;
            zip_error_init(&error);
            zip_source_t* source = zip_source_function_create(zeros, &state, &error);
            REQUIRE(source);
            REQUIRE(zip_file_add(archive, "word/document.xml", source, 0) == 0);
            zip_error_fini(&error);
        });
        CHECK(zip.size() < 300'000);
        const std::size_t central = headers_of(zip, "word/document.xml").second;
        CHECK(refusals(zip) ==
              std::vector<std::string>{
                  "t.docx: error[zip-too-large]: запись «word/document.xml» распаковывается в 190,7 МиБ, больше "
                  "допустимых 100 МиБ; уменьшите шаблон (например, сожмите рисунки)",
                  "t.docx: error[zip-bomb]: запись «word/document.xml» сжата из 190,7 МиБ в " +
                      kib(get_le(zip, central + 20, 4)) +
                      " — сильнее, чем в 100 раз: так сжимаются подделанные "
                      "архивы («zip-бомбы»), а не шаблоны; " +
                      resave,
              });
    }
    SECTION("512 KiB of zeros: within the size caps, caught by the ratio") {
        const std::string zip =
            prikaz::write_package(package_of({{"word/document.xml", std::string(512 << 10, '\0')}}));
        const std::size_t central = headers_of(zip, "word/document.xml").second;
        const std::uint32_t packed = get_le(zip, central + 20, 4);
        REQUIRE(packed < 1024);  // deflate shrinks zeros about 1000 times
        CHECK(refusals(zip) ==
              one("zip-bomb", "запись «word/document.xml» сжата из 512 КиБ в " + std::to_string(packed) +
                                  " байт — сильнее, чем в 100 раз: так сжимаются подделанные архивы "
                                  "(«zip-бомбы»), а не шаблоны; " +
                                  resave));
        // Entries below the grace size are not ratio-checked.
        PackageLimits lenient;
        lenient.ratio_grace_bytes = 1u << 20;
        std::vector<prikaz::Diagnostic> out;
        CHECK(prikaz::read_package_bytes(zip, "t.docx", lenient, out));
        CHECK(out.empty());
    }
}

TEST_CASE("package: a header that lies about the expanded size") {
    std::string text;
    for (int i = 0; text.size() < 5000; ++i) text += "<w:p>" + std::to_string(i) + "</w:p>";
    const std::string zip = prikaz::write_package(package_of({{"word/document.xml", text}}));
    CHECK(refusals(with_declared_size(zip, "word/document.xml", 1000)) ==
          one("zip-size-mismatch",
              "запись «word/document.xml» содержит больше данных, чем указано в её заголовке "
              "(1000 байт): архив повреждён или подделан; " +
                  resave));
    CHECK(refusals(with_declared_size(zip, "word/document.xml", 9000)) ==
          one("zip-size-mismatch", "запись «word/document.xml» содержит меньше данных (" + kib(text.size()) +
                                       "), чем указано в её заголовке (8,7 КиБ): архив повреждён или подделан; " +
                                       resave));
}

TEST_CASE("package: entry count and size caps") {
    const Package five = package_of({{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}});
    PackageLimits limits;
    limits.max_entries = 3;
    CHECK(refusals(prikaz::write_package(five), limits) ==
          one("zip-too-many",
              "в архиве 5 записей, допустимо не больше 3; в шаблоне DOCX или ODT их обычно несколько десятков"));

    limits = {};
    limits.max_entry_bytes = 1000;
    limits.max_total_bytes = 1500;
    const std::string zip = prikaz::write_package(package_of(
        {{"a.xml", std::string(800, 'a')}, {"b.xml", std::string(900, 'b')}, {"c.xml", std::string(2000, 'c')}}));
    CHECK(refusals(zip, limits) ==
          std::vector<std::string>{
              "t.docx: error[zip-too-large]: запись «c.xml» распаковывается в 1,9 КиБ, больше допустимых 1000 байт; "
              "уменьшите шаблон (например, сожмите рисунки)",
              "t.docx: error[zip-too-large]: все записи архива вместе распаковываются в 3,6 КиБ, больше допустимых "
              "1,4 КиБ; уменьшите шаблон (например, сожмите рисунки)",
          });
}

TEST_CASE("package: files that are not ZIP archives are named for what they are") {
    const std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
    const std::string encrypted_package("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    CHECK(refusals(ole2 + encrypted_package + std::string(64, '\0')) ==
          one("zip-encrypted",
              "шаблон зашифрован паролем: это файл Word с паролем, а не DOCX; снимите пароль и "
              "сохраните заново"));
    CHECK(refusals(ole2 + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24)) ==
          one("zip-not-archive",
              "это файл Word 97–2003 (.doc) или другой файл OLE2, а не DOCX/ODT: откройте его в Word "
              "или LibreOffice и сохраните как DOCX или ODT"));
    CHECK(refusals("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Приказ}") ==
          one("zip-not-archive", "это RTF, а не DOCX/ODT: сохраните как DOCX или ODT"));
    CHECK(refusals("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n" + document) ==
          one("zip-not-archive",
              "это XML-файл, а не архив DOCX/ODT (например, «XML-документ Word» или .fodt): откройте "
              "его в Word или LibreOffice и сохраните как DOCX или ODT"));
    CHECK(refusals("Приказ № 15-о, просто текст") ==
          one("zip-not-archive",
              "файл не является архивом ZIP, а шаблон DOCX или ODT — это архив ZIP: сохраните шаблон "
              "в Word или LibreOffice как DOCX или ODT"));
    CHECK(refusals("") == one("zip-not-archive", "файл пуст; шаблон DOCX или ODT — это архив ZIP"));
}

TEST_CASE("package: a truncated archive") {
    const std::string zip = prikaz::write_package(odt());
    CHECK(refusals(zip.substr(0, zip.size() / 2)) ==
          one("zip-truncated",
              "архив оборван: в конце файла нет оглавления ZIP — файл скопирован или скачан не "
              "полностью; скопируйте шаблон заново"));
    CHECK(refusals(zip.substr(0, zip.size() - 1)).size() == 1);
}
