#include "schema_command.h"

#include <unistd.h>

#include <iostream>

#include "exit_codes.h"
#include "record_output.h"

namespace overleg {

void add_schema_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("schema", "Print the JSON Schema of the record (draft 2020-12)");
  cmd->footer("Example:\n  overleg extract report.pdf > r.json && overleg schema > record.schema.json\n"
              "  python3 -m jsonschema -i r.json record.schema.json");
  cmd->callback([&exit_code] {
    auto written = write_all(STDOUT_FILENO, kRecordSchema, "standard output");
    if (!written) {
      std::cerr << "overleg: " << written.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::output_failed;
    }
  });
}

}  // namespace overleg
