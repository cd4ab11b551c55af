// Report: the logical document that the pipeline builds from one input; the
// record stage only serialises it (see ../shared/spec/record.md and
// docs/record.schema.json). Absent values are std::nullopt and become JSON
// null. Plain value types; safe to copy and share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"

namespace overleg {

struct SourceInfo {
  std::string path;    ///< as given on the command line ("-" for stdin)
  std::string sha256;  ///< hex digest of the input bytes
  long long bytes = 0;
  int pages = 0;
};

struct PageInfo {
  int number = 0;
  PageMethod method = PageMethod::text;
  int chars = 0;
  std::optional<double> ocr_confidence;
};

struct Participants {
  std::optional<int> count;
  std::optional<std::string> qualifier;  ///< exact, approximately, more_than, at_least, fewer_than
  std::string text;
};

struct Meeting {
  std::optional<std::string> series;
  std::optional<std::string> title;
  std::optional<std::string> theme;
  std::optional<int> edition;
  std::optional<std::string> date;  ///< YYYY-MM-DD
  std::optional<std::string> zone;  ///< Centrum-West, Noord, Noord-Oost, Zuid, Zuid-Oost
  std::optional<Participants> participants;
};

/// One block of a section in the record's terms.
struct SectionBlock {
  std::string type;  ///< paragraph, list_item, subheading, table
  std::string text;  ///< empty for tables
  int level = 0;     ///< list_item only
  std::vector<std::vector<std::string>> rows;  ///< table only
};

struct Section {
  std::string kind;  ///< monitoring, findings, actions, other
  std::string heading;
  int page = 0;
  std::vector<SectionBlock> blocks;
};

struct Event {
  std::string kind = "save_the_date";
  std::optional<std::string> title;
  std::optional<std::string> date;   ///< YYYY-MM-DD
  std::optional<std::string> start;  ///< HH:MM
  std::optional<std::string> end;
  std::optional<std::string> location;
  std::string text;
};

struct LinkRef {
  std::string url;
  std::string text;  ///< the anchor text (empty for a bare URL with no words under it)
  int page = 0;
};

struct Repair {
  int page = 0;
  std::string from;
  std::string to;
  std::string rule;
};

struct Report {
  SourceInfo source;
  std::vector<PageInfo> pages;
  Meeting meeting;
  std::vector<std::string> agenda;
  std::vector<Section> sections;
  std::vector<Event> events;
  std::vector<LinkRef> links;
  std::vector<Repair> repairs;
  std::vector<Diagnostic> warnings;
};

}  // namespace overleg
