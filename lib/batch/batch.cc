#include "batch/batch.h"

#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "util/atomic_file.h"
#include "util/sha256.h"

namespace overleg {
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

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

int page_count(const Report& r) { return r.source.pages > 0 ? r.source.pages : static_cast<int>(r.pages.size()); }

int ocr_page_count(const Report& r) {
  int n = 0;
  for (const PageInfo& p : r.pages) n += p.method == PageMethod::ocr;
  return n;
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
  // What run_child() polls: set by the delivering thread when stopping().
  std::atomic<bool> stop_flag{false};
  std::atomic<bool> finish_failed{false};  // on_finished could not keep a record

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
    const bool deadline = options.timeout_seconds > 0;
    const auto until = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeout_seconds));
    auto timeout_failure = [&] {
      return failure_for(in.path, ErrorKind::timeout, "timeout",
                         "took longer than " + std::to_string(static_cast<long>(options.timeout_seconds)) +
                             " s (--timeout); skipped");
    };
    auto cancelled_failure = [&] { return failure_for(in.path, ErrorKind::cancelled, "cancelled", "interrupted before it finished"); };
    if (!options.isolate.empty()) {
      // A child process per document (isolate.h): killed at the deadline.
      ChildRun run = run_child(options.isolate, in.path, bytes.value(), deadline ? until : Clock::time_point::max(), &stop_flag);
      o.seconds = seconds_since(t0);
      if (run.end != ChildEnd::replied) {
        o.status = run.end == ChildEnd::timed_out ? DocumentStatus::failed : DocumentStatus::cancelled;
        o.failure = run.end == ChildEnd::timed_out ? timeout_failure() : cancelled_failure();
      } else if (!run.reply.converted) {
        o.status = DocumentStatus::failed;
        o.failure = std::move(run.reply.failure);
      } else {
        o.status = DocumentStatus::converted;
        o.pages = run.reply.pages;
        o.ocr_pages = run.reply.ocr_pages;
        o.output = std::move(run.reply.output);
      }
      return o;
    }
    if (!engine) engine = std::make_unique<Engine>(options.make_converter);
    auto future = engine->submit(in.path, std::move(bytes.value()), o.sha256);
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
        o.failure = timed_out ? timeout_failure() : cancelled_failure();
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
      o.pages = page_count(r);
      o.ocr_pages = ocr_page_count(r);
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
      if (options.on_finished) {
        bool waiting;
        {
          std::lock_guard lock(m);
          waiting = i > delivered;
        }
        // Outside the lock: writing a record must not hold up the others.
        if (auto kept = options.on_finished(o, waiting); !kept) {
          o.status = DocumentStatus::failed;
          o.failure = kept.failure();
          o.output.clear();
          finish_failed = true;
          halt = true;
        }
      }
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
    // Counted after delivery: a record that could not be written is failed.
    bool ok = deliver(o);
    switch (o.status) {
      case DocumentStatus::converted: ++s.converted; break;
      case DocumentStatus::failed: ++s.failed; break;
      case DocumentStatus::skipped: ++s.skipped; break;
      case DocumentStatus::cancelled: ++s.cancelled; break;
    }
    s.pages += static_cast<std::size_t>(o.pages);
    s.ocr_pages += static_cast<std::size_t>(o.ocr_pages);
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
      if (stopping()) {
        stop_flag = true;
        break;
      }
      progress.elapsed_seconds = seconds_since(started);
      if (options.progress) {
        BatchProgress snapshot = progress;
        lock.unlock();
        options.progress->update(snapshot);
        lock.lock();
      }
    }
  }
  stop_flag = stopping();
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
  s.output_failed = s.output_failed || finish_failed.load();
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

}  // namespace overleg
