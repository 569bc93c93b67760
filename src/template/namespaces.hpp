// The XML namespaces of the document formats the engine reads and writes.
#pragma once

#include <string_view>

namespace prikaz::ns {

// OOXML (DOCX)
inline constexpr std::string_view w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr std::string_view c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
inline constexpr std::string_view r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr std::string_view custom = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
inline constexpr std::string_view rel = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr std::string_view types = "http://schemas.openxmlformats.org/package/2006/content-types";

// ODF (ODT)
inline constexpr std::string_view office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
inline constexpr std::string_view text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
inline constexpr std::string_view table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
inline constexpr std::string_view style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
inline constexpr std::string_view meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
inline constexpr std::string_view draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
inline constexpr std::string_view chart = "urn:oasis:names:tc:opendocument:xmlns:chart:1.0";
inline constexpr std::string_view svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
inline constexpr std::string_view xlink = "http://www.w3.org/1999/xlink";
inline constexpr std::string_view manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

}  // namespace prikaz::ns
