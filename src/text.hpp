// Small text helpers shared by the stages: UTF-8 aware, no locale.
#pragma once

#include <string>
#include <string_view>

namespace prikaz::text {

// Without ASCII whitespace and no-break spaces (U+00A0) at either end.
inline std::string trim(std::string_view s) {
    auto blank_at = [&](std::size_t i) { return i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'); };
    auto nbsp_at = [&](std::size_t i) { return s.substr(i, 2) == "\xC2\xA0"; };
    std::size_t b = 0, e = s.size();
    while (b < e) {
        if (blank_at(b)) ++b;
        else if (nbsp_at(b)) b += 2;
        else break;
    }
    while (e > b) {
        if (blank_at(e - 1)) --e;
        else if (e - b >= 2 && nbsp_at(e - 2)) e -= 2;
        else break;
    }
    return std::string(s.substr(b, e - b));
}

// Trimmed, line breaks and tabs as spaces, runs of spaces as one: text for a one-line message.
inline std::string one_line(std::string_view s) {
    std::string out;
    for (char c : trim(s)) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    }
    return out;
}

// one_line(s) cut to at most `chars` characters, with "…" when cut; never splits a character.
inline std::string shorten(std::string_view s, std::size_t chars) {
    std::string line = one_line(s);
    std::size_t count = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 && count++ == chars) return line.substr(0, i) + "…";
    return line;
}

// Appends s escaped for XML text content.
inline void escape_xml(std::string& out, std::string_view s) {
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
}

// s escaped for XML text content.
inline std::string escaped_xml(std::string_view s) {
    std::string out;
    escape_xml(out, s);
    return out;
}

}  // namespace prikaz::text
