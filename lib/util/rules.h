// Rules: the small reviewed tables in dictionaries/rules/ (section headings,
// months, number words, zones...), compiled into the binary at build time.
// The files directly in dictionaries/rules/ are the Dutch tables; a folder
// per language holds another language's ("fr/sections.tsv"). Adding a
// language is adding a folder: embedded when it is in dictionaries/rules/,
// or read at run time with load_rule_folder().
// Read-only once loaded; thread-safe (load_rule_folder too, but a language's
// folder must be loaded before its tables are first read).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

/// The text of embedded rule file `name` ("sections.tsv", "fr/sections.tsv"),
/// or empty if there is none.
std::string_view rule_file_text(std::string_view name);

/// The names of the embedded rule files, one per line ("fr/months.tsv\n...").
std::string_view embedded_rule_names();

/// The rows of a tab-separated rule file, without comments and blank lines.
const std::vector<std::vector<std::string>>& rule_table(std::string_view name);

/// The rows of language `lang`'s table `name` ("fr", "months.tsv"): the file
/// `<lang>/<name>` loaded at run time or embedded; for "nl" the top-level
/// (Dutch) file when there is no `nl/<name>`. Empty when the language has
/// no such table.
const std::vector<std::vector<std::string>>& rule_table(std::string_view lang, std::string_view name);

/// Reads every `*.tsv` in `folder` as language `lang`'s tables (an ISO 639-1
/// code, e.g. "de" from tests/data/rules/de/). Returns how many files were
/// read; fails with io when the folder cannot be read or a table of that
/// name was already read with another text (tables, once handed out, never
/// change; loading the same folder twice is fine).
Result<int> load_rule_folder(std::string_view lang, const std::string& folder);

/// The languages that have rule tables, sorted: "nl" (the top-level
/// tables), each embedded `<lang>/` folder and each folder loaded at run time.
std::vector<std::string> rule_languages();

}  // namespace overleg
