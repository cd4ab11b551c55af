// overleg: turns Brusano "Thematisch overleg" report PDFs into JSON records.
// Thin on purpose: parse the arguments, run a subcommand, map the outcome to
// an exit code (cli/exit_codes.h, README.md). The pipeline lives in lib/.
#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdlib>
#include <iostream>
#include <locale>
#include <set>

#include "exit_codes.h"
#include "extract_command.h"
#include "help_format.h"
#include "index_command.h"
#include "inspect_command.h"
#include "repair_command.h"
#include "schema_command.h"
#include "search_command.h"
#include "table_command.h"
#include "version_info.h"

namespace {

// What is wrong with the words before the subcommand, or "". CLI11 answers
// "A subcommand is required" to both `overleg --bogus` and `overleg
// frobnicate`; a user needs to be told which word it did not know.
std::string check_leading_words(const CLI::App& app, int argc, char** argv) {
  std::set<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) commands.insert(sub->get_name());
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help" || arg == "-V" || arg == "--version") return "";
    if (arg == "--data-dir") {
      ++i;
      continue;
    }
    if (arg.rfind("--data-dir=", 0) == 0) continue;
    if (commands.count(arg)) return "";
    std::string list;
    for (const std::string& c : commands) list += (list.empty() ? "" : ", ") + c;
    if (!arg.empty() && arg[0] == '-') return "unknown option '" + arg + "' (before a command: --help, -V, --data-dir)";
    return "unknown command '" + arg + "' (commands: " + list + ")";
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  // Output must not depend on the user's locale (decimal points, sorting).
  std::setlocale(LC_ALL, "C");
  std::locale::global(std::locale::classic());

  CLI::App app{"overleg: Thematisch-overleg report PDFs to structured JSON records", "overleg"};
  app.formatter(std::make_shared<overleg::HelpFormatter>());
  app.set_version_flag("-V,--version", overleg::version_text());
  app.require_subcommand(1);
  app.fallthrough();  // --data-dir may also come after the command
  app.footer("Run 'overleg COMMAND --help' for a command's options and examples.\n\n" +
             overleg::exit_codes_and_environment());
  std::string data_dir;
  app.add_option("--data-dir", data_dir, "Folder of the compiled lexicon (as OVERLEG_DATA_DIR)")
      ->option_text("DIR")
      ->check(CLI::ExistingDirectory);
  // Every parse error is one line that starts with the program's name.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("overleg: ") + e.what() + "\noverleg: see 'overleg --help'\n";
  });
  int exit_code = overleg::exit_code::ok;
  overleg::add_extract_command(app, exit_code);
  overleg::add_inspect_command(app, exit_code);
  overleg::add_repair_command(app, exit_code);
  overleg::add_index_command(app, exit_code);
  overleg::add_search_command(app, exit_code);
  overleg::add_table_command(app, exit_code);
  overleg::add_schema_command(app, exit_code);
  // Before the subcommands run: the lexicon is looked up through the environment.
  app.parse_complete_callback([&data_dir] {
    if (!data_dir.empty()) ::setenv("OVERLEG_DATA_DIR", data_dir.c_str(), 1);
  });
  if (std::string wrong = check_leading_words(app, argc, argv); !wrong.empty()) {
    std::cerr << "overleg: " << wrong << "\noverleg: see 'overleg --help'\n";
    return overleg::exit_code::usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return overleg::exit_code::usage;
  } catch (const std::exception& e) {
    std::cerr << "overleg: internal error: " << e.what() << "\n";
    return overleg::exit_code::all_failed;
  }
  return exit_code;
}
