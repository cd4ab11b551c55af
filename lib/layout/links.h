// Links: the record's links from the pages: every URI link annotation with
// the words under it (its anchor text, lines joined with '\n' for normalise)
// and its page, and URLs printed in the text without an annotation. Layout
// resolves anchors because it is where words meet their positions.
// Pure function over values; thread-safe.
#pragma once

#include <vector>

#include "model/page.h"
#include "model/report.h"

namespace overleg {

/// The links of all pages, in page and reading order, without duplicates.
/// Anchor texts are as printed (line breaks as '\n'): normalise them.
std::vector<LinkRef> collect_links(const std::vector<Page>& pages);

}  // namespace overleg
