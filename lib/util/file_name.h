// File names as bytes: POSIX names are byte strings, not text. These helpers
// say whether a name is valid UTF-8, give the lossy text form JSON can hold
// (U+FFFD for each bad byte) and the lossless one (base64 of the bytes), as
// the record's source.path / source.path_bytes need. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace overleg {

/// Is `bytes` well-formed UTF-8 (no overlong forms, no surrogates, <= U+10FFFF)?
bool is_valid_utf8(std::string_view bytes);

/// `bytes` with each byte that is not part of a well-formed UTF-8 sequence
/// replaced by U+FFFD; valid input comes back unchanged.
std::string utf8_with_replacements(std::string_view bytes);

/// Standard base64 (RFC 4648, with padding).
std::string base64_encode(std::string_view bytes);

/// The lossless form of a name for JSON: nullopt when it is valid UTF-8
/// (the name itself serves), else its bytes in base64.
std::optional<std::string> path_bytes_if_needed(std::string_view path);

}  // namespace overleg
