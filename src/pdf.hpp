// Printing a document to PDF through LibreOffice, the office suite a school
// computer has offline; prikaz itself never lays out pages.
#pragma once

#include <prikaz/prikaz.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prikaz {

// What a user without LibreOffice is told.
inline constexpr std::string_view no_libreoffice =
    "для PDF нужен LibreOffice, а программа soffice не найдена; установите его: "
    "apt-get install libreoffice-writer-nogui (или выберите --format docx или odt)";

// A program found on PATH, as the shell would find it.
std::optional<std::filesystem::path> find_program(std::string_view name);

// Has LibreOffice (`soffice`) print a DOCX to PDF in a private folder, with a
// profile of its own; the PDF's bytes, or nothing and a diagnostic naming `target`.
std::optional<std::string> to_pdf(const std::filesystem::path& soffice, const std::string& docx,
                                  const std::filesystem::path& target, std::vector<Diagnostic>& out);

}  // namespace prikaz
