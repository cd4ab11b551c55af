// Written values: the dates, clock times, number words and participant
// counts of report text in any language with rule tables, read with that
// language's tables (util/rules.h: months.tsv, numbers.tsv, number_forms.tsv,
// qualifiers.tsv, participants.tsv, times.tsv of dictionaries/rules/<lang>/,
// or a folder loaded at run time). The code knows digits and dashes; every
// word comes from the tables, so a new language is new files. The value
// types are roles/dutch.h's, which these readers are meant to replace
// ("nl" reads what dutch.h reads).
//   "jeudi 13 mars 2025" -> 2025-03-13, "de 9h30 à 12h" -> 09:30-12:00,
//   "une vingtaine de professionnels" -> 20 approximately.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roles/dutch.h"

namespace overleg {

/// The first date written in `text` ("13/03/2025", "jeudi 13 mars 2025",
/// "le 1er avril", "13. März 2025"), month names from `lang`'s months.tsv.
std::optional<DateMatch> read_date(std::string_view lang, std::string_view text);

/// The first clock time or range in `text` ("de 9h30 à 12h", "14h-16h30",
/// "van 10 tot 12 u"), the words from `lang`'s times.tsv.
std::optional<TimeRange> read_time_range(std::string_view lang, std::string_view text);

/// A number written as digits or in `lang`'s words ("25", "vingt-cinq",
/// "vijfentwintig"); the bool is true for an approximate form ("vingtaine",
/// "twintigtal").
std::optional<std::pair<int, bool>> read_count_word(std::string_view lang, std::string_view word);

/// The participant count in `text` ("Une vingtaine de professionnels du
/// secteur", "Plus de 40 participants"), with its qualifier.
std::optional<ParticipantCount> read_participants(std::string_view lang, std::string_view text);

}  // namespace overleg
