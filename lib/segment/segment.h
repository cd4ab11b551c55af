// Segment: blocks with their roles (roles/roles.h), in reading order -> the
// report's logical content. Body blocks become sections under the section
// headings (kinds from roles/headings.h); the title, date line, participants
// and agenda items give the meeting; events come from the Save-the-date box;
// the words of the blocks left out on purpose are counted per page and
// reason (extraction.pages[].left_out); zone and links come from the whole
// text. Reads roles, never coordinates. Pure function over values; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "model/block.h"
#include "model/page.h"
#include "model/report.h"

namespace overleg {

/// Fills report.meeting, agenda, sections, events and pages[].left_out from
/// `blocks` (the zone also from report.links, so collect those first), with
/// the rule tables of report.language (Dutch when it is null).
void segment(const std::vector<Block>& blocks, Report& report);

/// The meeting's zone from addresses (footer, links: "zorgzone-zuid.brussels",
/// "zonedesoins-sud.brussels") or, failing that, "zorgzone X" / "zone de soins
/// X" in the text (every language's zones.tsv and zone_words.tsv); null when
/// none or several zones are named.
std::optional<std::string> find_zone(const std::vector<std::string>& addresses,
                                     const std::vector<std::string>& texts);

/// Fills title, theme, series and edition from the title's text, with
/// `lang`'s series.tsv and title.tsv.
void read_title(std::string_view lang, const std::string& title, Meeting& meeting);

/// An event from one announcement of the Save-the-date box; `meeting_date`
/// ("YYYY-MM-DD" or empty) supplies the year when the text has none; dates,
/// times and words from `lang`'s tables (events.tsv, series.tsv, ...).
Event read_event(std::string_view lang, const std::string& text, const std::string& meeting_date);

}  // namespace overleg
