// Segment: blocks with their roles (roles/roles.h), in reading order -> the
// report's logical content. Body blocks become sections under the section
// headings (kinds from roles/headings.h); the title, date line, participants
// and agenda items give the meeting; events come from the Save-the-date box;
// the words of the blocks left out on purpose are counted per page and
// reason (extraction.pages[].left_out); zone and links come from the whole
// text. Reads roles, never coordinates. Pure function over values; thread-safe.
#pragma once

#include <vector>

#include "model/block.h"
#include "model/page.h"
#include "model/report.h"

namespace overleg {

/// Fills report.meeting, agenda, sections, events and pages[].left_out from
/// `blocks` (the zone also from report.links, so collect those first).
void segment(const std::vector<Block>& blocks, Report& report);

/// The meeting's zone from addresses (footer, links) or, failing that,
/// "zorgzone X" in the text; null when none or several zones are named.
std::optional<std::string> find_zone(const std::vector<std::string>& addresses,
                                     const std::vector<std::string>& texts);

/// Fills title, theme, series and edition from the title's text.
void read_title(const std::string& title, Meeting& meeting);

/// An event from one announcement of the Save-the-date box; `meeting_date`
/// ("YYYY-MM-DD" or empty) supplies the year when the text has none.
Event read_event(const std::string& text, const std::string& meeting_date);

}  // namespace overleg
