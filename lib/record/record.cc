#include "record/record.h"

#include <cctype>
#include <cmath>
#include <sstream>
#include <string_view>

namespace overleg {
namespace {

using json = nlohmann::ordered_json;

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

// Confidences are rounded so that records are stable across machines.
json rounded(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 1000.0) / 1000.0;
}

json block_json(const SectionBlock& b) {
  json j;
  j["type"] = b.type;
  if (b.type == "table") {
    j["rows"] = b.rows;
  } else {
    if (b.type == "list_item") j["level"] = b.level;
    j["text"] = b.text;
  }
  return j;
}

}  // namespace

nlohmann::ordered_json to_json(const Report& r) {
  json j;
  j["format"] = kRecordFormat;
  j["format_minor"] = kRecordFormatMinor;
  j["source"] = {{"path", r.source.path}, {"sha256", r.source.sha256}, {"bytes", r.source.bytes},
                 {"pages", r.source.pages}};
  if (r.source.path_bytes) j["source"]["path_bytes"] = *r.source.path_bytes;
  j["language"] = or_null(r.language);
  json pages = json::array();
  for (const PageInfo& p : r.pages) {
    json left_out = json::object();
    for (const auto& [reason, words] : p.left_out)
      if (words > 0) left_out[reason] = words;
    pages.push_back({{"number", p.number}, {"method", to_string(p.method)}, {"chars", p.chars},
                     {"ocr_confidence", rounded(p.ocr_confidence)}, {"rotation", or_null(p.rotation)},
                     {"skew", p.skew ? json(std::round(*p.skew * 100.0) / 100.0) : json(nullptr)},
                     {"dpi", or_null(p.dpi)}, {"left_out", left_out}});
  }
  j["extraction"] = {{"pages", pages}};
  const Meeting& m = r.meeting;
  json participants = nullptr;
  if (m.participants)
    participants = {{"count", or_null(m.participants->count)},
                    {"qualifier", or_null(m.participants->qualifier)},
                    {"text", m.participants->text}};
  j["meeting"] = {{"series", or_null(m.series)}, {"title", or_null(m.title)}, {"theme", or_null(m.theme)},
                  {"edition", or_null(m.edition)}, {"date", or_null(m.date)}, {"zone", or_null(m.zone)},
                  {"participants", participants}};
  j["agenda"] = r.agenda;
  json sections = json::array();
  for (const Section& s : r.sections) {
    json blocks = json::array();
    for (const SectionBlock& b : s.blocks) blocks.push_back(block_json(b));
    sections.push_back({{"kind", s.kind}, {"heading", s.heading}, {"page", s.page}, {"blocks", blocks}});
  }
  j["sections"] = sections;
  json events = json::array();
  for (const Event& e : r.events)
    events.push_back({{"kind", e.kind}, {"title", or_null(e.title)}, {"date", or_null(e.date)},
                      {"start", or_null(e.start)}, {"end", or_null(e.end)}, {"location", or_null(e.location)},
                      {"text", e.text}});
  j["events"] = events;
  json links = json::array();
  for (const LinkRef& l : r.links) links.push_back({{"url", l.url}, {"text", l.text}, {"page", l.page}});
  j["links"] = links;
  json repairs = json::array();
  for (const Repair& x : r.repairs) {
    json evidence = nullptr;
    if (x.evidence) {
      evidence = {{"candidates", x.evidence->candidates}, {"ocr_confidence", rounded(x.evidence->ocr_confidence)}};
      // Only where OCR gave alternatives: older records stay as they were.
      if (!x.evidence->ocr_choices.empty()) evidence["ocr_choices"] = x.evidence->ocr_choices;
    }
    repairs.push_back({{"page", x.page}, {"from", x.from}, {"to", x.to}, {"rule", x.rule}, {"evidence", evidence}});
  }
  j["repairs"] = repairs;
  json warnings = json::array();
  for (const Diagnostic& d : r.warnings)
    warnings.push_back({{"code", d.code}, {"page", d.page > 0 ? json(d.page) : json(nullptr)}, {"message", d.message}});
  j["warnings"] = warnings;
  return j;
}

std::string to_json_text(const Report& report, bool pretty) {
  // Invalid UTF-8 from a broken PDF is replaced, never a reason to fail.
  return to_json(report).dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Markdown: the characters that would start markup inside a line.
std::string md_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A line that would open a block of its own ("1. ", "- ", "+ ", "#")
// when the document's text only happens to start that way.
std::string md_block_start(std::string escaped) {
  std::size_t digits = 0;
  while (digits < escaped.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(escaped[digits]))) ++digits;
  if (digits > 0 && digits < escaped.size() && (escaped[digits] == '.' || escaped[digits] == ')'))
    escaped.insert(digits, "\\");
  else if ((escaped.size() >= 2 && (escaped[0] == '-' || escaped[0] == '+') && escaped[1] == ' ') ||
           (!escaped.empty() && escaped[0] == '#'))
    escaped.insert(0, "\\");
  return escaped;
}

// A link target as the reader's tool will follow it: a URL without a scheme
// ("www.brusano.brussels") would be relative to the file, so it gets one.
std::string link_target(const std::string& url) {
  std::string target = url;
  auto colon = url.find(':');
  bool has_scheme = colon != std::string::npos && colon > 0 &&
                    url.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") >= colon;
  if (!has_scheme) target = (url.find('@') != std::string::npos && url.find('/') == std::string::npos ? "mailto:" : "https://") + url;
  // Spaces and parentheses would end the destination early: the <...> form.
  if (target.find_first_of(" ()<>") != std::string::npos) {
    std::string quoted = "<";
    for (char c : target) quoted += c == '<' ? std::string("%3C") : c == '>' ? std::string("%3E") : std::string(1, c);
    return quoted + ">";
  }
  return target;
}

// `text` escaped, with each link whose anchor occurs in it (on the same
// page) made a link where the anchor is; `used` marks the links placed.
std::string md_inline(const std::string& text, int page, const std::vector<LinkRef>& links, std::vector<bool>& used) {
  std::string out;
  std::size_t at = 0;
  for (;;) {
    std::size_t best = std::string::npos, which = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (used[i] || links[i].text.empty() || (page > 0 && links[i].page != page)) continue;
      std::size_t f = text.find(links[i].text, at);
      if (f < best) best = f, which = i;
    }
    if (best == std::string::npos) break;
    out += md_escape(std::string_view(text).substr(at, best - at));
    out += "[" + md_escape(links[which].text) + "](" + link_target(links[which].url) + ")";
    used[which] = true;
    at = best + links[which].text.size();
  }
  out += md_escape(std::string_view(text).substr(at));
  return out;
}

}  // namespace

std::string to_markdown(const Report& r) {
  std::ostringstream md;
  const Meeting& m = r.meeting;
  std::vector<bool> placed(r.links.size(), false);
  auto inline_text = [&](const std::string& text, int page) { return md_inline(text, page, r.links, placed); };
  md << "# " << md_escape(m.title ? *m.title : r.source.path) << "\n\n";
  auto field = [&](const char* name, const std::string& value) { md << "- **" << name << ":** " << value << "\n"; };
  // The source first, so that documents rendered into one stream stay apart.
  field("Bron", md_escape(r.source.path));
  if (m.series) field("Reeks", md_escape(*m.series));
  if (m.theme) field("Thema", md_escape(*m.theme));
  if (m.edition) field("Editie", std::to_string(*m.edition));
  if (m.date) field("Datum", *m.date);
  if (m.zone) field("Zorgzone", md_escape(*m.zone));
  if (m.participants) field("Deelnemers", md_escape(m.participants->text));
  md << "\n";
  if (!r.agenda.empty()) {
    md << "## Agenda\n\n";
    for (const auto& a : r.agenda) md << "- " << inline_text(a, 0) << "\n";
    md << "\n";
  }
  for (const Section& s : r.sections) {
    md << "## " << (s.heading.empty() ? "(zonder titel)" : md_escape(s.heading)) << "\n\n";
    bool in_list = false;
    for (const SectionBlock& b : s.blocks) {
      if (b.type == "list_item") {
        md << std::string(2 * (b.level > 1 ? b.level - 1 : 0), ' ') << "- " << md_block_start(inline_text(b.text, s.page))
           << "\n";
        in_list = true;
        continue;
      }
      if (in_list) md << "\n";
      in_list = false;
      if (b.type == "subheading") {
        md << "### " << md_escape(b.text) << "\n\n";
      } else if (b.type == "table") {
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          md << "|";
          for (const auto& cell : b.rows[i]) md << " " << inline_text(cell, s.page) << " |";
          md << "\n";
          if (i == 0) {
            md << "|";
            for (std::size_t c = 0; c < b.rows[i].size(); ++c) md << " --- |";
            md << "\n";
          }
        }
        md << "\n";
      } else {
        md << md_block_start(inline_text(b.text, s.page)) << "\n\n";
      }
    }
    if (in_list) md << "\n";
  }
  if (!r.events.empty()) {
    md << "## Save the date\n\n";
    for (const Event& e : r.events) {
      md << "- " << md_block_start(inline_text(e.text, 0));
      if (e.date || e.start) {
        md << " *(" << e.date.value_or("datum onbekend");
        if (e.start) md << ", " << *e.start << (e.end ? "–" + *e.end : "");
        md << ")*";
      }
      md << "\n";
    }
    md << "\n";
  }
  // Links whose anchor is not in the text (or that have none) are listed.
  bool listed = false;
  for (std::size_t i = 0; i < r.links.size(); ++i) {
    if (placed[i]) continue;
    const LinkRef& l = r.links[i];
    if (!listed) md << "## Links\n\n";
    listed = true;
    md << "- [" << md_escape(l.text.empty() ? l.url : l.text) << "](" << link_target(l.url) << ")\n";
  }
  if (listed) md << "\n";
  if (!r.warnings.empty()) {
    md << "## Waarschuwingen\n\n";
    for (const Diagnostic& d : r.warnings)
      md << "- " << (d.page > 0 ? "p. " + std::to_string(d.page) + ": " : std::string()) << md_escape(d.message) << " ("
         << md_escape(d.code) << ")\n";
    md << "\n";
  }
  return md.str();
}

std::string to_plain_text(const Report& r) {
  std::ostringstream out;
  const Meeting& m = r.meeting;
  // Which document this is and its meeting data, then the text in reading order.
  out << "Bron: " << r.source.path << "\n";
  if (m.title) out << *m.title << "\n";
  if (m.series) out << "Reeks: " << *m.series << "\n";
  if (m.theme) out << "Thema: " << *m.theme << "\n";
  if (m.edition) out << "Editie: " << *m.edition << "\n";
  if (m.date) out << "Datum: " << *m.date << "\n";
  if (m.zone) out << "Zorgzone: " << *m.zone << "\n";
  if (m.participants) out << "Deelnemers: " << m.participants->text << "\n";
  out << "\n";
  if (!r.agenda.empty()) {
    out << "Agenda\n\n";
    for (const auto& a : r.agenda) out << "• " << a << "\n";
    out << "\n";
  }
  for (const Section& s : r.sections) {
    if (!s.heading.empty()) out << s.heading << "\n\n";
    for (const SectionBlock& b : s.blocks) {
      if (b.type == "table") {
        for (const auto& row : b.rows) {
          for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "\t" : "") << row[c];
          out << "\n";
        }
        out << "\n";
      } else {
        out << (b.type == "list_item" ? "• " : "") << b.text << "\n\n";
      }
    }
  }
  for (const Event& e : r.events) out << e.text << "\n\n";
  for (const Diagnostic& d : r.warnings)
    out << "Waarschuwing" << (d.page > 0 ? " (p. " + std::to_string(d.page) + ")" : std::string()) << ": " << d.message
        << "\n";
  return out.str();
}

}  // namespace overleg
