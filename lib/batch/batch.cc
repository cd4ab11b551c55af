#include "batch/batch.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "util/atomic_file.h"
#include "batch/inputs.h"
#include "util/file_name.h"
#include "util/sha256.h"

namespace overleg {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// A thread that owns one converter and runs one document at a time for its
/// worker. Its state is shared with the thread, so an abandoned engine (the
/// worker gave up waiting) stays valid until its conversion returns.
class Engine {
 public:
  explicit Engine(std::function<DocumentConverter()> make) : state_(std::make_shared<State>()) {
    state_->make = std::move(make);
    thread_ = std::thread([s = state_] { run(*s); });
  }
  ~Engine() { retire(); }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  std::future<Result<Report>> submit(const std::string& path, std::string bytes) {
    std::lock_guard lock(state_->m);
    state_->job.emplace(Job{path, std::move(bytes), {}});
    auto future = state_->job->promise.get_future();
    state_->cv.notify_all();
    return future;
  }

  /// Ends the engine: joins an idle one; `abandon` detaches a busy one.
  void retire(bool abandon = false) {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(state_->m);
      state_->quit = true;
      state_->cv.notify_all();
    }
    if (abandon)
      thread_.detach();
    else
      thread_.join();
  }

 private:
  struct Job {
    std::string path;
    std::string bytes;
    std::promise<Result<Report>> promise;
  };
  struct State {
    std::mutex m;
    std::condition_variable cv;
    std::optional<Job> job;
    bool quit = false;
    std::function<DocumentConverter()> make;
  };

  static void run(State& s) {
    DocumentConverter convert;
    for (;;) {
      Job job;
      {
        std::unique_lock lock(s.m);
        s.cv.wait(lock, [&] { return s.quit || s.job.has_value(); });
        if (!s.job) return;
        job = std::move(*s.job);
        s.job.reset();
      }
      // A conversion must never take the process down: whatever escapes is a
      // bug in one document's handling, reported for that document only.
      try {
        if (!convert) convert = s.make();
        job.promise.set_value(convert(job.path, std::move(job.bytes)));
      } catch (const std::exception& e) {
        job.promise.set_value(Failure{ErrorKind::internal, {"internal_error", job.path, 0, std::string("internal error: ") + e.what()}});
      } catch (...) {
        job.promise.set_value(Failure{ErrorKind::internal, {"internal_error", job.path, 0, "internal error"}});
      }
      std::lock_guard lock(s.m);
      if (s.quit) return;
    }
  }

  std::shared_ptr<State> state_;
  std::thread thread_;
};

Failure failure_for(const std::string& path, ErrorKind kind, const char* code, std::string message) {
  return Failure{kind, {code, path, 0, std::move(message)}};
}

}  // namespace

const char* to_string(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::converted: return "converted";
    case DocumentStatus::failed: return "failed";
    case DocumentStatus::skipped: return "skipped";
    case DocumentStatus::cancelled: return "cancelled";
  }
  return "cancelled";
}

BatchInputs plan_inputs(const std::vector<std::string>& args) {
  BatchInputs out;
  std::set<std::string> taken;
  for (const std::string& arg : args) {
    // One argument at a time, so that each path is known to come from `arg`.
    InputList one = expand_inputs({arg});
    out.problems.insert(out.problems.end(), one.problems.begin(), one.problems.end());
    std::error_code ec;
    bool folder = arg != "-" && fs::is_directory(arg, ec);
    for (const std::string& path : one.paths) {
      std::string name;
      if (path == "-") {
        name = "stdin";
      } else if (folder) {
        fs::path rel = fs::path(path).lexically_relative(arg);
        if (rel.empty() || rel.native().rfind("..", 0) == 0) rel = fs::path(path).filename();
        name = rel.replace_extension().generic_string();
      } else {
        name = fs::path(path).stem().string();
      }
      std::string unique = name;
      for (int n = 2; taken.count(unique); ++n) unique = name + "-" + std::to_string(n);
      taken.insert(unique);
      out.inputs.push_back({path, unique});
    }
  }
  return out;
}

BatchSummary run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& options,
                       const std::function<bool(DocumentOutcome&)>& deliver) {
  const auto started = Clock::now();
  const std::size_t n = inputs.size();
  const int jobs = std::max(1, options.jobs);
  const std::size_t window = options.window ? options.window : 4 * static_cast<std::size_t>(jobs);

  std::mutex m;
  std::condition_variable cv;
  std::size_t next = 0;       // next input to start
  std::size_t delivered = 0;  // inputs [0, delivered) handed to `deliver`
  std::map<std::size_t, DocumentOutcome> finished;  // done, waiting for their turn
  std::atomic<bool> halt{false};  // stop from inside: missing data, output failed
  std::atomic<std::size_t> abandoned{0};
  bool missing_data = false;
  BatchProgress progress;
  progress.total = n;

  auto stopping = [&] { return halt.load() || (options.stop && options.stop->load()); };

  auto process = [&](std::size_t i, std::unique_ptr<Engine>& engine) {
    const BatchInput& in = inputs[i];
    DocumentOutcome o;
    o.index = i;
    o.path = in.path;
    auto t0 = Clock::now();
    auto bytes = read_file(in.path);
    if (!bytes) {
      o.status = DocumentStatus::failed;
      o.failure = bytes.failure();
      o.seconds = seconds_since(t0);
      return o;
    }
    o.sha256 = sha256_hex(bytes.value());
    if (options.already_done && options.already_done(in, o.sha256)) {
      o.status = DocumentStatus::skipped;
      o.seconds = seconds_since(t0);
      return o;
    }
    if (!engine) engine = std::make_unique<Engine>(options.make_converter);
    auto future = engine->submit(in.path, std::move(bytes.value()));
    const bool deadline = options.timeout_seconds > 0;
    const auto until = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeout_seconds));
    // Wait in slices so that a stop request is seen within a fraction of a second.
    for (;;) {
      auto slice = Clock::now() + std::chrono::milliseconds(100);
      if (deadline && until < slice) slice = until;
      if (future.wait_until(slice) == std::future_status::ready) break;
      bool timed_out = deadline && Clock::now() >= until;
      if (timed_out || stopping()) {
        engine->retire(/*abandon=*/true);
        engine.reset();
        ++abandoned;
        o.status = timed_out ? DocumentStatus::failed : DocumentStatus::cancelled;
        o.failure = timed_out ? failure_for(in.path, ErrorKind::timeout, "timeout",
                                            "took longer than " + std::to_string(static_cast<long>(options.timeout_seconds)) +
                                                " s (--timeout); skipped")
                              : failure_for(in.path, ErrorKind::cancelled, "cancelled", "interrupted before it finished");
        o.seconds = seconds_since(t0);
        return o;
      }
    }
    Result<Report> report = future.get();
    if (!report) {
      o.status = DocumentStatus::failed;
      o.failure = report.failure();
      if (o.failure.diagnostic.file.empty()) o.failure.diagnostic.file = in.path;
    } else {
      o.status = DocumentStatus::converted;
      const Report& r = report.value();
      o.pages = r.source.pages > 0 ? r.source.pages : static_cast<int>(r.pages.size());
      for (const PageInfo& p : r.pages) o.ocr_pages += p.method == PageMethod::ocr;
      try {
        if (options.render) o.output = options.render(r);
      } catch (const std::exception& e) {
        o.status = DocumentStatus::failed;
        o.failure = failure_for(in.path, ErrorKind::internal, "internal_error", std::string("cannot render record: ") + e.what());
      }
    }
    o.seconds = seconds_since(t0);
    return o;
  };

  auto worker = [&] {
    std::unique_ptr<Engine> engine;
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        // The window bounds memory: at most `window` documents are read,
        // converted or waiting beyond the next one to deliver.
        cv.wait(lock, [&] { return next >= n || stopping() || next < delivered + window; });
        if (next >= n || stopping()) break;
        i = next++;
      }
      DocumentOutcome o = process(i, engine);
      std::lock_guard lock(m);
      if (o.status == DocumentStatus::failed && o.failure.kind == ErrorKind::missing_data) {
        missing_data = true;  // every other document would fail the same way
        halt = true;
      }
      progress.done += 1;
      progress.failed += o.status == DocumentStatus::failed;
      progress.skipped += o.status == DocumentStatus::skipped;
      progress.pages += static_cast<std::size_t>(o.pages);
      finished.emplace(i, std::move(o));
      cv.notify_all();
    }
    if (engine) engine->retire();
  };

  std::vector<std::thread> pool;
  for (int j = 0; j < jobs && static_cast<std::size_t>(j) < n; ++j) pool.emplace_back(worker);

  BatchSummary s;
  s.total = n;
  s.rows.resize(n);
  std::vector<bool> have(n, false);
  auto record = [&](DocumentOutcome& o) {
    switch (o.status) {
      case DocumentStatus::converted: ++s.converted; break;
      case DocumentStatus::failed: ++s.failed; break;
      case DocumentStatus::skipped: ++s.skipped; break;
      case DocumentStatus::cancelled: ++s.cancelled; break;
    }
    s.pages += static_cast<std::size_t>(o.pages);
    s.ocr_pages += static_cast<std::size_t>(o.ocr_pages);
    bool ok = deliver(o);
    if (!ok) {
      s.output_failed = true;
      halt = true;
    }
    o.output.clear();
    o.output.shrink_to_fit();
    have[o.index] = true;
    s.rows[o.index] = std::move(o);
  };

  {
    std::unique_lock lock(m);
    while (delivered < n) {
      cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished.count(delivered) || stopping(); });
      while (!finished.empty() && finished.begin()->first == delivered) {
        DocumentOutcome o = std::move(finished.begin()->second);
        finished.erase(finished.begin());
        ++delivered;
        cv.notify_all();  // the window moved
        lock.unlock();
        record(o);  // writing a record must not hold up the workers
        lock.lock();
      }
      if (stopping()) break;
      progress.elapsed_seconds = seconds_since(started);
      if (options.progress) {
        BatchProgress snapshot = progress;
        lock.unlock();
        options.progress->update(snapshot);
        lock.lock();
      }
    }
  }
  cv.notify_all();
  for (std::thread& t : pool) t.join();

  // Stopped early: what finished out of turn is still delivered (in order,
  // with gaps), so that no finished work is lost; the rest is cancelled.
  for (auto& [i, o] : finished)
    if (!s.output_failed) record(o);
  finished.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (have[i]) continue;
    DocumentOutcome& o = s.rows[i];
    o.index = i;
    o.path = inputs[i].path;
    o.status = DocumentStatus::cancelled;
    o.failure = failure_for(inputs[i].path, ErrorKind::cancelled, "cancelled", "not converted: the run stopped first");
    ++s.cancelled;
  }
  s.seconds = seconds_since(started);
  s.interrupted = options.stop && options.stop->load();
  s.missing_data = missing_data;
  s.abandoned = abandoned.load();
  if (options.progress) {
    progress.elapsed_seconds = s.seconds;
    options.progress->finish(progress);
  }
  return s;
}

bool record_matches(const std::string& record_path, const std::string& sha256) {
  std::ifstream in(record_path, std::ios::binary);
  if (!in) return false;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    const auto& src = j.at("source");
    return src.at("sha256").get<std::string>() == sha256;
  } catch (const std::exception&) {
    return false;  // unreadable or not a record: convert again
  }
}

std::size_t remove_stale_temporaries(const std::vector<std::string>& targets) {
  // Group the targets by folder so each folder is listed once; only the
  // folders records are written to are looked at.
  std::map<fs::path, std::set<std::string>> by_folder;
  for (const std::string& t : targets) {
    fs::path p(t);
    by_folder[p.parent_path().empty() ? fs::path(".") : p.parent_path()].insert(p.filename().string());
  }
  std::size_t removed = 0;
  for (const auto& [folder, names] : by_folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      auto mark = name.rfind(".tmp-");
      if (mark == std::string::npos || !names.count(name.substr(0, mark))) continue;
      // Exactly the pattern write_file_atomically() writes, for one of our
      // targets; anything else with a similar name is someone else's.
      std::string host;
      long pid = 0;
      if (!is_temporary_of(name, name.substr(0, mark), &host, &pid)) continue;
      // A live writer on this machine (another overleg on the same shard)
      // is still using its temporary.
      if (host == temporary_host_tag() && pid > 0 && pid != ::getpid() &&
          (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
        continue;
      std::error_code st;
      if (!fs::is_regular_file(fs::symlink_status(it->path(), st))) continue;  // never folders or links
      std::error_code rm;
      if (fs::remove(it->path(), rm)) ++removed;
    }
  }
  return removed;
}

nlohmann::ordered_json summary_to_json(const BatchSummary& s) {
  nlohmann::ordered_json j;
  j["format"] = "overleg.batch-report/1";
  j["total"] = s.total;
  j["converted"] = s.converted;
  j["failed"] = s.failed;
  j["skipped"] = s.skipped;
  j["cancelled"] = s.cancelled;
  j["pages"] = s.pages;
  j["ocr_pages"] = s.ocr_pages;
  j["seconds"] = s.seconds;
  j["interrupted"] = s.interrupted;
  auto rows = nlohmann::ordered_json::array();
  for (const DocumentOutcome& o : s.rows) {
    nlohmann::ordered_json r;
    r["path"] = utf8_with_replacements(o.path);  // as source.path in records
    if (auto raw = path_bytes_if_needed(o.path)) r["path_bytes"] = *raw;
    r["sha256"] = o.sha256.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.sha256);
    r["status"] = to_string(o.status);
    if (o.status == DocumentStatus::failed || o.status == DocumentStatus::cancelled)
      r["error"] = {{"kind", to_string(o.failure.kind)}, {"code", o.failure.diagnostic.code}, {"message", o.failure.diagnostic.message}};
    else
      r["error"] = nullptr;
    r["seconds"] = o.seconds;
    r["pages"] = o.pages;
    r["ocr_pages"] = o.ocr_pages;
    rows.push_back(std::move(r));
  }
  j["inputs"] = std::move(rows);
  return j;
}

}  // namespace overleg
