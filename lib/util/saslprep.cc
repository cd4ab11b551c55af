#include "util/saslprep.h"

#include <unicode/usprep.h>
#include <unicode/ustring.h>

#include <vector>

namespace overleg {

std::optional<std::string> saslprep(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  // ICU caches opened profiles; usprep_openByType is thread-safe and each
  // call returns a reference that must be closed.
  UStringPrepProfile* profile = usprep_openByType(USPREP_RFC4013_SASLPREP, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::optional<std::string> out;
  std::vector<UChar> src(utf8.size() + 1), dst(4 * utf8.size() + 16);
  int32_t src_len = 0;
  u_strFromUTF8(src.data(), static_cast<int32_t>(src.size()), &src_len, utf8.data(), static_cast<int32_t>(utf8.size()),
                &status);
  if (U_SUCCESS(status)) {
    // USPREP_ALLOW_UNASSIGNED: a password is a "stored string" only for its
    // owner; readers (pdf.js, Acrobat) accept unassigned code points.
    int32_t dst_len = usprep_prepare(profile, src.data(), src_len, dst.data(), static_cast<int32_t>(dst.size()),
                                     USPREP_ALLOW_UNASSIGNED, nullptr, &status);
    if (U_SUCCESS(status)) {
      std::string result(static_cast<std::size_t>(dst_len) * 3 + 4, '\0');
      int32_t len = 0;
      u_strToUTF8(result.data(), static_cast<int32_t>(result.size()), &len, dst.data(), dst_len, &status);
      if (U_SUCCESS(status)) {
        result.resize(static_cast<std::size_t>(len));
        out = std::move(result);
      }
    }
  }
  usprep_close(profile);
  return out;
}

}  // namespace overleg
