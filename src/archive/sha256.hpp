// SHA-256 of file contents, as lowercase hex, for the journal's checksums.
#pragma once

#include <string>
#include <string_view>

namespace prikaz::archive {

// FIPS 180-4 SHA-256 of bytes: "abc" → "ba7816bf…15ad".
std::string sha256_hex(std::string_view bytes);

}  // namespace prikaz::archive
