#include "extract_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "atomic_file.h"
#include "exit_codes.h"
#include "inputs.h"
#include "lexicon.h"
#include "pipeline.h"
#include "record.h"

namespace overleg {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "jsonl";
  bool pretty = false;
  std::string ocr = "auto";
  int dpi = 300;
  std::string lang = "nld";
  bool no_repair = false;
};

std::string render(const Report& r, const ExtractArgs& a) {
  if (a.format == "markdown") return to_markdown(r);
  if (a.format == "text") return to_plain_text(r);
  return to_json_text(r, a.pretty && a.format == "json");
}

std::string extension_for(const std::string& format) {
  if (format == "markdown") return ".md";
  if (format == "text") return ".txt";
  return ".json";
}

int run_extract(const ExtractArgs& a) {
  InputList inputs = expand_inputs(a.inputs);
  for (const Diagnostic& d : inputs.problems) std::cerr << "overleg: " << d.to_line() << "\n";
  ConvertOptions options;
  options.ocr = a.ocr == "always" ? OcrMode::always : a.ocr == "never" ? OcrMode::never : OcrMode::automatic;
  options.dpi = a.dpi;
  options.lang = a.lang;
  options.repair = !a.no_repair;

  std::shared_ptr<const Lexicon> lexicon;
  Converter converter(options, lexicon.get());

  namespace fs = std::filesystem;
  bool to_dir = !a.output.empty() && (a.output.back() == '/' || fs::is_directory(a.output));
  std::string collected;  // everything for stdout or a single -o file
  int converted = 0, failed = static_cast<int>(inputs.problems.size());
  std::vector<std::string> json_docs;
  for (const std::string& path : inputs.paths) {
    auto bytes = read_file(path);
    Result<Report> report = bytes ? converter.convert(path, std::move(bytes.value())) : Result<Report>(bytes.failure());
    if (!report) {
      ++failed;
      Diagnostic d = report.failure().diagnostic;
      if (d.file.empty()) d.file = path;
      std::cerr << "overleg: " << d.to_line() << "\n";
      if (report.failure().kind == ErrorKind::missing_data) return exit_code::missing_data;
      continue;
    }
    ++converted;
    std::string text = render(report.value(), a);
    if (to_dir) {
      std::string stem = path == "-" ? "stdin" : fs::path(path).stem().string();
      auto written = write_file_atomically((fs::path(a.output) / (stem + extension_for(a.format))).string(),
                                           text + (a.format == "json" || a.format == "jsonl" ? "\n" : ""));
      if (!written) {
        std::cerr << "overleg: " << written.failure().diagnostic.to_line() << "\n";
        return exit_code::output_failed;
      }
    } else if (a.format == "json") {
      json_docs.push_back(text);
    } else {
      collected += text;
      collected += a.format == "jsonl" ? "\n" : "\n";
    }
  }
  if (a.format == "json" && !to_dir) {
    // One record is an object; several are an array of them.
    if (json_docs.size() == 1) {
      collected = json_docs.front() + "\n";
    } else {
      collected = "[";
      for (std::size_t i = 0; i < json_docs.size(); ++i) collected += (i ? "," : "") + json_docs[i];
      collected += "]\n";
    }
  }
  if (!to_dir) {
    if (a.output.empty()) {
      std::cout << collected << std::flush;
    } else if (auto written = write_file_atomically(a.output, collected); !written) {
      std::cerr << "overleg: " << written.failure().diagnostic.to_line() << "\n";
      return exit_code::output_failed;
    }
  }
  if (failed == 0) return exit_code::ok;
  return converted > 0 ? exit_code::some_failed : exit_code::all_failed;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Convert report PDFs and scans into JSON records");
  cmd->footer(
      "Examples:\n"
      "  overleg extract report.pdf                   one JSON Lines record on stdout\n"
      "  overleg extract archive/ -o records/         records/<stem>.json per PDF found\n"
      "  overleg extract a.pdf b.pdf -o all.jsonl     both records into one file\n"
      "  overleg extract report.pdf --format markdown the record for a person\n"
      "  cat report.pdf | overleg extract -           a PDF on standard input");
  cmd->add_option("INPUT", args->inputs, "PDF or scan files, folders (searched recursively), or - for stdin")
      ->required();
  cmd->add_option("-o,--output", args->output, "FILE.jsonl for all records, or DIR/ for one file per input");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "json", "markdown", "text"}))
      ->capture_default_str();
  cmd->add_flag("--pretty", args->pretty, "Indent JSON (with --format json)");
  cmd->add_option("--ocr", args->ocr, "When to OCR a page")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--dpi", args->dpi, "Render resolution for OCR")->check(CLI::Range(72, 1200))->capture_default_str();
  cmd->add_option("--lang", args->lang, "Tesseract languages, e.g. nld+fra")->capture_default_str();
  cmd->add_flag("--no-repair", args->no_repair, "Skip the OCR-repair stage (for comparison)");
  cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace overleg
