// The exit codes of `overleg`, as documented in README.md (keep both in step).
#pragma once

#include "model/diagnostic.h"

namespace overleg::exit_code {

inline constexpr int ok = 0;            ///< every input converted
inline constexpr int some_failed = 1;   ///< some inputs failed, the others converted
inline constexpr int usage = 2;         ///< bad arguments
inline constexpr int all_failed = 3;    ///< no input could be converted
inline constexpr int missing_data = 4;  ///< a dependency's data is missing (lexicon, Tesseract language)
inline constexpr int output_failed = 5; ///< records could not be written
inline constexpr int interrupted = 130; ///< stopped by Ctrl-C / SIGTERM

}  // namespace overleg::exit_code
