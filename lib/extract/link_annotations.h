// Reads the URI link annotations of a PDF with qpdf. poppler-cpp has no API
// for annotations, and a hand-written PDF parser would be the wrong tool.
// Stateless; safe to call from several threads on different inputs.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"

namespace overleg {

/// The URI links of every page of the PDF in `bytes`, in page order, each with
/// its rectangle in top-left page coordinates (as poppler's text boxes). A
/// damaged file yields what could be read plus a warning in `warnings`.
std::vector<Link> read_uri_links(const std::string& bytes, const std::string& label,
                                 std::vector<Diagnostic>& warnings);

}  // namespace overleg
