// Rules: the small reviewed tables in dictionaries/rules/ (section headings,
// months, number words, zones...), compiled into the binary at build time.
// Read-only; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overleg {

/// The text of rule file `name` ("sections.tsv"), or empty if there is none.
std::string_view rule_file_text(std::string_view name);

/// The rows of a tab-separated rule file, without comments and blank lines.
const std::vector<std::vector<std::string>>& rule_table(std::string_view name);

}  // namespace overleg
