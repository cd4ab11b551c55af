#include "segment/segment.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <unicode/uchar.h>

#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/written_values.h"
#include "util/rules.h"
#include "util/scan.h"
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

// Where an edition mark at `i` ends, in the order they are tried: "#", or an
// edition word of title.tsv ("nr", "n°") with an optional dot and spaces.
std::vector<std::size_t> edition_mark_ends(std::string_view s, std::size_t i, const std::vector<std::string>& words) {
  std::vector<std::size_t> ends;
  if (scan::one_of(s, i, "#")) ends.push_back(i + 1);
  for (const std::string& w : words) {
    if (!scan::word_at(s, i, w)) continue;
    const std::size_t past = i + w.size();
    if (scan::one_of(s, past, ".")) ends.push_back(scan::skip_spaces(s, past + 1));
    ends.push_back(scan::skip_spaces(s, past));
  }
  return ends;
}

// The end of what read_title cuts from a theme at `j`: an edition ("#3",
// "nr. 3"), a year in brackets ("(2024)") or a year alone ("2024"); 0 when
// there is none.
std::size_t theme_tail_at(std::string_view s, std::size_t j, const std::vector<std::string>& edition_words) {
  for (std::size_t m : edition_mark_ends(s, j, edition_words))
    if (std::size_t run = scan::digit_run(s, m)) return m + run;
  if (scan::one_of(s, j, "(")) {
    std::size_t d = scan::skip_spaces(s, j + 1);
    if (scan::digit_run(s, d) >= 4) {
      std::size_t close = scan::skip_spaces(s, d + 4);
      if (scan::one_of(s, close, ")")) return close + 1;
    }
  }
  if (scan::boundary(s, j) && (s.substr(j, 2) == "19" || s.substr(j, 2) == "20") && scan::digit_run(s, j) >= 4 &&
      scan::boundary(s, j + 4))
    return j + 4;
  return 0;
}

// A word that introduces a place (events.tsv "place": "in", "à la", "à l'"):
// one ending in a letter needs a space after it, one ending in an
// apostrophe none.
struct PlaceWord {
  std::string word;
  std::size_t min_spaces = 0;
  bool spaces = true;  // false: nothing may follow the apostrophe but the place
};

std::vector<PlaceWord> place_words(std::string_view lang) {
  std::vector<PlaceWord> out;
  for (const std::string& w : table_cells(lang, "events.tsv", "place")) {
    bool letter = std::isalpha(static_cast<unsigned char>(w.back())) || static_cast<unsigned char>(w.back()) >= 0x80;
    bool apostrophe = w.back() == '\'' || (w.size() >= 3 && w.compare(w.size() - 3, 3, "’") == 0);
    out.push_back({w, apostrophe ? 0u : letter ? 1u : 0u, !apostrophe});
  }
  return out;
}

// Where the place may start after a place word at `i`, most spaces first.
std::vector<std::size_t> after_place_word(std::string_view s, std::size_t i, const PlaceWord& w) {
  std::vector<std::size_t> ends;
  if (!scan::word_at(s, i, w.word)) return ends;
  const std::size_t past = i + w.word.size();
  if (!w.spaces) return {past};
  for (std::size_t e = scan::skip_spaces(s, past); e >= past + w.min_spaces; --e) {
    ends.push_back(e);
    if (e == past) break;
  }
  return ends;
}

// Every index from the end of the run of spaces at `i` back to `i`.
std::vector<std::size_t> spaces_given_back(std::string_view s, std::size_t i) {
  std::vector<std::size_t> out;
  for (std::size_t e = scan::skip_spaces(s, i);; --e) {
    out.push_back(e);
    if (e == i) break;
  }
  return out;
}

// The place in what follows an event's time: after an optional parenthesis
// ("(ontvangst om 12.30 uur)"), a comma and a place word, the text up to the
// end of the sentence (a dot before a space or the end). The starts are
// tried in the order a backtracking matcher of
//   ^\s*(\([^)]*\))?\s*,?\s*(PLACE-WORD)?([^.]+?)\s*\.(\s|$)
// tries them, which this replaces; the first that reaches such a dot wins,
// even when it holds only spaces.
std::optional<std::string> place_in(std::string_view s, const std::vector<PlaceWord>& words) {
  auto sentence_from = [&](std::size_t g) -> std::optional<std::string> {
    if (g >= s.size() || s[g] == '.') return std::nullopt;
    std::size_t dot = s.find('.', g);
    if (dot == std::string_view::npos || (dot + 1 < s.size() && !scan::space(s[dot + 1]))) return std::nullopt;
    return trim(s.substr(g, dot - g));
  };
  for (std::size_t a : spaces_given_back(s, 0)) {
    std::vector<std::size_t> parens;
    if (scan::one_of(s, a, "(")) {
      std::size_t close = s.find(')', a);
      if (close != std::string_view::npos) parens.push_back(close + 1);
    }
    parens.push_back(a);
    for (std::size_t p : parens)
      for (std::size_t b : spaces_given_back(s, p)) {
        std::vector<std::size_t> commas;
        if (scan::one_of(s, b, ",")) commas.push_back(b + 1);
        commas.push_back(b);
        for (std::size_t c : commas)
          for (std::size_t x : spaces_given_back(s, c)) {
            for (const PlaceWord& w : words)
              for (std::size_t g : after_place_word(s, x, w))
                if (auto place = sentence_from(g)) return place;
            if (auto place = sentence_from(x)) return place;
          }
      }
  }
  return std::nullopt;
}

// Does `s` open with a place word (after spaces and a comma)?
bool opens_with_place_word(std::string_view s, const std::vector<PlaceWord>& words) {
  std::size_t i = scan::skip_spaces(s, 0);
  std::vector<std::size_t> starts;
  if (scan::one_of(s, i, ",")) starts.push_back(scan::skip_spaces(s, i + 1));
  starts.push_back(i);
  for (std::size_t x : starts)
    for (const PlaceWord& w : words)
      if (!after_place_word(s, x, w).empty()) return true;
  return false;
}

}  // namespace

void read_title(std::string_view lang, const std::string& title, Meeting& meeting) {
  meeting.title = title;
  // The edition: "#3", or a number after an edition word of title.tsv ("nr. 3")
  // of at most three digits.
  const std::vector<std::string> edition_words = scan::longest_first(table_cells(lang, "title.tsv", "edition"));
  bool edition = false;
  for (std::size_t i = 0; i < title.size() && !edition; ++i)
    for (std::size_t m : edition_mark_ends(title, i, edition_words)) {
      std::size_t run = scan::digit_run(title, m);
      if (run >= 1 && run <= 3 && scan::boundary(title, m + run)) {
        meeting.edition = scan::number_at(title, m, run);
        edition = true;
        break;
      }
    }
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
    // What joins the series to the theme: spaces, a colon or a dash.
    std::size_t start = scan::skip_spaces(title, cut);
    if (scan::one_of(title, start, ":-")) ++start;
    else if (title.compare(start, 3, "\u2013") == 0 || title.compare(start, 3, "\u2014") == 0) start += 3;
    theme = title.substr(scan::skip_spaces(title, start));
  }
  // Each edition, year in brackets or year, with the spaces around it, becomes one space.
  std::string cut_theme;
  for (std::size_t i = 0; i < theme.size();) {
    std::size_t j = scan::skip_spaces(theme, i);
    if (std::size_t end = theme_tail_at(theme, j, edition_words)) {
      cut_theme += ' ';
      i = scan::skip_spaces(theme, end);
    } else {
      cut_theme += theme[i++];
    }
  }
  theme = std::move(cut_theme);
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
    // "place" rows.
    const std::vector<PlaceWord> words = place_words(lang);
    if (auto place = place_in(rest, words)) {
      bool introduced = opens_with_place_word(rest, words);
      bool number = std::any_of(place->begin(), place->end(), [](char c) { return scan::digit(c); });
      if (!place->empty() && (introduced || number) && count_code_points(*place) < 160) e.location = *place;
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
  // "zorgzone-noord.brussels", "bassin-sud-est.brussels": an address word, a
  // dash, one or two dashed words of letters, ".brussels".
  address_words = scan::longest_first(std::move(address_words));
  auto letters = [](std::string_view t, std::size_t i) {
    std::size_t n = 0;
    while (i + n < t.size() && scan::letter(t[i + n])) ++n;
    return n;
  };
  auto slug_at = [&](std::string_view t, std::size_t i) -> std::optional<std::pair<std::string, std::size_t>> {
    for (const std::string& w : address_words) {
      if (!scan::word_at(t, i, w) || !scan::one_of(t, i + w.size(), "-")) continue;
      const std::size_t slug = i + w.size() + 1, first = letters(t, slug);
      if (!first) continue;
      std::size_t end = slug + first;
      if (scan::one_of(t, end, "-"))
        if (std::size_t second = letters(t, end + 1); second && scan::word_at(t, end + 1 + second, ".brussels"))
          end += 1 + second;
      if (scan::word_at(t, end, ".brussels")) return std::make_pair(std::string(t.substr(slug, end - slug)), end + 9);
    }
    return std::nullopt;
  };
  std::set<std::string> from_addresses;
  for (const std::string& a : addresses) {
    std::string lower = to_lower(a);
    for (std::size_t i = 0; i < lower.size();) {
      auto found = slug_at(lower, i);
      if (!found) {
        ++i;
        continue;
      }
      std::string z = zone_of_slug(found->first);
      if (!z.empty()) from_addresses.insert(z);
      i = found->second;
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
