#include "repair_command.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <locale>
#include <memory>
#include <sstream>

#include "exit_codes.h"
#include "lexicon/lexicon.h"
#include "text/repair.h"

namespace overleg {
namespace {

struct RepairArgs {
  std::string input = "-";
  bool explain = false;
  bool ocr = false;         // kept for old scripts: OCR'd text is the default
  bool text_layer = false;
  std::string lexicon;
};

int run_repair(const RepairArgs& a) {
  std::string text;
  if (a.input == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(a.input, std::ios::binary);
    if (!in) {
      std::cerr << "overleg: " << a.input << ": cannot read\n";
      return exit_code::all_failed;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto lexicon = Lexicon::load(a.lexicon.empty() ? Lexicon::default_path() : a.lexicon);
  if (!lexicon) {
    std::cerr << "overleg: " << lexicon.failure().diagnostic.to_line() << "\n";
    return exit_code::missing_data;
  }
  RepairOptions options;
  // The command repairs OCR output unless told the text is a text layer's.
  options.ocr = a.ocr || !a.text_layer;
  // Line by line, so that the text keeps its lines; a form feed (as
  // pdftotext and Tesseract write between pages) starts the next page.
  std::string out;
  std::vector<Repair> repairs;
  int page = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\n\f", start);
    if (end == std::string::npos) end = text.size();
    RepairOutcome r = repair_text(std::string_view(text).substr(start, end - start), page, *lexicon.value(), options);
    out += r.text;
    repairs.insert(repairs.end(), r.repairs.begin(), r.repairs.end());
    if (end == text.size()) break;
    out += text[end];
    if (text[end] == '\f') ++page;
    start = end + 1;
  }
  std::cout << out;
  std::cout.flush();
  if (a.explain) {
    for (const Repair& r : repairs) {
      std::cerr << "page " << r.page << ": " << r.rule << ": " << r.from << " -> " << r.to;
      if (r.evidence) {
        // The evidence: the candidates weighed (best first), OCR's confidence.
        std::string candidates;
        for (const auto& c : r.evidence->candidates) candidates += (candidates.empty() ? "" : ", ") + c;
        if (!candidates.empty()) std::cerr << " (candidates: " << candidates;
        else std::cerr << " (";
        if (r.evidence->ocr_confidence) {
          std::ostringstream conf;
          conf.imbue(std::locale::classic());
          conf.precision(2);
          conf << std::fixed << *r.evidence->ocr_confidence;
          std::cerr << (candidates.empty() ? "" : "; ") << "OCR confidence " << conf.str();
        }
        // What OCR's own alternatives for the letters spelled, when it gave some.
        std::string choices;
        for (const auto& c : r.evidence->ocr_choices) choices += (choices.empty() ? "" : ", ") + c;
        if (!choices.empty()) std::cerr << "; OCR choices: " << choices;
        std::cerr << ")";
      }
      std::cerr << "\n";
    }
    std::cerr << repairs.size() << (repairs.size() == 1 ? " repair\n" : " repairs\n");
  }
  if (!std::cout) {
    std::cerr << "overleg: standard output: cannot write: " << std::strerror(errno) << "\n";
    return exit_code::output_failed;
  }
  return exit_code::ok;
}

}  // namespace

void add_repair_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RepairArgs>();
  CLI::App* cmd = app.add_subcommand("repair", "Repair OCR damage in plain text and print it");
  cmd->add_option("file", args->input, "text file to repair, - for standard input")->default_val("-");
  cmd->add_flag("--explain", args->explain,
                "list each repair (page, rule, from -> to, the candidates weighed) on standard error");
  cmd->add_flag("--ocr", args->ocr, "the text is OCR output (the default): every rule runs");
  cmd->add_flag("--text-layer", args->text_layer,
                "the text is a PDF text layer's: only the extraction repairs (ligatures, spaces)");
  cmd->add_option("--lexicon", args->lexicon, "compiled lexicon (default: nl.lex in --data-dir or the installed data)")
      ->option_text("FILE");
  cmd->footer("Examples:\n  overleg repair scan.txt --explain\n  pdftotext report.pdf - | overleg repair - --text-layer");
  cmd->callback([args, &exit_code] { exit_code = run_repair(*args); });
}

}  // namespace overleg
