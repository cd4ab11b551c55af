// Text a PDF page holds outside its crop box. A viewer shows, and poppler
// reads, only what lies inside the crop box; printers' files keep proof
// marks, slugs and job lines in the media box around it ("The type and rule
// above prints on all proofs ... MUST be removed before printing"), which
// pdftotext reads (it uses the media box). The record leaves those words
// out, but counts them (extraction.pages[].left_out "outside_crop_box"):
// nothing lost without a count. Stateless; thread-safe (one QPDF per call).
#pragma once

#include <optional>
#include <string>

namespace overleg {

/// The words' reason in extraction.pages[].left_out.
inline constexpr const char* kOutsideCropBox = "outside_crop_box";

/// `pdf` (a sound, unencrypted PDF's bytes) rewritten by qpdf with every
/// page's crop box set to its media box, so that poppler reads the whole
/// sheet; nullopt when qpdf cannot read or write it.
std::optional<std::string> uncropped_pdf(const std::string& pdf);

}  // namespace overleg
