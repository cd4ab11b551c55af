// PdfSource: a PDF opened with poppler's core library (poppler_document.h),
// as a DocumentSource. Text boxes come from poppler's text output device with
// each word's font; URI link annotations, images and paint from qpdf
// (pdf_objects.h).
// One instance per thread; poppler's messages are collected, never printed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/document_source.h"

namespace overleg {

/// Does `bytes` start like a PDF ("%PDF-" within the first KiB)?
bool looks_like_pdf(const std::string& bytes);

/// Opens `bytes` as a PDF (repaired through qpdf when poppler cannot read it
/// as it is; pdf_repair.h), trying `passwords` on an encrypted one; fails with
/// not_pdf, damaged or encrypted.
Result<std::unique_ptr<DocumentSource>> open_pdf(const std::string& label, std::string bytes,
                                                 const std::vector<std::string>& passwords = {});

/// Strips a subset prefix ("ABCDEF+Roboto-Bold" -> "Roboto-Bold").
std::string base_font_name(const std::string& name);
/// Does the font name say bold (Bold, Black, Heavy, Semibold, Demi)?
bool font_name_is_bold(const std::string& name);
/// Does the font name say italic or oblique?
bool font_name_is_italic(const std::string& name);

}  // namespace overleg
