#include "record/record.h"

#include <cmath>
#include <sstream>

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
    if (x.evidence)
      evidence = {{"candidates", x.evidence->candidates}, {"ocr_confidence", rounded(x.evidence->ocr_confidence)}};
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

std::string to_markdown(const Report& r) {
  std::ostringstream md;
  const Meeting& m = r.meeting;
  md << "# " << (m.title ? *m.title : r.source.path) << "\n\n";
  auto field = [&](const char* name, const std::string& value) { md << "- **" << name << ":** " << value << "\n"; };
  if (m.series) field("Reeks", *m.series);
  if (m.theme) field("Thema", *m.theme);
  if (m.edition) field("Editie", std::to_string(*m.edition));
  if (m.date) field("Datum", *m.date);
  if (m.zone) field("Zorgzone", *m.zone);
  if (m.participants) field("Deelnemers", m.participants->text);
  md << "\n";
  if (!r.agenda.empty()) {
    md << "## Agenda\n\n";
    for (const auto& a : r.agenda) md << "- " << a << "\n";
    md << "\n";
  }
  for (const Section& s : r.sections) {
    md << "## " << (s.heading.empty() ? "(zonder titel)" : s.heading) << "\n\n";
    bool in_list = false;
    for (const SectionBlock& b : s.blocks) {
      if (b.type == "list_item") {
        md << std::string(2 * (b.level > 1 ? b.level - 1 : 0), ' ') << "- " << b.text << "\n";
        in_list = true;
        continue;
      }
      if (in_list) md << "\n";
      in_list = false;
      if (b.type == "subheading") {
        md << "### " << b.text << "\n\n";
      } else if (b.type == "table") {
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          md << "|";
          for (const auto& cell : b.rows[i]) md << " " << cell << " |";
          md << "\n";
          if (i == 0) {
            md << "|";
            for (std::size_t c = 0; c < b.rows[i].size(); ++c) md << " --- |";
            md << "\n";
          }
        }
        md << "\n";
      } else {
        md << b.text << "\n\n";
      }
    }
    if (in_list) md << "\n";
  }
  if (!r.events.empty()) {
    md << "## Save the date\n\n";
    for (const Event& e : r.events) {
      md << "- " << e.text;
      if (e.date || e.start) {
        md << " *(" << e.date.value_or("datum onbekend");
        if (e.start) md << ", " << *e.start << (e.end ? "–" + *e.end : "");
        md << ")*";
      }
      md << "\n";
    }
    md << "\n";
  }
  if (!r.links.empty()) {
    md << "## Links\n\n";
    for (const LinkRef& l : r.links) md << "- [" << (l.text.empty() ? l.url : l.text) << "](" << l.url << ")\n";
    md << "\n";
  }
  return md.str();
}

std::string to_plain_text(const Report& r) {
  std::ostringstream out;
  if (r.meeting.title) out << *r.meeting.title << "\n\n";
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
  return out.str();
}

}  // namespace overleg
