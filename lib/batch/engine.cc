#include "batch/engine.h"

#include <condition_variable>
#include <mutex>
#include <optional>

namespace overleg {

struct Engine::State {
  struct Job {
    std::string path;
    std::string bytes;
    std::string sha256;
    std::promise<Result<Report>> promise;
  };
  std::mutex m;
  std::condition_variable cv;
  std::optional<Job> job;
  bool quit = false;
  std::function<DocumentConverter()> make;
};

Engine::Engine(std::function<DocumentConverter()> make) : state_(std::make_shared<State>()) {
  state_->make = std::move(make);
  thread_ = std::thread([s = state_] { run(*s); });
}

Engine::~Engine() { retire(); }

std::future<Result<Report>> Engine::submit(const std::string& path, std::string bytes, std::string sha256) {
  std::lock_guard lock(state_->m);
  state_->job.emplace(State::Job{path, std::move(bytes), std::move(sha256), {}});
  auto future = state_->job->promise.get_future();
  state_->cv.notify_all();
  return future;
}

void Engine::retire(bool abandon) {
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

void Engine::run(State& s) {
  DocumentConverter convert;
  for (;;) {
    State::Job job;
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
      job.promise.set_value(convert(job.path, std::move(job.bytes), job.sha256));
    } catch (const std::exception& e) {
      job.promise.set_value(Failure{ErrorKind::internal, {"internal_error", job.path, 0, std::string("internal error: ") + e.what()}});
    } catch (...) {
      job.promise.set_value(Failure{ErrorKind::internal, {"internal_error", job.path, 0, "internal error"}});
    }
    std::lock_guard lock(s.m);
    if (s.quit) return;
  }
}

}  // namespace overleg
