// What `overleg --version` says: the program's version, the versions of the
// libraries it was built against (taken from their headers at build time, so
// printing them loads nothing) and of the word lists its lexicon was compiled
// from (the Debian packages found when the build was configured). Pure.
#pragma once

#include <string>

namespace overleg {

/// Several lines: "overleg 0.1.0", then one line per library and source.
std::string version_text();

}  // namespace overleg
