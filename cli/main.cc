// overleg: turns Brusano "Thematisch overleg" report PDFs into JSON records.
// Thin on purpose: parse the arguments, run a subcommand, map the outcome to
// an exit code (cli/exit_codes.h, README.md). The pipeline lives in lib/.
#include <CLI/CLI.hpp>

#include <clocale>
#include <iostream>
#include <locale>

#include "exit_codes.h"
#include "extract_command.h"
#include "index_command.h"
#include "inspect_command.h"
#include "repair_command.h"
#include "search_command.h"
#include "table_command.h"

int main(int argc, char** argv) {
  // Output must not depend on the user's locale (decimal points, sorting).
  std::setlocale(LC_ALL, "C");
  std::locale::global(std::locale::classic());

  CLI::App app{"overleg: Thematisch-overleg report PDFs to structured JSON records"};
  app.set_version_flag("--version", std::string("overleg ") + OVERLEG_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'overleg COMMAND --help' for a command's options and examples.");
  int exit_code = overleg::exit_code::ok;
  overleg::add_extract_command(app, exit_code);
  overleg::add_inspect_command(app, exit_code);
  overleg::add_repair_command(app, exit_code);
  overleg::add_index_command(app, exit_code);
  overleg::add_search_command(app, exit_code);
  overleg::add_table_command(app, exit_code);
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
