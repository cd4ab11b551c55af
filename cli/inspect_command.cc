#include "inspect_command.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>

#include "exit_codes.h"
#include "inspect_png.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "util/atomic_file.h"

namespace overleg {
namespace {

// How each OCR page was prepared and read (issue #9): one line per choice.
// "#ecf5ed".
std::string hex_color(Rgb color) {
  char out[8];
  std::snprintf(out, sizeof out, "#%06x", static_cast<unsigned>(color) & 0xffffffu);
  return out;
}

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
  CLI::App* cmd = app.add_subcommand("inspect", "Show the blocks of one document and their roles (for developers)");
  cmd->footer(
      "Each line: reading-order number, page, role, kind, font size (b: bold), size relative to the\n"
      "body text, position, text; the next line says why the role was chosen.\n"
      "Example:\n"
      "  overleg inspect report.pdf | less");
  cmd->add_option("FILE", *file, "A PDF or scan")->required();
  auto png_dir = std::make_shared<std::string>();
  cmd->add_option("--png", *png_dir,
                  "Also draw each page of a PDF into DIR/page-NNN.png, its blocks outlined, coloured and labelled "
                  "by reading order and role")
      ->type_name("DIR");
  cmd->callback([file, png_dir, &exit_code] {
    auto bytes = read_file(*file);
    if (!bytes) {
      std::cerr << "overleg: " << bytes.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::all_failed;
      return;
    }
    // The real lexicon, as extract uses it (normalise's hyphen decisions).
    auto lexicon = Lexicon::load(Lexicon::default_path());
    if (!lexicon) {
      std::cerr << "overleg: " << lexicon.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::missing_data;
      return;
    }
    Converter converter(ConvertOptions{}, lexicon.value().get());
    std::vector<PageInfo> pages;
    std::string pdf = png_dir->empty() ? std::string() : bytes.value();
    auto blocks = converter.inspect(*file, std::move(bytes.value()), &pages);
    if (!blocks) {
      std::cerr << "overleg: " << blocks.failure().diagnostic.to_line() << "\n";
      exit_code = exit_code::all_failed;
      return;
    }
    int n = 0;
    for (const Block& b : blocks.value()) {
      std::cout << ++n << " p" << b.page << " " << to_string(b.role) << " " << to_string(b.kind);
      if (b.level) std::cout << b.level;
      std::cout << " " << b.font_size << (b.bold ? "b" : "") << " x" << std::round(b.rel_size * 100) / 100 << " @"
                << static_cast<int>(b.bbox.x0) << "," << static_cast<int>(b.bbox.y0);
      if (b.column >= 0) std::cout << " col" << b.column << (b.narrow_column ? "n" : "");
      if (b.above_columns) std::cout << " above";
      if (b.spans_columns) std::cout << " spans";
      if (b.repeats) std::cout << " repeats";
      if (b.color != kUnknownColor && b.color != 0) std::cout << " ink" << hex_color(b.color);
      if (b.background != kUnknownColor) std::cout << " on" << hex_color(b.background);
      if (b.framed) std::cout << " framed";
      std::cout << " | ";
      if (b.kind == BlockKind::table) {
        for (const auto& row : b.rows) {
          std::cout << "[";
          for (const auto& c : row) std::cout << c << " | ";
          std::cout << "] ";
        }
      } else {
        std::cout << b.text;
      }
      std::cout << "\n    why: " << (b.why.empty() ? "-" : b.why) << "\n";
    }
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "overleg: standard output: cannot write: " << std::strerror(errno) << "\n";
      exit_code = exit_code::output_failed;
    }
    print_ocr_preparations(pages);
    if (!png_dir->empty()) {
      auto written = write_outlined_pages(*file, pdf, block_outlines(blocks.value()), *png_dir, kInspectPngDpi);
      if (!written) {
        std::cerr << "overleg: " << written.failure().diagnostic.to_line() << "\n";
        exit_code = exit_code::output_failed;
        return;
      }
      for (const OutlinedPage& p : written.value())
        std::cout << "p" << p.page << " png " << p.path << " " << p.width << "x" << p.height << " at " << p.dpi << " dpi\n";
    }
  });
}

}  // namespace overleg
