// Dutch: reading the dates, times, number words and participant counts of
// Dutch report text ("dinsdag 8 oktober 2024", "25/09/25", "van 10 tot 12 u",
// "13.00-15.30 uur", "een twintigtal professionals", "meer dan 40").
// Month names, number words and qualifiers come from dictionaries/rules.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace overleg {

struct DateMatch {
  int year = 0;  ///< 0 when the text gives none ("20 januari")
  int month = 0;
  int day = 0;
  std::size_t begin = 0, end = 0;  ///< byte range of the match in the text

  /// "YYYY-MM-DD" (needs a year).
  std::string iso() const;
};

struct TimeRange {
  std::optional<std::string> start;  ///< "HH:MM"
  std::optional<std::string> end;
  std::size_t begin = 0, end_pos = 0;  ///< byte range of the match
};

/// A number written as digits or Dutch words ("25", "twintig",
/// "vijfentwintig"); the bool is true for an approximate "-tal" form.
std::optional<std::pair<int, bool>> parse_count_word(std::string_view word);

struct ParticipantCount {
  int count = 0;
  std::string qualifier;  ///< exact, approximately, more_than, at_least, fewer_than
};

/// The participant count in `text` ("Meer dan 60 deelnemers uit ...").
std::optional<ParticipantCount> find_participants(std::string_view text);

}  // namespace overleg
