// PDF repair through qpdf: a PDF that poppler cannot read as it is (no
// header, damaged cross-reference table, a page tree whose /Count lies, an
// encryption dictionary with a bad /Length, a password) is opened with qpdf's
// recovery, its page tree rebuilt from the pages actually found, decrypted,
// and written back to bytes in memory for poppler. What qpdf had to fix is
// kept for the record's warnings. Stateless; thread-safe (one QPDF object per
// call).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

/// Does `bytes` look like a PDF whose "%PDF-" header is missing: an
/// "N G obj" in the first KiB?
bool looks_like_headerless_pdf(const std::string& bytes);

/// The passwords to try for `given` (as the user typed them, UTF-8): "" first,
/// then each as given, SASLprep'd (AES-256) and in PDFDocEncoding (RC4,
/// AES-128), without repeats.
std::vector<std::string> password_candidates(const std::vector<std::string>& given);

struct RepairedPdf {
  std::string bytes;                  ///< a sound, unencrypted PDF
  std::vector<std::string> repairs;   ///< what qpdf fixed, one line each (empty: nothing)
  bool decrypted = false;             ///< the input was encrypted
  bool password_used = false;         ///< a non-empty password opened it
};

/// Rewrites `bytes` with qpdf, trying each of `passwords` (as user and as
/// owner password). Fails with encrypted when no password opens it, damaged
/// when qpdf cannot read it.
Result<RepairedPdf> repair_with_qpdf(const std::string& label, const std::string& bytes,
                                     const std::vector<std::string>& passwords);

}  // namespace overleg
