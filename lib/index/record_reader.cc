#include "index/record_reader.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "record/record.h"

namespace overleg {
namespace {

using json = nlohmann::ordered_json;

// A field with the wrong shape; `what` is a path such as "sections[2].page".
struct BadField : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string at(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// Member `key` of object `j`: nullptr when missing (a reader of 1.0 records,
// and of records with fields a later minor added, must not insist).
const json* member(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string text(const json& j, const char* key, const std::string& path, bool required = false) {
  const json* v = member(j, key);
  if (!v || v->is_null()) {
    if (required) throw BadField(at(path, key) + " is missing");
    return {};
  }
  if (!v->is_string()) throw BadField(at(path, key) + " is not a string");
  return v->get<std::string>();
}

std::optional<std::string> optional_text(const json& j, const char* key, const std::string& path) {
  const json* v = member(j, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) throw BadField(at(path, key) + " is not a string or null");
  return v->get<std::string>();
}

std::optional<long long> optional_integer(const json& j, const char* key, const std::string& path) {
  const json* v = member(j, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_number_integer()) throw BadField(at(path, key) + " is not an integer or null");
  return v->get<long long>();
}

std::optional<double> optional_number(const json& j, const char* key, const std::string& path) {
  const json* v = member(j, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_number()) throw BadField(at(path, key) + " is not a number or null");
  return v->get<double>();
}

int integer(const json& j, const char* key, const std::string& path) {
  return static_cast<int>(optional_integer(j, key, path).value_or(0));
}

const json& object(const json& j, const std::string& path) {
  if (!j.is_object()) throw BadField(path + " is not an object");
  return j;
}

// The array `key` of `j`, or an empty one when missing.
const json& array(const json& j, const char* key, const std::string& path) {
  static const json empty = json::array();
  const json* v = member(j, key);
  if (!v || v->is_null()) return empty;
  if (!v->is_array()) throw BadField(at(path, key) + " is not an array");
  return *v;
}

SectionBlock read_block(const json& b, const std::string& path) {
  object(b, path);
  SectionBlock block;
  block.type = text(b, "type", path, true);
  block.text = text(b, "text", path);
  block.level = integer(b, "level", path);
  const json& rows = array(b, "rows", path);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (!rows[r].is_array()) throw BadField(at(at(path, "rows"), r) + " is not an array");
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (!rows[r][c].is_string()) throw BadField(at(at(at(path, "rows"), r), c) + " is not a string");
      cells.push_back(rows[r][c].get<std::string>());
    }
    block.rows.push_back(std::move(cells));
  }
  return block;
}

IndexedRecord read(const json& j) {
  if (!j.is_object()) throw BadField(std::string("not an overleg record (a JSON ") + j.type_name() + ", not an object)");
  IndexedRecord out;
  const json* format = member(j, "format");
  if (!format || !format->is_string()) throw BadField("not an overleg record (no \"format\" string)");
  out.format = format->get<std::string>();
  if (out.format != kRecordFormat)
    throw BadField("record format \"" + out.format + "\" is not one this overleg reads (" + kRecordFormat + ")");
  if (auto minor = optional_integer(j, "format_minor", "")) out.format_minor = static_cast<int>(*minor);

  Report& r = out.report;
  const json* source = member(j, "source");
  if (!source) throw BadField("source is missing");
  object(*source, "source");
  r.source.path = text(*source, "path", "source", true);
  r.source.sha256 = text(*source, "sha256", "source", true);
  if (r.source.sha256.empty()) throw BadField("source.sha256 is empty");
  r.source.bytes = optional_integer(*source, "bytes", "source").value_or(0);
  r.source.pages = integer(*source, "pages", "source");
  r.source.path_bytes = optional_text(*source, "path_bytes", "source");
  r.language = optional_text(j, "language", "");

  if (const json* m = member(j, "meeting"); m && !m->is_null()) {
    object(*m, "meeting");
    Meeting& meeting = r.meeting;
    meeting.series = optional_text(*m, "series", "meeting");
    meeting.title = optional_text(*m, "title", "meeting");
    meeting.theme = optional_text(*m, "theme", "meeting");
    if (auto e = optional_integer(*m, "edition", "meeting")) meeting.edition = static_cast<int>(*e);
    meeting.date = optional_text(*m, "date", "meeting");
    meeting.zone = optional_text(*m, "zone", "meeting");
    if (const json* p = member(*m, "participants"); p && !p->is_null()) {
      object(*p, "meeting.participants");
      Participants participants;
      if (auto c = optional_integer(*p, "count", "meeting.participants")) participants.count = static_cast<int>(*c);
      participants.qualifier = optional_text(*p, "qualifier", "meeting.participants");
      participants.text = text(*p, "text", "meeting.participants");
      meeting.participants = participants;
    }
  }

  const json& agenda = array(j, "agenda", "");
  for (std::size_t i = 0; i < agenda.size(); ++i) {
    if (!agenda[i].is_string()) throw BadField(at("agenda", i) + " is not a string");
    r.agenda.push_back(agenda[i].get<std::string>());
  }
  const json& sections = array(j, "sections", "");
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::string path = at("sections", i);
    const json& s = object(sections[i], path);
    Section section;
    section.kind = text(s, "kind", path, true);
    section.heading = text(s, "heading", path);
    section.page = integer(s, "page", path);
    const json& blocks = array(s, "blocks", path);
    for (std::size_t b = 0; b < blocks.size(); ++b) section.blocks.push_back(read_block(blocks[b], at(at(path, "blocks"), b)));
    r.sections.push_back(std::move(section));
  }
  const json& events = array(j, "events", "");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string path = at("events", i);
    const json& e = object(events[i], path);
    Event event;
    event.kind = text(e, "kind", path);
    event.title = optional_text(e, "title", path);
    event.date = optional_text(e, "date", path);
    event.start = optional_text(e, "start", path);
    event.end = optional_text(e, "end", path);
    event.location = optional_text(e, "location", path);
    event.text = text(e, "text", path);
    r.events.push_back(std::move(event));
  }
  const json& links = array(j, "links", "");
  for (std::size_t i = 0; i < links.size(); ++i) {
    const std::string path = at("links", i);
    const json& l = object(links[i], path);
    r.links.push_back({text(l, "url", path, true), text(l, "text", path), integer(l, "page", path)});
  }
  const json& repairs = array(j, "repairs", "");
  for (std::size_t i = 0; i < repairs.size(); ++i) {
    const std::string path = at("repairs", i);
    const json& x = object(repairs[i], path);
    Repair repair;
    repair.page = integer(x, "page", path);
    repair.from = text(x, "from", path);
    repair.to = text(x, "to", path);
    repair.rule = text(x, "rule", path);
    if (const json* ev = member(x, "evidence"); ev && !ev->is_null()) {
      const std::string epath = at(path, "evidence");
      object(*ev, epath);
      RepairEvidence evidence;
      auto strings = [&](const char* key, std::vector<std::string>& out) {
        const json& list = array(*ev, key, epath);
        for (std::size_t c = 0; c < list.size(); ++c) {
          if (!list[c].is_string()) throw BadField(at(at(epath, key), c) + " is not a string");
          out.push_back(list[c].get<std::string>());
        }
      };
      strings("candidates", evidence.candidates);
      evidence.ocr_confidence = optional_number(*ev, "ocr_confidence", epath);
      // Only where OCR gave alternatives (docs/record.md).
      if (member(*ev, "ocr_choices")) strings("ocr_choices", evidence.ocr_choices);
      repair.evidence = evidence;
    }
    r.repairs.push_back(std::move(repair));
  }
  const json& warnings = array(j, "warnings", "");
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const std::string path = at("warnings", i);
    const json& w = object(warnings[i], path);
    Diagnostic d;
    d.code = text(w, "code", path);
    d.page = integer(w, "page", path);
    d.message = text(w, "message", path);
    r.warnings.push_back(std::move(d));
  }
  return out;
}

Failure bad_record(const std::string& where, const std::string& message) {
  return Failure{ErrorKind::damaged, Diagnostic{"bad_record", where, 0, message}};
}

}  // namespace

Result<IndexedRecord> read_record(std::string_view text, const std::string& where) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 7: ..."
    std::string message = e.what();
    if (auto colon = message.find("] "); colon != std::string::npos) message = message.substr(colon + 2);
    return bad_record(where, "not valid JSON: " + message);
  }
  try {
    IndexedRecord record = read(j);
    // Compact and in the record's own key order, so the same record always
    // stores the same bytes whatever its indentation on disk.
    record.json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return record;
  } catch (const BadField& e) {
    return bad_record(where, e.what());
  } catch (const nlohmann::json::exception& e) {
    return bad_record(where, std::string("unexpected value: ") + e.what());
  }
}

}  // namespace overleg
