#include "extract_command.h"

#include <sys/prctl.h>
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
#include "util/own_files.h"
#include "batch/batch.h"
#include "batch/isolate.h"
#include "batch/output_guard.h"
#include "batch/resume.h"
#include "batch/run_report.h"
#include "exit_codes.h"
#include "extract/tesseract_engine.h"
#include "index_command.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "progress_line.h"
#include "record/record.h"
#include "record_output.h"
#include "batch/shard.h"
#include "batch/spool.h"

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
  bool isolate = false;       // --isolate
  long memory_limit = 2048;   // --memory-limit MiB (with --isolate)
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
  return to_json_text(r, a.pretty);
}

void print(const Diagnostic& d) { std::cerr << "overleg: " << d.to_line() << "\n"; }

/// Refuses combinations of options that would be ignored or give output
/// that is not what its name says; "" when the arguments are fine.
std::string check_arguments(const ExtractArgs& a, bool to_dir) {
  if (a.resume && a.output.empty())
    return "--resume needs -o DIR/ or -o FILE (it reuses the records already there; standard output cannot be read back)";
  if (a.resume && (a.format == "markdown" || a.format == "text"))
    return "--resume needs JSON records (--format jsonl or json)";
  // JSON Lines is one record per line, so it cannot be indented; in -o DIR/
  // every file is one JSON document, so there it can.
  if (a.pretty && (a.format == "markdown" || a.format == "text"))
    return "--pretty indents JSON; it does nothing with --format " + a.format;
  if (a.pretty && a.format == "jsonl" && !to_dir)
    return "--pretty cannot indent JSON Lines (one record per line); use --format json --pretty";
  return "";
}

/// Tesseract's data for every language of --lang, checked before the first
/// document, so that a text-only run does not pass and a long batch does
/// not stop at its first scan. Looking for the files costs nothing; loading
/// an engine to be sure would cost a text-only run a quarter second of CPU.
/// Where the files are looked for: tessdata_dirs() (extract/tessdata.h),
/// what Debian's libtesseract searches. Should a file be found here but refused by Tesseract, the first
/// OCR'd page still reports it (exit 4).
Result<bool> check_ocr_languages(const ExtractArgs& a, const std::string& langs) {
  if (a.ocr == "never") return true;
  if (auto lang = missing_ocr_language(langs))
    return Failure{ErrorKind::missing_data,
                   {"ocr_language_missing", "", 0,
                    "Tesseract language data '" + *lang + "' not found: install " + tesseract_package_name(*lang)}};
  return true;
}

void print_summary(const BatchSummary& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "overleg: %zu converted, %zu failed, %zu skipped, %zu pages (%zu OCR), %.1f s",
                s.converted, s.failed, s.skipped, s.pages, s.ocr_pages, s.seconds);
  std::string line = buf;
  // What did not run is said, so that the counts add up to the inputs.
  if (s.cancelled) line += ", " + std::to_string(s.cancelled) + " not converted";
  if (s.interrupted) line += ", interrupted";
  if (s.output_failed) line += ", output failed";
  std::cerr << line << "\n";
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

/// The command line of the child that converts one document (--isolate):
/// this program's `extract-child` with the conversion options of this run;
/// the passwords go on the child's stdin. Empty when this program's file
/// cannot be found.
ChildCommand child_command(const ExtractArgs& a, const ConvertOptions& options, const std::string& lang) {
  const std::string self = own_binary().string();
  if (self.empty()) return {};
  ChildCommand c;
  c.argv = {self, "extract-child", "--ocr", a.ocr, "--dpi", std::to_string(a.dpi), "--lang", lang, "--format", a.format,
            "--memory-limit", std::to_string(a.memory_limit)};
  if (a.no_repair) c.argv.push_back("--no-repair");
  if (a.pretty) c.argv.push_back("--pretty");
  c.argv.push_back("--");
  c.passwords = options.passwords;
  c.memory_limit_mib = a.memory_limit;
  return c;
}

/// `overleg extract-child`: one document for an --isolate parent (batch/isolate.h):
/// the request on stdin, the reply on stdout, under its own memory limit.
int run_extract_child(const ExtractArgs& a, const std::string& path) {
  // Ends with the parent (a killed parent must not leave conversions running).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) return exit_code::interrupted;
  if (!limit_child_memory(a.memory_limit)) return exit_code::usage;
  auto request = read_child_request(STDIN_FILENO);
  ChildReply reply;
  if (!request) {
    reply.failure = request.failure();
    return write_child_reply(STDOUT_FILENO, reply) ? exit_code::all_failed : exit_code::output_failed;
  }
  try {
    auto loaded = Lexicon::load(Lexicon::default_path());
    if (!loaded) {
      reply.failure = loaded.failure();
    } else {
      ConvertOptions options;
      options.ocr = a.ocr == "always" ? OcrMode::always : a.ocr == "never" ? OcrMode::never : OcrMode::automatic;
      options.dpi = a.dpi;
      options.lang = a.lang;
      options.repair = !a.no_repair;
      options.passwords = std::move(request.value().passwords);
      Converter converter(options, loaded.value().get());
      Result<Report> report = converter.convert(path, std::move(request.value().bytes));
      if (!report) {
        reply.failure = report.failure();
      } else {
        reply.converted = true;
        reply.pages = page_count(report.value());
        reply.ocr_pages = ocr_page_count(report.value());
        reply.output = render(report.value(), a);
      }
    }
  } catch (const std::bad_alloc&) {
    // The memory limit (RLIMIT_AS) refused an allocation: the document needs
    // more than this run allows.
    reply = ChildReply{};
    reply.failure = Failure{ErrorKind::damaged,
                            {"memory_limit", path, 0,
                             "needs more memory than --memory-limit " + std::to_string(a.memory_limit) + " MiB; skipped"}};
  } catch (const std::exception& e) {
    reply = ChildReply{};
    reply.failure = Failure{ErrorKind::internal, {"internal_error", path, 0, std::string("internal error: ") + e.what()}};
  }
  if (!write_child_reply(STDOUT_FILENO, reply)) return exit_code::output_failed;
  return reply.converted ? exit_code::ok : exit_code::all_failed;
}

int run_extract(const ExtractArgs& a) {
  namespace fs = std::filesystem;
  const bool to_dir = !a.output.empty() && (a.output.back() == '/' || fs::is_directory(a.output));
  if (std::string why = check_arguments(a, to_dir); !why.empty()) {
    std::cerr << "overleg: " << why << "\n";
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
  for (const Diagnostic& d : planned.warnings) print(d);
  std::vector<BatchInput> inputs;
  {
    std::vector<std::string> paths;
    for (const BatchInput& in : planned.inputs) paths.push_back(in.path);
    for (std::size_t i : select_shard(paths, shard)) inputs.push_back(planned.inputs[i]);
  }
  // A shard taken from the environment changes what the command does, so it
  // is said even with -q: a job-array variable left set would otherwise
  // silently drop most inputs.
  if (!shard.source.empty())
    std::cerr << "overleg: shard " << shard.index << "/" << shard.count << " from " << shard.source << ": converting "
              << inputs.size() << " of " << planned.inputs.size() << " inputs (--shard 0/1 converts all)\n";

  // Missing data stops the run before the first document, not at the first
  // page that needs it. The lexicon is shared by every worker (immutable); kept alive to the end of the process
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
  OcrLanguages ocr_languages = resolve_ocr_languages(a.lang);  // --lang auto: nld+fra, or nld with a warning
  if (ocr_languages.warning && !inputs.empty() && a.ocr != "never")
    std::cerr << "overleg: warning: " << *ocr_languages.warning << "\n";
  if (auto languages = inputs.empty() ? Result<bool>(true) : check_ocr_languages(a, ocr_languages.lang); !languages) {
    std::cerr << "overleg: " << languages.failure().diagnostic.message << " (or use --ocr never)\n";
    return exit_code::missing_data;
  }

  OutputOptions output_options{a.output, to_dir, a.format, a.pretty};
  // Never over an input: refused before any work, the sweep included.
  auto record_path = [&](const BatchInput& in) { return RecordOutput::record_path(output_options, in); };
  if (auto clash = output_overwrites_input(planned_outputs(a, inputs, record_path), planned_paths(planned))) {
    print(*clash);
    return exit_code::usage;
  }
  // -o FILE with JSON records: finished records that must wait for their
  // turn are kept in FILE.spool/ (batch/spool.h), so that a killed run loses
  // none; --resume recovers them, the records of FILE itself and those in
  // the temporaries of killed runs.
  const bool to_file = !to_dir && !a.output.empty();
  const bool json = a.format == "json" || a.format == "jsonl";
  std::optional<Spool> spool;
  if (to_file && json) spool.emplace(a.output);
  RecoveredRecords recovered;
  if (a.resume && to_file) {
    recovered.scan_stream(a.output);
    for (const std::string& t : dead_temporaries_of(a.output)) recovered.scan_stream(t);
    recovered.scan_spool(*spool, inputs);
  }
  // Temporary files a killed run left are swept first (before -o FILE makes
  // its own), except those --resume reads: they go once the new FILE is in
  // place, so that a resumed run killed in turn loses nothing either.
  if (to_dir) {
    std::vector<std::string> targets;
    for (const BatchInput& in : inputs) targets.push_back(RecordOutput::record_path(output_options, in));
    remove_stale_temporaries(targets);
  } else if (to_file && !a.resume) {
    remove_stale_temporaries({a.output});
    if (spool) spool->clear(inputs);
  }
  auto opened = RecordOutput::open(output_options);
  if (!opened) {
    print(opened.failure().diagnostic);
    return exit_code::output_failed;
  }
  RecordOutput& output = *opened.value();

  ConvertOptions options;
  options.ocr = a.ocr == "always" ? OcrMode::always : a.ocr == "never" ? OcrMode::never : OcrMode::automatic;
  options.dpi = a.dpi;
  options.lang = ocr_languages.lang;
  options.repair = !a.no_repair;
  if (auto passwords = read_passwords(a.password, a.password_file)) {
    options.passwords = std::move(*passwords);
  } else {
    std::cerr << "overleg: " << quote_file_name(a.password_file) << ": cannot read the password file\n";
    return exit_code::usage;
  }

  BatchOptions batch;
  batch.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.timeout_seconds = a.timeout;
  batch.make_converter = [options]() -> DocumentConverter {
    auto converter = std::make_shared<Converter>(options, lexicon.get());
    return [converter](const std::string& path, std::string bytes, const std::string& sha256) {
      return converter->convert(path, std::move(bytes), sha256);
    };
  };
  batch.render = [&a](const Report& r) { return render(r, a); };
  if (a.isolate) {
    batch.isolate = child_command(a, options, ocr_languages.lang);
    if (batch.isolate.empty()) {
      std::cerr << "overleg: --isolate: cannot find this program's own file (/proc/self/exe)\n";
      return exit_code::usage;
    }
  }
  if (a.resume && to_dir)
    batch.already_done = [&](const BatchInput& in, const std::string& sha) {
      return record_matches(RecordOutput::record_path(output_options, in), sha);
    };
  if (a.resume && to_file)
    batch.already_done = [&](const BatchInput& in, const std::string& sha) { return recovered.find(in, sha).has_value(); };
  // A record is made durable as soon as it is finished, not when its turn
  // comes: -o DIR/ writes its file at once; -o FILE spools it when an
  // earlier input is still being converted (it is merged into FILE in turn).
  const bool index_needs_text = !a.index.empty();
  if (to_dir)
    batch.on_finished = [&, index_needs_text](DocumentOutcome& o, bool) -> Result<bool> {
      if (o.status != DocumentStatus::converted) return true;
      auto written = write_file_atomically(RecordOutput::record_path(output_options, inputs[o.index]),
                                           json ? o.output + "\n" : o.output);
      if (!written) return written.failure();
      o.written = true;
      if (!index_needs_text) {
        o.output.clear();
        o.output.shrink_to_fit();
      }
      return true;
    };
  else if (spool)
    batch.on_finished = [&](DocumentOutcome& o, bool waiting) -> Result<bool> {
      if (o.status != DocumentStatus::converted || !waiting) return true;
      return spool->put(inputs[o.index], o.output);
    };
  batch.stop = &g_stop;
  ProgressLine progress_line(ProgressLine::stderr_can_overprint());
  if (!a.quiet && (a.progress || ProgressLine::stderr_can_overprint())) batch.progress = &progress_line;

  // --index: each converted record also goes into the archive, as it comes.
  std::unique_ptr<RecordIndexer> indexer;
  if (!a.index.empty() && (a.format == "markdown" || a.format == "text")) {
    std::cerr << "overleg: --index needs JSON records (--format jsonl or json)\n";
    return exit_code::usage;
  }
  if (!a.index.empty() && !(indexer = RecordIndexer::open(a.index))) return exit_code::output_failed;

  // Records are written as they come, in input order: to stdout, through
  // -o FILE's temporary file, or one file each in -o DIR/. A write that
  // fails stops the batch (exit 5): going on would only lose more records.
  std::optional<Diagnostic> output_error;
  install_stop_handlers();
  BatchSummary summary = run_batch(inputs, batch, [&](DocumentOutcome& o) {
    if (o.status == DocumentStatus::failed) {
      progress_line.clear();
      print(o.failure.diagnostic);
      // A record that finished but could not be kept (on_finished) is an
      // output failure: exit 5, as for a failed write here.
      if (o.failure.kind == ErrorKind::io && o.failure.diagnostic.code == "write_failed") output_error = o.failure.diagnostic;
      return true;
    }
    const BatchInput& in = inputs[o.index];
    auto failed_write = [&](const Failure& f) {
      progress_line.clear();
      print(f.diagnostic);
      o.status = DocumentStatus::failed;
      o.failure = f;
      output_error = f.diagnostic;
      return false;
    };
    if (o.status == DocumentStatus::skipped && to_file) {
      // --resume: the earlier run's record, copied into the new FILE in its place.
      auto text = recovered.find(in, o.sha256);
      if (!text) return failed_write(Failure{ErrorKind::io, {"write_failed", a.output, 0, "cannot read again the record of " + quote_file_name(in.path) + " it recovered"}});
      if (auto written = output.write(in, *text); !written) return failed_write(written.failure());
      if (spool) spool->remove(in);
      return true;
    }
    if (o.status != DocumentStatus::converted) return true;
    if (indexer && !indexer->add(o.output, o.path)) return false;
    if (o.written) return true;
    if (auto written = output.write(in, o.output); !written) return failed_write(written.failure());
    if (spool) spool->remove(in);  // merged: FILE's temporary holds it now
    return true;
  });
  // Also after an interrupt: what was finished is kept (-o FILE renamed into place).
  if (!output_error) {
    if (auto finished = output.finish(); !finished) {
      print(finished.failure().diagnostic);
      output_error = finished.failure().diagnostic;
      summary.output_failed = true;
    } else if (to_file) {
      // FILE holds every record now: what earlier runs left for it can go.
      remove_stale_temporaries({a.output});
      if (spool) spool->clear(inputs);
    }
  }

  // Arguments that named no document are rows of the report and failures of
  // the run; they are every shard's, so only shard 0 counts them.
  if (shard.index == 0) add_argument_problems(summary, planned.problems);
  // A run summary is for batches; a single document's outcome is its record
  // or its one error line.
  if (!a.quiet && summary.total > 1) print_summary(summary);
  bool report_failed = false;
  if (!a.report.empty()) {
    auto written = write_file_atomically(
        a.report, summary_to_json(summary, planned.warnings).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (!written) {
      print(written.failure().diagnostic);
      report_failed = true;
    }
  }

  int code = exit_code::ok;
  if (summary.interrupted) code = exit_code::interrupted;
  else if (summary.output_failed || report_failed) code = exit_code::output_failed;
  else if (summary.missing_data) code = exit_code::missing_data;
  else if (summary.failed > 0)
    code = summary.converted + summary.skipped > 0 ? exit_code::some_failed : exit_code::all_failed;

  if (summary.abandoned > 0) {
    // Engine threads abandoned after a timeout may still be converting; do not
    // run static destructors under them. Everything written is flushed first.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    opened.value().reset();  // commits nothing more; removes an uncommitted temporary
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
      "  overleg extract archive/ -o out/ --index archive.sqlite   convert and index (docs/archive.md)\n"
      "  overleg extract *.pdf --format json | jq '.[].meeting.date'\n"
      "                                               --format json is always one array\n"
      "\n"
      "Records go to stdout (or -o), diagnostics to stderr, one line each: 'overleg: FILE: reason'.\n"
      "-o FILE is written through FILE.tmp-* in its folder and renamed into place when the run ends,\n"
      "also on SIGINT/SIGTERM (then holding the records finished so far); records finished while an earlier\n"
      "input is still converting wait in FILE.spool/, so that after kill -9 --resume reuses them.\n"
      "Exit status: see 'overleg --help'.\n");
  cmd->add_option("INPUT", args->inputs,
                  "PDF or scan files, folders (searched recursively), or - for stdin; each must yield a document")
      ->required();
  cmd->add_option("-o,--output", args->output, "FILE.jsonl for all records, or DIR/ for one file per input")
      ->option_text("FILE|DIR/");
  cmd->add_option("--format", args->format, "Output format: jsonl, json (one array), markdown, text")
      ->option_text("FORMAT")
      ->check(CLI::IsMember({"jsonl", "json", "markdown", "text"}))
      ->capture_default_str();
  cmd->add_flag("--pretty", args->pretty, "Indent JSON (--format json, or JSON records in -o DIR/)");
  cmd->add_option("--ocr", args->ocr, "When to OCR a page: auto (no usable text layer), always, never")
      ->option_text("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--dpi", args->dpi, "Render resolution for OCR, 72 to 1200")->option_text("N")->check(CLI::Range(72, 1200))->capture_default_str();
  cmd->add_option("--lang", args->lang,
                  "Tesseract languages: auto (nld+fra when French data is installed, else nld), nld, nld+fra "
                  "(checked before the first document)")
      ->option_text("LANGS")
      ->capture_default_str();
  cmd->add_flag("--no-repair", args->no_repair, "Skip the OCR-repair stage (for comparison)");
  cmd->add_option("-j,--jobs", args->jobs, "Documents converted in parallel (default: number of cores)")
      ->option_text("N")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--timeout", args->timeout, "Seconds one document may take before it is reported as failed (0: none)")
      ->option_text("SECONDS")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line and no run summary (errors are still shown)");
  cmd->add_flag("--progress", args->progress,
                "Show progress even when stderr is not a terminal (then as a plain line every 10 s)");
  cmd->add_option("--report", args->report, "Write a JSON run report (totals and one row per input) to FILE")
      ->option_text("FILE");
  cmd->add_flag("--resume", args->resume, "With -o DIR/: skip inputs whose record there has the same source.sha256");
  cmd->add_option("--shard", args->shard,
                  "K/N: convert only inputs i with i % N == K of the sorted inputs "
                  "(default from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX + OVERLEG_SHARD_COUNT)")
      ->option_text("K/N");
  cmd->add_option("--index", args->index, "Also put each converted record into this SQLite archive (docs/archive.md)")
      ->option_text("FILE");
  cmd->add_option("--password", args->password,
                  "Password for encrypted PDFs, tried as user and owner password (visible to other users: prefer --password-file)")
      ->option_text("PW");
  cmd->add_option("--password-file", args->password_file, "File with passwords for encrypted PDFs, one a line, each tried")
      ->option_text("FILE");
  cmd->add_flag("--isolate", args->isolate,
                "Convert each document in a child process of its own, killed at --timeout, under --memory-limit "
                "(for untrusted archives: a hang, a crash or a memory bomb ends only that document)");
  CLI::Option* memory_limit = cmd->add_option("--memory-limit", args->memory_limit,
                  "With --isolate: address space each child may use, in MiB (0: no limit)")
      ->option_text("MIB")
      ->check(CLI::Range(0L, 1L << 30))
      ->capture_default_str();
  cmd->callback([args, memory_limit, &exit_code] {
    if (memory_limit->count() > 0 && !args->isolate) {
      std::cerr << "overleg: --memory-limit needs --isolate (a child process is what it limits)\n";
      exit_code = exit_code::usage;
      return;
    }
    exit_code = run_extract(*args);
  });

  // The child of --isolate: not for people (hidden from --help).
  auto child = std::make_shared<ExtractArgs>();
  auto child_path = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("extract-child", "")->group("");
  sub->add_option("--ocr", child->ocr)->check(CLI::IsMember({"auto", "always", "never"}));
  sub->add_option("--dpi", child->dpi)->check(CLI::Range(72, 1200));
  sub->add_option("--lang", child->lang);
  sub->add_option("--format", child->format)->check(CLI::IsMember({"jsonl", "json", "markdown", "text"}));
  sub->add_option("--memory-limit", child->memory_limit)->check(CLI::Range(0L, 1L << 30));
  sub->add_flag("--no-repair", child->no_repair);
  sub->add_flag("--pretty", child->pretty);
  sub->add_option("PATH", *child_path)->required();
  sub->callback([child, child_path, &exit_code] { exit_code = run_extract_child(*child, *child_path); });
}

}  // namespace overleg
