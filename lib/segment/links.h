// Links: the record's links from the pages: every URI link annotation with
// the words under it (its anchor text) and its page, and URLs printed in the
// text without an annotation. Pure function over values; thread-safe.
#pragma once

#include <vector>

#include "model/page.h"
#include "model/report.h"

namespace overleg {

/// The links of all pages, in page and reading order, without duplicates.
std::vector<LinkRef> collect_links(const std::vector<Page>& pages);

}  // namespace overleg
