// Cues: what a block's words say it is, from the cues.tsv of the document's
// language `lang` (util/rules.h: dictionaries/rules/cues.tsv for "nl",
// dictionaries/rules/<lang>/cues.tsv for another): labels such as
// "Deelnemers:", "Op de agenda", "À l'ordre du jour", the series' standing
// description, "Zie presentatie hier.", the series label; weekdays also from
// the language's weekdays.tsv. A new label or cue is a line in that file.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// The kinds of labels a report prints before its data.
enum class LabelKind { none, participants, agenda, date };

/// The label `text` opens with: the label alone ("Agenda", "Deelnemers:")
/// or before a colon ("Datum: 25/09/25"); `none` when it opens with none.
LabelKind label_kind(std::string_view lang, std::string_view text);

/// Does the line `text` open with a label followed by its data or stand
/// alone as one ("Datum: 25/09/25", "Agenda")? Layout starts a block there.
bool is_label_line(std::string_view lang, std::string_view text);

/// `text` without the label it opens with ("Deelnemers: Een twintigtal ..."
/// -> "Een twintigtal ..."); `text` itself when it has none. Empty when the
/// block is the label alone.
std::string strip_label(std::string_view lang, std::string_view text);

/// Is `text` the series' standing description ("Het thematisch overleg in
/// de zorgzones wordt georganiseerd om ...")?
bool is_standing_description(std::string_view lang, std::string_view text);

/// Is `text` the pointer to the presentation ("Zie presentatie hier.")?
bool is_presentation_line(std::string_view lang, std::string_view text);

/// Is `text` the series label alone ("Thematisch overleg")?
bool is_series_label(std::string_view lang, std::string_view text);

/// Is `word` a weekday name ("dinsdag")?
bool is_weekday(std::string_view lang, std::string_view word);

}  // namespace overleg
