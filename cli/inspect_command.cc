#include "inspect_command.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "util/atomic_file.h"
#include "exit_codes.h"
#include "pipeline.h"

namespace overleg {

void add_inspect_command(CLI::App& app, int& exit_code) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("inspect", "Show the layout blocks of one document (for developers)");
  cmd->footer(
      "Each line: page, region, kind, font size, position, text.\n"
      "Example:\n"
      "  overleg inspect report.pdf | less");
  cmd->add_option("FILE", *file, "A PDF or scan")->required();
  cmd->callback([file, &exit_code] {
    auto bytes = read_file(*file);
    if (!bytes) {
      std::cerr << "overleg: " << bytes.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::all_failed;
      return;
    }
    Converter converter(ConvertOptions{}, nullptr);
    auto blocks = converter.inspect(*file, std::move(bytes.value()));
    if (!blocks) {
      std::cerr << "overleg: " << blocks.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::all_failed;
      return;
    }
    for (const Block& b : blocks.value()) {
      std::cout << "p" << b.page << " " << to_string(b.region) << " " << to_string(b.kind);
      if (b.level) std::cout << b.level;
      std::cout << " " << b.font_size << (b.bold ? "b" : "") << " @" << static_cast<int>(b.bbox.x0) << ","
                << static_cast<int>(b.bbox.y0) << " | ";
      if (b.kind == BlockKind::table) {
        for (const auto& row : b.rows) {
          std::cout << "[";
          for (const auto& c : row) std::cout << c << " | ";
          std::cout << "] ";
        }
      } else {
        std::cout << b.text;
      }
      std::cout << "\n";
    }
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "overleg: standard output: cannot write: " << std::strerror(errno) << "\n";
      exit_code = exit_code::output_failed;
    }
  });
}

}  // namespace overleg
