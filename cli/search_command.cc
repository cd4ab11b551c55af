#include "search_command.h"

#include <unistd.h>

#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "exit_codes.h"
#include "index/columns.h"
#include "index/search.h"

namespace overleg {
namespace {

struct SearchArgs {
  std::string database;
  std::string query;
  std::string zone, theme, from, to, kind;
  std::string format = "table";
  int limit = 20;
};

// Column widths of the table format, in terminal cells: enough for the
// longest zone and a title's distinctive part; the snippet is not cut.
constexpr std::size_t kTitleCells = 40;
constexpr std::size_t kSectionCells = 36;

std::optional<std::string> given(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

std::string where(const SearchHit& h) {
  if (h.source != "block") return h.source;
  std::string out = h.section_kind.value_or("?");
  if (h.section_heading && !h.section_heading->empty()) out += ": " + *h.section_heading;
  return out;
}

std::string as_table(const std::vector<SearchHit>& hits) {
  std::vector<std::vector<std::string>> rows = {{"date", "zone", "report", "section", "page", "snippet"}};
  for (const SearchHit& h : hits)
    rows.push_back({h.date.value_or("-"), h.zone.value_or("-"), h.title.value_or(h.source_path), where(h),
                    h.page ? std::to_string(*h.page) : "-", h.snippet});
  return align_columns(rows, {0, 0, kTitleCells, kSectionCells, 0, 0});
}

std::string as_jsonl(const std::vector<SearchHit>& hits) {
  std::string out;
  int rank = 0;
  for (const SearchHit& h : hits) {
    auto opt = [](const auto& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
    nlohmann::ordered_json j;
    j["rank"] = ++rank;
    // bm25 rounded so that the line is the same on every machine.
    j["score"] = std::round(h.score * 1e6) / 1e6;
    j["sha256"] = h.sha256;
    j["source_path"] = h.source_path;
    j["title"] = opt(h.title);
    j["date"] = opt(h.date);
    j["zone"] = opt(h.zone);
    j["theme"] = opt(h.theme);
    j["source"] = h.source;
    j["section_kind"] = opt(h.section_kind);
    j["section_heading"] = opt(h.section_heading);
    j["page"] = opt(h.page);
    j["block_type"] = opt(h.block_type);
    j["snippet"] = h.snippet;
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

int run_search(const SearchArgs& a) {
  for (const std::string* bound : {&a.from, &a.to})
    if (!bound->empty() && !is_date_bound(*bound)) {
      std::cerr << "overleg: --from/--to: \"" << *bound << "\" is not YYYY, YYYY-MM or YYYY-MM-DD\n";
      return exit_code::usage;
    }
  auto archive = Archive::open(a.database, false);
  if (!archive) {
    std::cerr << "overleg: " << archive.failure().diagnostic.to_line() << "\n";
    return exit_code::all_failed;
  }
  SearchQuery q;
  q.match = a.query;
  q.zone = given(a.zone);
  q.theme = given(a.theme);
  q.from = given(a.from);
  q.to = given(a.to);
  q.kind = given(a.kind);
  q.limit = a.limit;
  // On a terminal the match is shown bold; in a pipe or file, in brackets.
  if (a.format == "table" && ::isatty(STDOUT_FILENO)) {
    q.mark_open = "\033[1m";
    q.mark_close = "\033[0m";
  }
  auto hits = search(archive.value(), q);
  if (!hits) {
    std::cerr << "overleg: " << hits.failure().diagnostic.to_line() << "\n";
    return hits.failure().kind == ErrorKind::damaged ? exit_code::usage : exit_code::all_failed;
  }
  if (a.format == "jsonl") std::cout << as_jsonl(hits.value());
  else if (!hits.value().empty()) std::cout << as_table(hits.value());
  std::cout << std::flush;
  return exit_code::ok;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search of an archive made by 'overleg index'");
  cmd->footer(
      "QUERY is FTS5 syntax: words (all must occur), \"a phrase\", prefix*, OR, NOT,\n"
      "NEAR(a b, 5). Accents do not matter: coordinatie finds coördinatie.\n"
      "Examples:\n"
      "  overleg search archive.sqlite 'dakloos*' --kind actions\n"
      "  overleg search archive.sqlite '\"eerste lijn\" OR huisarts*' --zone Zuid --from 2025\n"
      "  overleg search archive.sqlite 'coordinatie' --format jsonl | jq .source_path\n"
      "Hits best first (bm25). Exit codes: 0 searched (with or without hits), 2 bad\n"
      "arguments or query, 3 the archive could not be read.");
  cmd->add_option("ARCHIVE", args->database, "The archive (from 'overleg index')")->required();
  cmd->add_option("QUERY", args->query, "FTS5 query")->required();
  cmd->add_option("--zone", args->zone, "Only meetings of this zone (Centrum-West, Noord, Noord-Oost, Zuid, Zuid-Oost)");
  cmd->add_option("--theme", args->theme, "Only meetings whose theme contains this");
  cmd->add_option("--from", args->from, "Only meetings on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--to", args->to, "Only meetings on or before this date (YYYY[-MM[-DD]])");
  cmd->add_option("--kind", args->kind, "Only blocks of sections of this kind")
      ->check(CLI::IsMember({"monitoring", "findings", "actions", "other"}));
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-n,--limit", args->limit, "Hits at most (0: all)")->check(CLI::Range(0, 1000000))->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = run_search(*args); });
}

}  // namespace overleg
