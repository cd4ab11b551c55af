#include "table_command.h"

#include <iostream>

#include "exit_codes.h"
#include "index/table_format.h"
#include "index/tables.h"
#include "util/atomic_file.h"

namespace overleg {
namespace {

struct TableArgs {
  std::string database;
  std::string name;
  std::string format = "csv";
  std::string output;
};

int run_table(const TableArgs& a) {
  auto archive = Archive::open(a.database, false);
  if (!archive) {
    std::cerr << "overleg: " << archive.failure().diagnostic.to_line() << "\n";
    return exit_code::all_failed;
  }
  auto table = read_table(archive.value(), a.name);
  if (!table) {
    std::cerr << "overleg: " << table.failure().diagnostic.to_line() << "\n";
    return exit_code::all_failed;
  }
  const std::string text = a.format == "jsonl" ? to_jsonl(table.value()) : to_csv(table.value());
  if (a.output.empty()) {
    std::cout << text << std::flush;
    return exit_code::ok;
  }
  if (auto written = write_file_atomically(a.output, text); !written) {
    std::cerr << "overleg: " << written.failure().diagnostic.to_line() << "\n";
    return exit_code::output_failed;
  }
  return exit_code::ok;
}

}  // namespace

void add_table_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TableArgs>();
  CLI::App* cmd = app.add_subcommand("table", "An archive's meetings, events or sections as CSV or JSON Lines");
  cmd->footer(
      "Examples:\n"
      "  overleg table archive.sqlite meetings > meetings.csv   one row per report\n"
      "  overleg table archive.sqlite events --format jsonl     one object per event\n"
      "  overleg table archive.sqlite sections -o sections.csv  one row per section, with its text\n"
      "Columns: docs/archive.md. Exit codes: 0 written, 2 bad arguments, 3 the archive\n"
      "could not be read, 5 -o not writable.");
  cmd->add_option("ARCHIVE", args->database, "The archive (from 'overleg index')")->required();
  cmd->add_option("TABLE", args->name, "Which table")->required()->check(CLI::IsMember(table_names()));
  cmd->add_option("--format", args->format, "Output format (csv: RFC 4180, CRLF line ends)")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write to FILE (atomically) instead of standard output");
  cmd->callback([args, &exit_code] { exit_code = run_table(*args); });
}

}  // namespace overleg
