#include "segment/segment.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include <unicode/uchar.h>

#include "roles/dutch.h"
#include "roles/cues.h"
#include "roles/headings.h"
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

// Words as the record's readers count them: white-space separated, and a
// token of punctuation alone (Unicode category P) is none.
int count_words(const std::string& text) {
  int n = 0;
  bool in_word = false, letters = false;
  for (char32_t c : to_u32(text)) {
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      n += in_word && letters;
      in_word = letters = false;
      continue;
    }
    in_word = true;
    letters = letters || !u_ispunct(static_cast<UChar32>(c));
  }
  return n + (in_word && letters);
}

// The reason the record gives for leaving a block of `role` out, or null
// when the role's words are in the record.
const char* left_out_reason(Role role) {
  switch (role) {
    case Role::masthead: return "series_band";
    case Role::date_line: return "date_as_printed";
    case Role::standing_description: return "standing_description";
    case Role::presentation_line: return "presentation_line";
    case Role::label: return "label";
    case Role::aside: return "aside";
    case Role::save_the_date: return "box_title";
    case Role::running_header: return "running_header";
    case Role::footer: return "footer";
    case Role::page_number: return "page_number";
    default: return nullptr;
  }
}

// Counts `words` left out on `page` for `reason` in the record's pages.
void leave_out(Report& report, int page, const char* reason, int words) {
  if (words <= 0 || page < 1) return;
  for (PageInfo& p : report.pages)
    if (p.number == page) {
      p.left_out[reason] += words;
      return;
    }
}

int block_words(const Block& b) {
  if (b.kind != BlockKind::table) return count_words(b.text);
  int n = 0;
  for (const auto& row : b.rows)
    for (const auto& cell : row) n += count_words(cell);
  return n;
}

// The title's text without a date printed at its end ("... (2024) dinsdag
// 8 oktober 2024"), which gives the meeting's date when none was found.
std::string title_without_date(std::string text, int page, Report& report) {
  auto d = find_date(text);
  if (!d || d->end != text.size() || d->begin == 0) return text;
  if (!report.meeting.date && d->year) report.meeting.date = d->iso();
  std::string head = trim(text.substr(0, d->begin));
  int dropped = count_words(text.substr(d->begin));
  // A weekday before the date belongs to it.
  auto sp = head.find_last_of(' ');
  std::string last = sp == std::string::npos ? head : head.substr(sp + 1);
  if (is_weekday(last)) {
    head = trim(head.substr(0, sp == std::string::npos ? 0 : sp));
    ++dropped;
  }
  while (!head.empty() && (head.back() == ',' || head.back() == '-')) head = trim(head.substr(0, head.size() - 1));
  leave_out(report, page, "date_as_printed", dropped);
  return head;
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
  std::vector<const Block*> events;
  std::string title;
  int title_page = 1;
  Section* current = nullptr;
  for (const Block& b : blocks) {
    if (const char* reason = left_out_reason(b.role)) leave_out(report, b.page, reason, block_words(b));
    leave_out(report, b.page, "list_marker", count_words(b.marker));  // "3.", "▪": not part of the item's text
    switch (b.role) {
      case Role::title:
        title += (title.empty() ? "" : " ") + b.text;
        title_page = b.page;
        continue;
      case Role::series:
        if (!report.meeting.series) report.meeting.series = trim(b.text);
        continue;
      case Role::date_line:
        if (!report.meeting.date)
          if (auto d = find_date(strip_label(b.text)); d && d->year) report.meeting.date = d->iso();
        continue;
      case Role::participants: {
        std::string text = strip_label(b.text);
        leave_out(report, b.page, "label", count_words(b.text) - count_words(text));
        if (report.meeting.participants) break;  // a second count is text
        Participants p{std::nullopt, std::nullopt, text};
        if (auto pc = find_participants(text)) p.count = pc->count, p.qualifier = pc->qualifier;
        report.meeting.participants = p;
        continue;
      }
      case Role::agenda_item: {
        std::string text = strip_label(b.text);  // "Agenda: ..." on one line
        leave_out(report, b.page, "label", count_words(b.text) - count_words(text));
        if (!text.empty()) report.agenda.push_back(text);
        continue;
      }
      case Role::event:
        events.push_back(&b);
        continue;
      case Role::section_heading: {
        std::string heading = strip_heading_number(b.text);
        leave_out(report, b.page, "heading_number", count_words(b.text) - count_words(heading));
        report.sections.push_back(Section{heading_kind(heading), heading, b.page, {}});
        current = &report.sections.back();
        continue;
      }
      case Role::body: break;
      default: continue;  // left out, counted above
    }
    if (b.text.empty() && b.rows.empty()) continue;
    if (!current) {
      // Text before the first heading keeps its words in an untitled section.
      report.sections.push_back(Section{"other", "", b.page, {}});
      current = &report.sections.back();
    }
    current->blocks.push_back(to_section_block(b));
  }
  if (!title.empty()) read_title(title_without_date(title, title_page, report), report.meeting);

  // Save the date: one event per announcement; a short line without a date
  // or time ("Zie de agendapagina hier") belongs to the one before it.
  std::string meeting_date = report.meeting.date.value_or("");
  for (const Block* b : events) {
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
    if (b.role == Role::footer || b.text.find(".brussels") != std::string::npos) addresses.push_back(b.text);
  }
  for (const LinkRef& l : report.links) addresses.push_back(l.url);
  report.meeting.zone = find_zone(addresses, texts);
}

}  // namespace overleg
