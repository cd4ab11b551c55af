// Report: the logical document that the pipeline builds from one input; the
// record stage only serialises it (see ../shared/spec/record.md and
// docs/record.schema.json). Absent values are std::nullopt and become JSON
// null. Plain value types; safe to copy and share.
#pragma once

#include <map>
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
  /// Set only when `path` came from bytes that are not valid UTF-8: those
  /// bytes, base64 (`path` then has U+FFFD for each bad byte). Format 1.1.
  std::optional<std::string> path_bytes;
};

/// One OCR pass over a page: what image it read and how well (format 1.1
/// keeps only the chosen pass's outcome; these are for `overleg inspect`).
struct OcrPass {
  std::string image;           ///< "as scanned", "turned 180", "cleaned" (background levelled, Sauvola)
  double confidence = 0;       ///< mean word confidence, 0..1
  double lexicon_share = -1;   ///< share of its 2+-letter words in the lexicon; -1 without a lexicon
  double quality = 0;          ///< confidence x lexicon share: what passes are compared by
  int words = 0;               ///< words read (as the scorer counts them)
};

/// How an OCR page was prepared and read, with the evidence behind each
/// choice. Not serialised in the record (which has rotation, skew, dpi and
/// left_out); `overleg inspect` prints it and the tests read it.
struct OcrPreparation {
  std::optional<int> native_dpi;    ///< the scan's own resolution when the source knows it
  int dpi = 0;                      ///< the resolution OCR ran at
  std::string dpi_reason;           ///< why that resolution
  int rotation = 0;                 ///< degrees turned clockwise
  std::string orientation;          ///< what the orientation check found, or why it did not run
  double skew = 0;                  ///< degrees corrected
  double skew_confidence = 0;       ///< Leptonica's confidence of the skew search
  std::vector<OcrPass> passes;      ///< the first pass, then the retry if there was one
  int chosen = 0;                   ///< index of the pass whose words were kept
  int words_read = 0;               ///< words of the kept pass before any was left out
};

struct PageInfo {
  int number = 0;
  PageMethod method = PageMethod::text;
  int chars = 0;
  std::optional<double> ocr_confidence;
  // Format 1.1: how an OCR'd page was prepared (all null on text pages) ...
  std::optional<int> rotation;  ///< degrees clockwise the image was turned: 0, 90, 180, 270
  std::optional<double> skew;   ///< degrees of skew corrected
  std::optional<int> dpi;       ///< resolution OCR ran at
  /// ... and the page's words the record leaves out on purpose, by reason
  /// (running_header, footer, page_number, label, standing_description,
  /// speck, ...; docs/record.md lists them). Every other word is in the record.
  std::map<std::string, int> left_out;
  /// OCR pages: how the page was prepared and read (not in the record).
  std::optional<OcrPreparation> preparation;
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

/// Why a repair was made (format 1.1): the candidates weighed, best first,
/// and the OCR confidence of the word when it came from OCR.
struct RepairEvidence {
  std::vector<std::string> candidates;
  std::optional<double> ocr_confidence;
  /// The words spelled from OCR's alternatives for the word's symbols,
  /// cheapest first (text/ocr_choices.h); empty when OCR gave none.
  std::vector<std::string> ocr_choices = {};
};

struct Repair {
  int page = 0;
  std::string from;
  std::string to;
  std::string rule;
  std::optional<RepairEvidence> evidence;  ///< null where the rule needs none
};

struct Report {
  SourceInfo source;
  std::optional<std::string> language;  ///< ISO 639-1 ("nl", "fr"); null when it cannot be told
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
