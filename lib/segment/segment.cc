#include "segment/segment.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include <unicode/uchar.h>

#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/written_values.h"
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

// A word of the text with its byte range and its folded form ("overleg:"
// -> "overleg"); a word of signs alone folds to nothing and is skipped.
struct TextWord {
  std::string folded;
  std::size_t begin = 0, end = 0;
};

std::vector<TextWord> text_words(const std::string& text) {
  std::vector<TextWord> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i == start) break;
    // "d'action", "l’offre": fold makes two words of one; each keeps the range.
    std::string f = fold(std::string_view(text).substr(start, i - start));
    std::size_t pos = 0;
    while (pos < f.size()) {
      auto sp = f.find(' ', pos);
      out.push_back({f.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos), start, i});
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
  }
  return out;
}

// Does `phrase` (folded, space-separated) stand at words[i]? Its length in words, or 0.
std::size_t phrase_at(const std::vector<TextWord>& words, std::size_t i, const std::string& phrase) {
  std::size_t n = 0, pos = 0;
  while (pos <= phrase.size()) {
    auto sp = phrase.find(' ', pos);
    std::string part = phrase.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
    if (!part.empty()) {
      if (i + n >= words.size() || words[i + n].folded != part) return 0;
      ++n;
    }
    if (sp == std::string::npos) break;
    pos = sp + 1;
  }
  return n;
}

// The cells of `lang`'s table `name` whose first cell is `kind`, folded.
std::vector<std::string> table_words(std::string_view lang, std::string_view name, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& row : rule_table(lang, name))
    if (row.size() >= 2 && row[0] == kind && !fold(row[1]).empty()) out.push_back(fold(row[1]));
  return out;
}

// The series named by the words at words[i] (series.tsv: name<TAB>words):
// the series' name and the number of words, the longest first.
std::optional<std::pair<std::string, std::size_t>> series_at(std::string_view lang, const std::vector<TextWord>& words,
                                                           std::size_t i) {
  std::optional<std::pair<std::string, std::size_t>> best;
  for (const auto& row : rule_table(lang, "series.tsv")) {
    if (row.size() < 2) continue;
    std::size_t n = phrase_at(words, i, fold(row[1]));
    if (n > 0 && (!best || n > best->second)) best = std::make_pair(row[0], n);
  }
  return best;
}

// The raw cells (not folded) of `lang`'s table `name` of kind `kind`.
std::vector<std::string> table_cells(std::string_view lang, std::string_view name, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& row : rule_table(lang, name))
    if (row.size() >= 2 && row[0] == kind && !row[1].empty()) out.push_back(row[1]);
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

// The title's text without a date printed at its end ("... (2024) dinsdag
// 8 oktober 2024"), which gives the meeting's date when none was found.
std::string title_without_date(std::string_view lang, std::string text, int page, Report& report) {
  auto d = read_date(lang, text);
  if (!d || d->end != text.size() || d->begin == 0) return text;
  if (!report.meeting.date && d->year) report.meeting.date = d->iso();
  std::string head = trim(text.substr(0, d->begin));
  int dropped = count_words(text.substr(d->begin));
  // A weekday before the date belongs to it.
  auto sp = head.find_last_of(' ');
  std::string last = sp == std::string::npos ? head : head.substr(sp + 1);
  if (is_weekday(lang, last)) {
    head = trim(head.substr(0, sp == std::string::npos ? 0 : sp));
    ++dropped;
  }
  while (!head.empty() && (head.back() == ',' || head.back() == '-')) head = trim(head.substr(0, head.size() - 1));
  leave_out(report, page, "date_as_printed", dropped);
  return head;
}

}  // namespace

void read_title(std::string_view lang, const std::string& title, Meeting& meeting) {
  meeting.title = title;
  // The edition: "#3", or a number after an edition word of title.tsv ("nr. 3").
  const std::string marks = "(?:#|(?:" + regex_alternatives(table_cells(lang, "title.tsv", "edition")) + ")\\.?\\s*)";
  const std::regex edition_re(marks + R"((\d{1,3})\b)", std::regex::icase);
  std::smatch m;
  if (std::regex_search(title, m, edition_re)) meeting.edition = std::stoi(m[1]);
  // The theme is the title without the series (series.tsv, then a word of
  // title.tsv's "after_series" such as "over", or a colon or dash), the
  // edition and the year.
  std::string theme = title;
  std::vector<TextWord> words = text_words(title);
  if (auto series = series_at(lang, words, 0)) {
    meeting.series = series->first;
    std::size_t next = series->second;
    std::size_t cut = words[next - 1].end;
    for (const std::string& w : table_words(lang, "title.tsv", "after_series"))
      if (std::size_t n = phrase_at(words, next, w)) {
        cut = words[next + n - 1].end;
        break;
      }
    theme = title.substr(cut);
    static const std::regex lead(R"(^\s*(?:[:\-]|–|—)?\s*)");
    theme = std::regex_replace(theme, lead, "", std::regex_constants::format_first_only);
  }
  const std::regex tail_re(R"(\s*(?:)" + marks + R"(\d+|\(\s*\d{4}\s*\)|\b(?:19|20)\d{2}\b)\s*)", std::regex::icase);
  theme = std::regex_replace(theme, tail_re, " ");
  theme = trim(theme);
  while (!theme.empty() && (theme.back() == ',' || theme.back() == ':' || theme.back() == '-')) theme.pop_back();
  theme = trim(theme);
  if (!theme.empty()) meeting.theme = capitalise_first(theme);
}

Event read_event(std::string_view lang, const std::string& text, const std::string& meeting_date) {
  Event e;
  e.text = text;
  auto date = read_date(lang, text);
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
  auto times = read_time_range(lang, text);
  if (times) {
    e.start = times->start;
    e.end = times->end;
  }
  // The title: "Het volgende thematisch overleg over X vindt plaats", "La
  // prochaine concertation thématique X aura lieu" (events.tsv: "next" words,
  // the series, X, a "next_verb") names the series and theme; otherwise the
  // words before the date or a colon.
  std::smatch m;
  std::string next_title;
  std::vector<TextWord> words = text_words(text);
  for (const std::string& opening : table_words(lang, "events.tsv", "next")) {
    std::size_t i = phrase_at(words, 0, opening);
    if (!i) continue;
    auto series = series_at(lang, words, i);
    if (!series) continue;
    i += series->second;
    for (const std::string& w : table_words(lang, "title.tsv", "after_series"))
      if (std::size_t n = phrase_at(words, i, w)) {
        i += n;
        break;
      }
    std::vector<std::string> verbs = table_words(lang, "events.tsv", "next_verb");
    for (std::size_t j = i + 1; j < words.size() && next_title.empty(); ++j)
      for (const std::string& v : verbs)
        if (phrase_at(words, j, v)) {
          next_title = series->first + " " + trim(text.substr(words[i].begin, words[j - 1].end - words[i].begin));
          break;
        }
    if (!next_title.empty()) break;
  }
  if (!next_title.empty()) {
    e.title = next_title;
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
    // The words that introduce a place ("in", "à la", "au") are events.tsv's
    // "place" rows; one ending in a letter needs a space after it.
    std::vector<std::string> intro;
    for (const std::string& w : table_cells(lang, "events.tsv", "place")) intro.push_back(w);
    std::string intro_alt;
    for (const std::string& w : intro) {
      bool letter = std::isalpha(static_cast<unsigned char>(w.back())) || static_cast<unsigned char>(w.back()) >= 0x80;
      bool apostrophe = w.size() >= 1 && (w.back() == '\'' || (w.size() >= 3 && w.compare(w.size() - 3, 3, "’") == 0));
      intro_alt += (intro_alt.empty() ? "" : "|") + std::string("(?:") + regex_alternatives({w}) +
                   (apostrophe ? ")" : letter ? "\\s+)" : "\\s*)");
    }
    if (intro_alt.empty()) intro_alt = "(?!)";
    const std::regex place_re(R"(^\s*(?:\([^)]*\))?\s*,?\s*(?:(?:)" + intro_alt + R"())?([^.]+?)\s*\.(?:\s|$))",
                              std::regex::icase);
    if (std::regex_search(rest, m, place_re)) {
      std::string place = trim(m[1].str());
      static const std::regex has_number(R"(\d)");
      bool introduced = std::regex_search(rest, std::regex(R"(^\s*,?\s*(?:)" + intro_alt + ")", std::regex::icase));
      if (!place.empty() && (introduced || std::regex_search(place, has_number)) && count_code_points(place) < 160)
        e.location = place;
    }
  }
  return e;
}

std::optional<std::string> find_zone(const std::vector<std::string>& addresses, const std::vector<std::string>& texts) {
  // The zones are the same whatever the language a report is written in
  // (record.md: the canonical identifiers), and a footer may give an
  // address in the other language: every language's zones.tsv and
  // zone_words.tsv count.
  std::vector<std::pair<std::string, std::string>> zones;  // canonical, folded alias
  std::vector<std::string> address_words, text_words_;
  for (const std::string& lang : rule_languages()) {
    for (const auto& row : rule_table(lang, "zones.tsv"))
      if (row.size() >= 2) zones.emplace_back(row[0], fold(row[1]));
    for (const auto& row : rule_table(lang, "zone_words.tsv")) {
      if (row.size() < 2) continue;
      if (row[0] == "address") address_words.push_back(to_lower(row[1]));
      if (row[0] == "text") text_words_.push_back(fold(row[1]));
    }
  }
  auto zone_of_slug = [&](const std::string& slug) -> std::string {
    std::string f = fold(slug);
    for (const auto& [zone, alias] : zones)
      if (alias == f) return zone;
    return {};
  };
  std::set<std::string> from_addresses;
  const std::regex address_re("(?:" + regex_alternatives(address_words) + ")-([a-z]+(?:-[a-z]+)?)\\.brussels",
                              std::regex::icase);
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
    for (const std::string& word : text_words_) {
      const std::string lead = word + " ";
      for (std::size_t pos = f.find(lead); pos != std::string::npos; pos = f.find(lead, pos + 1)) {
        if (pos > 0 && f[pos - 1] != ' ') continue;
        std::string rest = f.substr(pos + lead.size());
        // Longest alias first: "zuid oost" before "zuid".
        std::string best;
        std::size_t best_len = 0;
        for (const auto& [zone, alias] : zones) {
          if (alias.size() > best_len && rest.rfind(alias, 0) == 0 &&
              (rest.size() == alias.size() || rest[alias.size()] == ' ')) {
            best = zone;
            best_len = alias.size();
          }
        }
        if (!best.empty()) from_text.insert(best);
      }
    }
  }
  if (from_text.size() == 1) return *from_text.begin();
  return std::nullopt;
}

void segment(const std::vector<Block>& blocks, Report& report) {
  // The document's language picks the rule tables; Dutch when it cannot be told.
  const std::string lang = report.language.value_or("nl");
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
          if (auto d = read_date(lang, strip_label(lang, b.text)); d && d->year) report.meeting.date = d->iso();
        continue;
      case Role::participants: {
        std::string text = strip_label(lang, b.text);
        leave_out(report, b.page, "label", count_words(b.text) - count_words(text));
        if (report.meeting.participants) break;  // a second count is text
        Participants p{std::nullopt, std::nullopt, text};
        if (auto pc = read_participants(lang, text)) p.count = pc->count, p.qualifier = pc->qualifier;
        report.meeting.participants = p;
        continue;
      }
      case Role::agenda_item: {
        std::string text = strip_label(lang, b.text);  // "Agenda: ..." on one line
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
        report.sections.push_back(Section{heading_kind(lang, heading), heading, b.page, {}});
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
  if (!title.empty()) read_title(lang, title_without_date(lang, title, title_page, report), report.meeting);

  // Save the date: one event per announcement; a short line without a date
  // or time ("Zie de agendapagina hier") belongs to the one before it.
  std::string meeting_date = report.meeting.date.value_or("");
  for (const Block* b : events) {
    if (b->text.empty()) continue;
    bool has_when = read_date(lang, b->text) || read_time_range(lang, b->text);
    std::size_t words = std::count(b->text.begin(), b->text.end(), ' ') + 1;
    if (!has_when && words < 10 && !report.events.empty()) {
      report.events.back().text += " " + b->text;
      continue;
    }
    report.events.push_back(read_event(lang, b->text, meeting_date));
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
