// SASLprep (RFC 4013), the string preparation PDF 2.0 prescribes for AES-256
// (revision 5 and 6) passwords: NFKC, some characters mapped to nothing or to
// a space, prohibited ones refused. Done with ICU's usprep. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace overleg {

/// `utf8` prepared with SASLprep (stored strings: unassigned code points
/// allowed), as UTF-8; nullopt when it is not valid UTF-8 or holds a
/// prohibited character.
std::optional<std::string> saslprep(std::string_view utf8);

}  // namespace overleg
