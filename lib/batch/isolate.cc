#include "batch/isolate.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

extern char** environ;

namespace overleg {
namespace {

constexpr const char* kRequestMagic = "overleg-child-1\n";

void put_piece(std::string& out, const std::string& piece) {
  out += std::to_string(piece.size());
  out += '\n';
  out += piece;
}

/// Reads a "<len>\n" header at `at` (up to 19 digits); false when there is none.
bool take_length(const std::string& data, std::size_t& at, std::size_t& len) {
  std::size_t nl = data.find('\n', at);
  if (nl == std::string::npos || nl == at || nl - at > 19) return false;
  len = 0;
  for (std::size_t i = at; i < nl; ++i) {
    if (data[i] < '0' || data[i] > '9') return false;
    len = len * 10 + static_cast<std::size_t>(data[i] - '0');
  }
  if (data.size() - (nl + 1) < len) return false;
  at = nl + 1;
  return true;
}

/// Reads a "<len>\n<bytes>" piece from `data` at `at`; false when cut short.
bool take_piece(const std::string& data, std::size_t& at, std::string& piece) {
  std::size_t len = 0;
  if (!take_length(data, at, len)) return false;
  piece = data.substr(at, len);
  at += len;
  return true;
}

Failure child_failure(const std::string& path, const char* code, std::string message) {
  return Failure{ErrorKind::damaged, {code, path, 0, std::move(message)}};
}

std::string signal_name(int sig) {
  const char* d = ::sigdescr_np(sig);
  return "signal " + std::to_string(sig) + (d ? std::string(", ") + d : "");
}

struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

}  // namespace

std::string encode_child_request(const std::vector<std::string>& passwords, const std::string& bytes) {
  std::string out = kRequestMagic;
  put_piece(out, std::to_string(passwords.size()));
  for (const std::string& p : passwords) put_piece(out, p);
  put_piece(out, bytes);
  return out;
}

Result<ChildRequest> read_child_request(int fd) {
  std::string data;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Failure{ErrorKind::io, {"child_request", "", 0, std::string("cannot read the request: ") + std::strerror(errno)}};
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  auto bad = [] { return Failure{ErrorKind::io, {"child_request", "", 0, "the request is not whole"}}; };
  const std::size_t magic = std::strlen(kRequestMagic);
  if (data.compare(0, magic, kRequestMagic) != 0) return bad();
  std::size_t at = magic;
  std::string count;
  if (!take_piece(data, at, count) || count.empty() || count.size() > 6 ||
      count.find_first_not_of("0123456789") != std::string::npos)
    return bad();
  ChildRequest request;
  for (long i = 0, n = std::stol(count); i < n; ++i) {
    std::string p;
    if (!take_piece(data, at, p)) return bad();
    request.passwords.push_back(std::move(p));
  }
  // The document is the last piece, to the end: moved out of `data`, not copied.
  std::size_t len = 0;
  if (!take_length(data, at, len) || data.size() - at != len) return bad();
  data.erase(0, at);
  request.bytes = std::move(data);
  return request;
}

bool write_child_reply(int fd, const ChildReply& reply) {
  nlohmann::json head;
  head["converted"] = reply.converted;
  if (reply.converted) {
    head["pages"] = reply.pages;
    head["ocr_pages"] = reply.ocr_pages;
    head["output_length"] = reply.output.size();
  } else {
    head["kind"] = to_string(reply.failure.kind);
    head["code"] = reply.failure.diagnostic.code;
    head["page"] = reply.failure.diagnostic.page;
    head["message"] = reply.failure.diagnostic.message;
  }
  std::string out = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (reply.converted) out += reply.output;
  std::size_t at = 0;
  while (at < out.size()) {
    ssize_t n = ::write(fd, out.data() + at, out.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

Result<ChildReply> parse_child_reply(const std::string& data) {
  auto bad = [] { return Failure{ErrorKind::internal, {"child_failed", "", 0, "the child's reply is not whole"}}; };
  std::size_t nl = data.find('\n');
  if (nl == std::string::npos) return bad();
  ChildReply reply;
  try {
    nlohmann::json head = nlohmann::json::parse(data.substr(0, nl));
    reply.converted = head.at("converted").get<bool>();
    if (reply.converted) {
      reply.pages = head.at("pages").get<int>();
      reply.ocr_pages = head.at("ocr_pages").get<int>();
      std::size_t len = head.at("output_length").get<std::size_t>();
      if (data.size() - (nl + 1) != len) return bad();
      reply.output = data.substr(nl + 1);
    } else {
      static const ErrorKind kinds[] = {ErrorKind::not_pdf, ErrorKind::damaged, ErrorKind::encrypted, ErrorKind::io,
                                        ErrorKind::missing_data, ErrorKind::timeout, ErrorKind::cancelled,
                                        ErrorKind::internal};
      std::string kind = head.at("kind").get<std::string>();
      reply.failure.kind = ErrorKind::internal;
      for (ErrorKind k : kinds)
        if (kind == to_string(k)) reply.failure.kind = k;
      reply.failure.diagnostic.code = head.at("code").get<std::string>();
      reply.failure.diagnostic.page = head.at("page").get<int>();
      reply.failure.diagnostic.message = head.at("message").get<std::string>();
    }
  } catch (const std::exception&) {
    return bad();
  }
  return reply;
}

bool limit_child_memory(long mib) {
  struct rlimit none {0, 0};
  ::setrlimit(RLIMIT_CORE, &none);  // a crash on a hostile file leaves no core of it
  if (mib <= 0) return true;
  rlim_t bytes = static_cast<rlim_t>(mib) << 20;
  struct rlimit as {bytes, bytes};
  return ::setrlimit(RLIMIT_AS, &as) == 0;
}

ChildRun run_child(const ChildCommand& command, const std::string& path, const std::string& bytes,
                   std::chrono::steady_clock::time_point deadline, const std::atomic<bool>* stop) {
  ChildRun run;
  auto failed = [&](const char* code, std::string message) {
    run.reply.converted = false;
    run.reply.failure = Failure{ErrorKind::internal, {code, path, 0, std::move(message)}};
    return run;
  };
  int in_pair[2], out_pipe[2], err_pipe[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
    return failed("child_failed", std::string("cannot start the child: ") + std::strerror(errno));
  Fd in_parent(in_pair[0]), in_child(in_pair[1]);
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return failed("child_failed", std::string("cannot start the child: ") + std::strerror(errno));
  Fd out_parent(out_pipe[0]), out_child(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return failed("child_failed", std::string("cannot start the child: ") + std::strerror(errno));
  Fd err_parent(err_pipe[0]), err_child(err_pipe[1]);

  std::vector<std::string> args = command.argv;
  args.push_back(path);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_child.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_child.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_child.fd, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
  pid_t pid = -1;
  int spawned = ::posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return failed("child_failed", std::string("cannot start the child: ") + std::strerror(spawned));
  run.child_pid = pid;
  in_child.reset();
  out_child.reset();
  err_child.reset();
  for (int fd : {in_parent.fd, out_parent.fd, err_parent.fd}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  const std::string request = encode_child_request(command.passwords, bytes);
  std::size_t sent = 0;
  std::string reply;
  bool out_open = true, err_open = true;
  char buf[1 << 16];
  bool killed = false;
  while (out_open || err_open) {
    const auto now = std::chrono::steady_clock::now();
    const bool late = now >= deadline;
    if (late || (stop && stop->load())) {
      ::kill(pid, SIGKILL);
      killed = true;
      run.end = late ? ChildEnd::timed_out : ChildEnd::stopped;
      break;
    }
    // Wake up at least every 100 ms to see a stop request.
    long wait_ms = 100;
    if (deadline != std::chrono::steady_clock::time_point::max())
      wait_ms = std::min<long>(wait_ms, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1);
    pollfd fds[3];
    nfds_t n = 0;
    if (in_parent.fd >= 0) fds[n++] = {in_parent.fd, POLLOUT, 0};
    if (out_open) fds[n++] = {out_parent.fd, POLLIN, 0};
    if (err_open) fds[n++] = {err_parent.fd, POLLIN, 0};
    if (::poll(fds, n, static_cast<int>(wait_ms)) < 0 && errno != EINTR) break;
    if (in_parent.fd >= 0) {
      ssize_t w = ::send(in_parent.fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (w > 0) sent += static_cast<std::size_t>(w);
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == request.size()) in_parent.reset();  // EOF for the child
    }
    if (out_open) {
      ssize_t r = ::read(out_parent.fd, buf, sizeof buf);
      if (r > 0) reply.append(buf, static_cast<std::size_t>(r));
      else if (r == 0 || (errno != EAGAIN && errno != EINTR)) out_open = false;
    }
    if (err_open) {
      ssize_t r = ::read(err_parent.fd, buf, sizeof buf);  // dropped: the library never prints, decoders may
      if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) err_open = false;
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (killed) return run;

  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string why = "the isolated conversion crashed (" + signal_name(sig) + ")";
    if (command.memory_limit_mib > 0) why += "; it may have needed more than --memory-limit " + std::to_string(command.memory_limit_mib) + " MiB";
    run.reply.converted = false;
    run.reply.failure = child_failure(path, "crashed", why + "; skipped");
    return run;
  }
  auto parsed = parse_child_reply(reply);
  if (!parsed) {
    std::string why = "the isolated conversion ended without a record (exit status " +
                      std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
    return failed("child_failed", why);
  }
  run.reply = std::move(parsed.value());
  if (!run.reply.converted && run.reply.failure.diagnostic.file.empty()) run.reply.failure.diagnostic.file = path;
  return run;
}

}  // namespace overleg
