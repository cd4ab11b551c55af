// SHA-256 of a byte string, as lower-case hex (the record's source.sha256 and
// the batch's --resume check). Uses qpdf's implementation. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// Lower-case hex SHA-256 digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace overleg
