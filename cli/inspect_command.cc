#include "inspect_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "util/atomic_file.h"
#include "exit_codes.h"
#include "pipeline.h"

namespace overleg {
namespace {

// How each OCR page was prepared and read (issue #9): one line per choice.
void print_ocr_preparations(const std::vector<PageInfo>& pages) {
  char buf[160];
  for (const PageInfo& page : pages) {
    if (!page.preparation) continue;
    const OcrPreparation& p = *page.preparation;
    std::string p_no = "p" + std::to_string(page.number) + " ocr ";
    std::cout << p_no << "dpi " << p.dpi << " (native "
              << (p.native_dpi ? std::to_string(*p.native_dpi) : std::string("unknown")) << ": " << p.dpi_reason
              << ")\n";
    std::cout << p_no << "orientation: " << p.orientation << "; turned " << p.rotation << "\n";
    std::snprintf(buf, sizeof buf, "skew %.2f degrees corrected (search confidence %.1f)", p.skew, p.skew_confidence);
    std::cout << p_no << buf << "\n";
    for (std::size_t i = 0; i < p.passes.size(); ++i) {
      const OcrPass& pass = p.passes[i];
      std::snprintf(buf, sizeof buf, "pass %zu %s: confidence %.3f, lexicon %.3f, quality %.3f, %d words%s", i + 1,
                    pass.image.c_str(), pass.confidence, pass.lexicon_share, pass.quality, pass.words,
                    static_cast<int>(i) == p.chosen ? " (kept)" : "");
      std::cout << p_no << buf << "\n";
    }
    std::cout << p_no << "left out:";
    if (page.left_out.empty()) std::cout << " none";
    for (const auto& [reason, words] : page.left_out) std::cout << " " << reason << "=" << words;
    std::cout << " (of " << p.words_read << " words read)\n";
  }
}

}  // namespace

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
    std::vector<PageInfo> pages;
    auto blocks = converter.inspect(*file, std::move(bytes.value()), &pages);
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
    print_ocr_preparations(pages);
  });
}

}  // namespace overleg
