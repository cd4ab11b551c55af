// The resolution a scanned PDF page was made at: a page that is one image
// (what scanners and img2pdf write) has the image's own pixels per inch,
// and OCR should see those pixels rather than a resampling of them. Read
// with qpdf from the page's resources. Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace overleg {

/// Per page (0-based), the resolution of the one image that covers the page,
/// or nullopt (no image, several, one that does not fill the page's box, or a
/// PDF qpdf cannot read). Resolutions are the image's pixels across the
/// page's width, in dots per inch, rounded.
std::vector<std::optional<int>> scan_resolutions(const std::string& pdf_bytes, const std::string& label);

}  // namespace overleg
