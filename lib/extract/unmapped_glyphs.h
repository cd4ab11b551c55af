// Glyphs a text layer maps to no character: a font without a usable
// ToUnicode map gives its pieces of large brackets, arrows and rules as
// control or private-use code points (U+0004, U+F8EB). The record holds no
// such code point (record.md "Text"), so a word made only of them is set
// aside before layout and counted (extraction.pages[].left_out
// "no_unicode"): nothing lost without a count. Pure function; thread-safe.
#pragma once

#include "model/page.h"

namespace overleg {

/// The words' reason in extraction.pages[].left_out.
inline constexpr const char* kNoUnicode = "no_unicode";

/// Takes the words of `page` that hold no character but control and
/// private-use code points out of its boxes, counting them in
/// page.left_out[kNoUnicode]. A word with a letter among them stays (normalise
/// drops the code points).
void set_aside_unmapped_glyphs(Page& page);

}  // namespace overleg
