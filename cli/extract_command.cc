#include "extract_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "util/atomic_file.h"
#include "batch/batch.h"
#include "batch/output_guard.h"
#include "exit_codes.h"
#include "index_command.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "batch/progress.h"
#include "record/record.h"
#include "batch/shard.h"
#include "extract/tesseract_engine.h"

namespace overleg {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "jsonl";
  bool pretty = false;
  std::string ocr = "auto";
  int dpi = 300;
  std::string lang = "auto";
  bool no_repair = false;
  int jobs = 0;  // 0: number of cores
  double timeout = 120;
  bool quiet = false;
  bool progress = false;
  std::string report;
  bool resume = false;
  std::string shard;
  std::string index;  // --index archive.sqlite
  std::string password;       // --password
  std::string password_file;  // --password-file
};

// Set by SIGINT/SIGTERM; the batch polls it. A second signal ends the process
// at once (the user insists; records written so far are whole anyway).
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_stop_signal(int) {
  if (g_stop.exchange(true)) std::_Exit(exit_code::interrupted);
}

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

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

void print(const Diagnostic& d) { std::cerr << "overleg: " << d.to_line() << "\n"; }

/// The status line: overprinted in place on a terminal's stderr, at most
/// five times a second.
class TerminalProgress : public ProgressSink {
 public:
  void update(const BatchProgress& p) override {
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200) && p.done != p.total) return;
    last_ = now;
    shown_ = true;
    std::cerr << "\r\033[K" << format_progress(p) << std::flush;
  }
  void finish(const BatchProgress&) override { clear(); }
  /// Clears the line so that a diagnostic can be printed; update() redraws it.
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

void print_summary(const BatchSummary& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "overleg: %zu converted, %zu failed, %zu skipped, %zu pages (%zu OCR), %.1f s%s\n",
                s.converted, s.failed, s.skipped, s.pages, s.ocr_pages, s.seconds,
                s.interrupted ? ", interrupted" : "");
  std::cerr << buf;
  // Each failure already had its own line as it happened: here only how
  // many failed for which reason, so one bad file is named once.
  std::map<std::string, std::size_t> reasons;
  for (const DocumentOutcome& o : s.rows)
    if (o.status == DocumentStatus::failed) ++reasons[to_string(o.failure.kind)];
  if (!reasons.empty()) {
    std::string line = "overleg: failures by reason:";
    for (const auto& [reason, n] : reasons) line += " " + reason + " " + std::to_string(n);
    std::cerr << line << "\n";
  }
}

/// The passwords of --password and --password-file (one a line, each tried);
/// nullopt when the file cannot be read.
std::optional<std::vector<std::string>> read_passwords(const std::string& password, const std::string& file) {
  std::vector<std::string> out;
  if (!password.empty()) out.push_back(password);
  if (file.empty()) return out;
  auto text = read_file(file);
  if (!text) return std::nullopt;
  std::size_t start = 0;
  const std::string& t = text.value();
  while (start < t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

/// Every file this run would write: the records (-o DIR/) or -o FILE, and --report.
template <class RecordPath>
std::vector<std::string> planned_outputs(const ExtractArgs& a, const std::vector<BatchInput>& inputs,
                                         const RecordPath& record_path) {
  std::vector<std::string> outputs{a.report};
  const bool to_dir = !a.output.empty() && (a.output.back() == '/' || std::filesystem::is_directory(a.output));
  if (!to_dir) outputs.push_back(a.output);
  else
    for (const BatchInput& in : inputs) outputs.push_back(record_path(in));
  return outputs;
}

/// Every input of the run (all shards': no record may replace any of them).
std::vector<std::string> planned_paths(const BatchInputs& planned) {
  std::vector<std::string> paths;
  for (const BatchInput& in : planned.inputs) paths.push_back(in.path);
  return paths;
}

int run_extract(const ExtractArgs& a) {
  namespace fs = std::filesystem;
  const bool to_dir = !a.output.empty() && (a.output.back() == '/' || fs::is_directory(a.output));
  if (a.resume && !to_dir) {
    std::cerr << "overleg: --resume needs -o DIR/ (it checks the records already there)\n";
    return exit_code::usage;
  }
  if (a.resume && (a.format == "markdown" || a.format == "text")) {
    std::cerr << "overleg: --resume needs JSON records (--format jsonl or json)\n";
    return exit_code::usage;
  }

  // Which part of the inputs is ours: --shard, else the scheduler's variables.
  Shard shard;
  if (!a.shard.empty()) {
    auto parsed = parse_shard(a.shard);
    if (!parsed) {
      std::cerr << "overleg: " << parsed.failure().diagnostic.message << "\n";
      return exit_code::usage;
    }
    shard = parsed.value();
  } else {
    auto env = shard_from_environment(process_environment());
    if (!env) {
      std::cerr << "overleg: " << env.failure().diagnostic.message << "\n";
      return exit_code::usage;
    }
    if (env.value()) shard = *env.value();
  }

  BatchInputs planned = plan_inputs(a.inputs);
  for (const Diagnostic& d : planned.problems) print(d);
  std::vector<BatchInput> inputs;
  {
    std::vector<std::string> paths;
    for (const BatchInput& in : planned.inputs) paths.push_back(in.path);
    for (std::size_t i : select_shard(paths, shard)) inputs.push_back(planned.inputs[i]);
  }
  // Problems with the arguments are every shard's, so only shard 0 counts them.
  const std::size_t problems = shard.index == 0 ? planned.problems.size() : 0;

  auto record_path = [&](const BatchInput& in) {
    return (fs::path(a.output) / (in.output + extension_for(a.format))).string();
  };
  // Never over an input: refused before any work, the sweep included.
  if (auto clash = output_overwrites_input(planned_outputs(a, inputs, record_path), planned_paths(planned))) {
    print(*clash);
    return exit_code::usage;
  }
  if (to_dir) {
    std::vector<std::string> targets;
    for (const BatchInput& in : inputs) targets.push_back(record_path(in));
    remove_stale_temporaries(targets);  // left by a killed run
  }

  ConvertOptions options;
  options.ocr = a.ocr == "always" ? OcrMode::always : a.ocr == "never" ? OcrMode::never : OcrMode::automatic;
  options.dpi = a.dpi;
  OcrLanguages ocr_languages = resolve_ocr_languages(a.lang);
  if (ocr_languages.warning) std::cerr << "overleg: warning: " << *ocr_languages.warning << "\n";
  options.lang = ocr_languages.lang;
  options.repair = !a.no_repair;
  if (auto passwords = read_passwords(a.password, a.password_file)) {
    options.passwords = std::move(*passwords);
  } else {
    std::cerr << "overleg: " << quote_file_name(a.password_file) << ": cannot read the password file\n";
    return exit_code::usage;
  }
  // Shared by every worker (immutable); kept alive to the end of the process
  // because an abandoned engine thread may still use it.
  static std::shared_ptr<const Lexicon> lexicon;
  {
    auto loaded = Lexicon::load(Lexicon::default_path());
    if (!loaded) {
      std::cerr << "overleg: " << loaded.failure().diagnostic.to_line() << "\n";
      return exit_code::missing_data;
    }
    lexicon = loaded.value();
  }

  BatchOptions batch;
  batch.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.timeout_seconds = a.timeout;
  batch.make_converter = [options]() -> DocumentConverter {
    auto converter = std::make_shared<Converter>(options, lexicon.get());
    return [converter](const std::string& path, std::string bytes) { return converter->convert(path, std::move(bytes)); };
  };
  batch.render = [&a](const Report& r) { return render(r, a); };
  if (a.resume)
    batch.already_done = [&](const BatchInput& in, const std::string& sha) { return record_matches(record_path(in), sha); };
  batch.stop = &g_stop;
  TerminalProgress terminal;
  if (!a.quiet && (a.progress || ::isatty(STDERR_FILENO))) batch.progress = &terminal;

  // Output: -o DIR/ writes each record as it comes; stdout streams in input
  // order; -o FILE collects (the file is written atomically at the end).
  const bool json_array = a.format == "json" && !to_dir && planned.inputs.size() > 1;
  std::string collected;
  std::size_t emitted = 0;
  auto emit = [&](const std::string& text) {
    std::string piece;
    if (json_array) piece = (emitted ? "," : "[") + text;
    else piece = text + "\n";
    ++emitted;
    if (a.output.empty()) std::cout << piece << std::flush;
    else collected += piece;
  };

  // --index: each converted record also goes into the archive, as it comes.
  std::unique_ptr<RecordIndexer> indexer;
  if (!a.index.empty() && (a.format == "markdown" || a.format == "text")) {
    std::cerr << "overleg: --index needs JSON records (--format jsonl or json)\n";
    return exit_code::usage;
  }
  if (!a.index.empty() && !(indexer = RecordIndexer::open(a.index))) return exit_code::output_failed;

  install_stop_handlers();
  BatchSummary summary = run_batch(inputs, batch, [&](DocumentOutcome& o) {
    if (o.status == DocumentStatus::failed) {
      if (batch.progress) terminal.clear();
      print(o.failure.diagnostic);
      return true;
    }
    if (o.status != DocumentStatus::converted) return true;
    if (indexer && !indexer->add(o.output, o.path)) return false;
    if (!to_dir) {
      emit(o.output);
      return true;
    }
    auto written = write_file_atomically(record_path(inputs[o.index]),
                                         o.output + (a.format == "json" || a.format == "jsonl" ? "\n" : ""));
    if (!written) {
      if (batch.progress) terminal.clear();
      print(written.failure().diagnostic);
    }
    return static_cast<bool>(written);
  });

  if (json_array) {
    std::string end = emitted ? "]\n" : "[]\n";
    if (a.output.empty()) std::cout << end << std::flush;
    else collected += end;
  }
  int code = exit_code::ok;
  if (!to_dir && !a.output.empty() && !summary.interrupted) {
    if (auto written = write_file_atomically(a.output, collected); !written) {
      print(written.failure().diagnostic);
      code = exit_code::output_failed;
    }
  }
  // A run summary is for batches; a single document's outcome is its record
  // or its one error line.
  if (!a.quiet && inputs.size() > 1) print_summary(summary);
  if (!a.report.empty()) {
    auto written = write_file_atomically(a.report, summary_to_json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (!written) {
      print(written.failure().diagnostic);
      code = exit_code::output_failed;
    }
  }

  const std::size_t failed = summary.failed + problems;
  if (summary.interrupted) code = exit_code::interrupted;
  else if (summary.output_failed) code = exit_code::output_failed;
  else if (summary.missing_data) code = exit_code::missing_data;
  else if (code == exit_code::ok && failed > 0)
    code = summary.converted + summary.skipped > 0 ? exit_code::some_failed : exit_code::all_failed;

  if (summary.abandoned > 0) {
    // Engine threads abandoned after a timeout may still be converting; do not
    // run static destructors under them. Everything written is flushed first.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Convert report PDFs and scans into JSON records");
  cmd->footer(
      "Examples:\n"
      "  overleg extract report.pdf                   one JSON Lines record on stdout\n"
      "  overleg extract archive/ -o records/         records/<path>.json per PDF found (subfolders mirrored)\n"
      "  overleg extract a.pdf b.pdf -o all.jsonl     both records into one file\n"
      "  overleg extract report.pdf --format markdown the record for a person\n"
      "  cat report.pdf | overleg extract -           a PDF on standard input\n"
      "  overleg extract archive/ -o out/ -j 8 --resume --report run.json\n"
      "                                               8 at a time, skipping what out/ already has\n"
      "  overleg extract archive/ -o out/ --shard 2/4 the third quarter of the archive (docs/scaling.md)\n"
      "  overleg extract archive/ -o out/ --index archive.sqlite   convert and index (docs/archive.md)");
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
  cmd->add_option("--lang", args->lang,
                  "Tesseract languages: auto (nld+fra when French data is installed, else nld), nld, nld+fra")
      ->capture_default_str();
  cmd->add_flag("--no-repair", args->no_repair, "Skip the OCR-repair stage (for comparison)");
  cmd->add_option("-j,--jobs", args->jobs, "Documents converted in parallel (default: number of cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--timeout", args->timeout, "Seconds one document may take before it is reported as failed (0: none)")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line and no run summary (errors are still shown)");
  cmd->add_flag("--progress", args->progress, "Show the progress line even when stderr is not a terminal");
  cmd->add_option("--report", args->report, "Write a JSON run report (totals and one row per input) to FILE");
  cmd->add_flag("--resume", args->resume, "With -o DIR/: skip inputs whose record there has the same source.sha256");
  cmd->add_option("--shard", args->shard,
                  "K/N: convert only inputs i with i % N == K of the sorted inputs "
                  "(default from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX + OVERLEG_SHARD_COUNT)");
  cmd->add_option("--index", args->index, "Also put each converted record into this SQLite archive (docs/archive.md)");
  cmd->add_option("--password", args->password,
                  "Password for encrypted PDFs, tried as user and owner password (visible to other users: prefer --password-file)");
  cmd->add_option("--password-file", args->password_file, "File with passwords for encrypted PDFs, one a line, each tried");
  cmd->callback([args, &exit_code] { exit_code = run_extract(*args); });
}

}  // namespace overleg
