#include "segment/segment.h"

#include <algorithm>
#include <regex>
#include <set>

#include "segment/dutch.h"
#include "segment/headings.h"
#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

const char* record_type(BlockKind kind) {
  switch (kind) {
    case BlockKind::subheading: return "subheading";
    case BlockKind::list_item: return "list_item";
    case BlockKind::table: return "table";
    default: return "paragraph";
  }
}

SectionBlock to_section_block(const Block& b) {
  SectionBlock s;
  s.type = record_type(b.kind);
  if (b.kind == BlockKind::table) {
    s.rows = b.rows;
  } else {
    s.text = b.text;
    if (b.kind == BlockKind::list_item) s.level = b.level > 0 ? b.level : 1;
  }
  return s;
}

bool starts_with_folded(const std::string& text, std::string_view prefix) {
  return fold(text).rfind(prefix, 0) == 0;
}

// The sidebar's standing description of what a thematic consultation is.
bool is_standing_description(const std::string& text) {
  std::string f = fold(text);
  return f.find("wordt georganiseerd") != std::string::npos ||
         (f.find("thematisch overleg") != std::string::npos && f.find("zorgzones") != std::string::npos) ||
         f.find("alle actoren uit de welzijns") != std::string::npos;
}

bool is_presentation_line(const std::string& text) {
  return starts_with_folded(text, "zie presentatie") || starts_with_folded(text, "zie de presentatie") ||
         starts_with_folded(text, "presentatie hier");
}

void read_sidebar(const std::vector<const Block*>& side, Report& report) {
  bool standing_seen = false, has_standing = false;
  for (const Block* b : side) has_standing = has_standing || is_standing_description(b->text);
  for (const Block* b : side) {
    const std::string& text = b->text;
    if (text.empty() || is_presentation_line(text)) continue;
    if (is_standing_description(text)) {
      standing_seen = true;
      continue;
    }
    if (!report.meeting.participants && !standing_seen) {
      if (auto pc = find_participants(text)) {
        report.meeting.participants = Participants{pc->count, pc->qualifier, text};
        continue;
      }
    }
    // Before the standing description stand the count and lead lines; the
    // agenda follows it. Without one, only list items are agenda.
    if (standing_seen || (!has_standing && b->kind == BlockKind::list_item)) report.agenda.push_back(text);
  }
}

void read_band(const std::vector<const Block*>& band, Report& report) {
  // The title is set in the band's largest type; a date line stands apart.
  double largest = 0;
  for (const Block* b : band)
    if (!find_date(b->text) || b->text.size() > 40) largest = std::max(largest, b->font_size);
  std::string title;
  for (const Block* b : band) {
    bool is_date = find_date(b->text) && count_code_points(b->text) <= 40;
    if (is_date && !report.meeting.date) {
      auto d = find_date(b->text);
      if (d->year) report.meeting.date = d->iso();
      continue;
    }
    if (b->font_size >= largest - 0.5 && !is_date) {
      // A date printed on the title's line ends up in the same block.
      std::string text = b->text;
      if (auto d = find_date(text); d && d->end == text.size() && d->begin > 0) {
        if (!report.meeting.date && d->year) report.meeting.date = d->iso();
        text = trim(text.substr(0, d->begin));
      }
      title += (title.empty() ? "" : " ") + text;
    } else if (fold(b->text) == "thematisch overleg") {
      report.meeting.series = "Thematisch overleg";
    }
  }
  if (!title.empty()) read_title(title, report.meeting);
}

}  // namespace

void read_title(const std::string& title, Meeting& meeting) {
  meeting.title = title;
  static const std::regex edition_re(R"((?:#|nr\.?\s*|editie\s+)(\d{1,3})\b)", std::regex::icase);
  std::smatch m;
  if (std::regex_search(title, m, edition_re)) meeting.edition = std::stoi(m[1]);
  // The theme is the title without the series, the edition and the year.
  std::string theme = title;
  static const std::regex series_re(R"(^\s*thematisch(?:e)?\s+overleg\s*(?:over\s+|:\s*|[-–—]\s*)?)", std::regex::icase);
  if (std::regex_search(theme, m, series_re)) {
    meeting.series = "Thematisch overleg";
    theme = m.suffix();
  }
  static const std::regex tail_re(R"(\s*(?:#\s*\d+|nr\.?\s*\d+|\(\s*\d{4}\s*\)|\b(?:19|20)\d{2}\b)\s*)",
                                  std::regex::icase);
  theme = std::regex_replace(theme, tail_re, " ");
  theme = trim(theme);
  while (!theme.empty() && (theme.back() == ',' || theme.back() == ':' || theme.back() == '-')) theme.pop_back();
  theme = trim(theme);
  if (!theme.empty()) meeting.theme = capitalise_first(theme);
}

Event read_event(const std::string& text, const std::string& meeting_date) {
  Event e;
  e.text = text;
  auto date = find_date(text);
  if (date) {
    DateMatch d = *date;
    if (!d.year && meeting_date.size() >= 10) {
      // "20 januari": the first such day after the meeting.
      int my = std::stoi(meeting_date.substr(0, 4)), mm = std::stoi(meeting_date.substr(5, 2)),
          md = std::stoi(meeting_date.substr(8, 2));
      d.year = (d.month < mm || (d.month == mm && d.day < md)) ? my + 1 : my;
    }
    if (d.year) e.date = d.iso();
  }
  auto times = find_time_range(text);
  if (times) {
    e.start = times->start;
    e.end = times->end;
  }
  // The title: "Het volgende thematisch overleg over X vindt plaats" names
  // the series and theme; otherwise the words before the date or a colon.
  static const std::regex next_re(
      R"(^het volgende thematische?\s+overleg\s+(?:over\s+)?(.+?)\s+(?:vindt|zal|gaat|is)\b)", std::regex::icase);
  std::smatch m;
  if (std::regex_search(text, m, next_re)) {
    e.title = "Thematisch overleg " + trim(m[1].str());
  } else {
    std::size_t cut = text.find(':');
    if (date && date->begin < cut) cut = date->begin;
    std::string head = trim(text.substr(0, cut));
    while (!head.empty() && (head.back() == ',' || head.back() == ':')) head.pop_back();
    if (!head.empty() && count_code_points(head) < 200) e.title = trim(head);
  }
  // The place: "in X" after the time, or what follows the time up to the
  // end of that sentence when it holds a street number or postcode.
  std::size_t after = times ? times->end_pos : (date ? date->end : std::string::npos);
  if (after != std::string::npos && after < text.size()) {
    std::string rest = text.substr(after);
    // Skip a parenthesis right after the time: "(ontvangst om 12.30 uur)".
    static const std::regex place_re(R"(^\s*(?:\([^)]*\))?\s*,?\s*(?:in\s+)?([^.]+?)\s*\.(?:\s|$))");
    if (std::regex_search(rest, m, place_re)) {
      std::string place = trim(m[1].str());
      static const std::regex has_number(R"(\d)");
      bool introduced = std::regex_search(rest, std::regex(R"(^\s*,?\s*in\s+)"));
      if (!place.empty() && (introduced || std::regex_search(place, has_number)) && count_code_points(place) < 160)
        e.location = place;
    }
  }
  return e;
}

std::optional<std::string> find_zone(const std::vector<std::string>& addresses, const std::vector<std::string>& texts) {
  const auto& zones = rule_table("zones.tsv");
  auto zone_of_slug = [&](const std::string& slug) -> std::string {
    for (const auto& row : zones)
      if (row.size() >= 2 && row[1] == slug) return row[0];
    return {};
  };
  std::set<std::string> from_addresses;
  static const std::regex address_re(R"((?:zorgzone|bassin)-([a-z]+(?:-[a-z]+)?)\.brussels)", std::regex::icase);
  for (const std::string& a : addresses) {
    std::string lower = to_lower(a);
    for (auto it = std::sregex_iterator(lower.begin(), lower.end(), address_re); it != std::sregex_iterator(); ++it) {
      std::string z = zone_of_slug((*it)[1]);
      if (!z.empty()) from_addresses.insert(z);
    }
  }
  if (from_addresses.size() == 1) return *from_addresses.begin();
  if (from_addresses.size() > 1) return std::nullopt;
  std::set<std::string> from_text;
  for (const std::string& t : texts) {
    std::string f = fold(t);
    for (std::size_t pos = f.find("zorgzone "); pos != std::string::npos; pos = f.find("zorgzone ", pos + 1)) {
      std::string rest = f.substr(pos + 9);
      // Longest alias first: "zuid oost" before "zuid".
      std::string best;
      std::size_t best_len = 0;
      for (const auto& row : zones) {
        if (row.size() < 2) continue;
        std::string alias = fold(row[1]);
        if (alias.size() > best_len && rest.rfind(alias, 0) == 0 &&
            (rest.size() == alias.size() || rest[alias.size()] == ' ')) {
          best = row[0];
          best_len = alias.size();
        }
      }
      if (!best.empty()) from_text.insert(best);
    }
  }
  if (from_text.size() == 1) return *from_text.begin();
  return std::nullopt;
}

void segment(const std::vector<Block>& blocks, Report& report) {
  std::vector<const Block*> band, side, events;
  Section* current = nullptr;
  bool in_events = false;
  for (const Block& b : blocks) {
    switch (b.region) {
      case Region::band: band.push_back(&b); continue;
      case Region::sidebar: side.push_back(&b); continue;
      case Region::save_the_date: events.push_back(&b); continue;
      case Region::running_header:
      case Region::footer: continue;
      case Region::body: break;
    }
    if (b.kind == BlockKind::heading) {
      std::string kind = heading_kind(b.text);
      in_events = kind == "events";
      if (in_events) {
        events.push_back(&b);
        continue;
      }
      report.sections.push_back(Section{kind, b.text, b.page, {}});
      current = &report.sections.back();
      continue;
    }
    if (in_events) {
      events.push_back(&b);
      continue;
    }
    if (b.text.empty() && b.rows.empty()) continue;
    if (!current) {
      // Text before the first heading keeps its words in an untitled section.
      report.sections.push_back(Section{"other", "", b.page, {}});
      current = &report.sections.back();
    }
    current->blocks.push_back(to_section_block(b));
  }
  read_band(band, report);
  read_sidebar(side, report);

  // Save the date: one event per announcement; a short line without a date
  // or time ("Zie de agendapagina hier") belongs to the one before it.
  std::string meeting_date = report.meeting.date.value_or("");
  for (const Block* b : events) {
    if (heading_kind(b->text) == "events" && count_code_points(b->text) < 20) continue;  // the box's title
    if (b->text.empty()) continue;
    bool has_when = find_date(b->text) || find_time_range(b->text);
    std::size_t words = std::count(b->text.begin(), b->text.end(), ' ') + 1;
    if (!has_when && words < 10 && !report.events.empty()) {
      report.events.back().text += " " + b->text;
      continue;
    }
    report.events.push_back(read_event(b->text, meeting_date));
  }

  // The zone: addresses first (footer contacts, web addresses, link targets).
  std::vector<std::string> addresses, texts;
  for (const Block& b : blocks) {
    texts.push_back(b.text);
    if (b.region == Region::footer || b.text.find(".brussels") != std::string::npos) addresses.push_back(b.text);
  }
  for (const LinkRef& l : report.links) addresses.push_back(l.url);
  report.meeting.zone = find_zone(addresses, texts);
}

}  // namespace overleg
