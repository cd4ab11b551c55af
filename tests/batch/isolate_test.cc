#include "batch/isolate.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

using namespace overleg;
using Clock = std::chrono::steady_clock;

namespace {

/// A child command run by /bin/sh: `script` gets the document's path as $1.
ChildCommand shell_child(const std::string& script) { return ChildCommand{{"/bin/sh", "-c", script, "sh"}, {}, 0}; }

bool process_exists(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

}  // namespace

TEST_CASE("isolate: a request goes through a pipe whole, passwords and bytes alike", "[batch][isolate]") {
  int fds[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
  std::string bytes("%PDF-1.7\n\0\n12\nbinary\xff", 21);
  std::string request = encode_child_request({"geheim", "", "two\nlines"}, bytes);
  std::thread writer([&] {
    REQUIRE(::write(fds[0], request.data(), request.size()) == static_cast<ssize_t>(request.size()));
    ::close(fds[0]);
  });
  auto got = read_child_request(fds[1]);
  writer.join();
  ::close(fds[1]);
  REQUIRE(got);
  CHECK(got.value().passwords == std::vector<std::string>{"geheim", "", "two\nlines"});
  CHECK(got.value().bytes == bytes);

  // Cut short anywhere: refused, never a shorter document.
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, request.size() / 2, request.size() - 1}) {
    int p[2];
    REQUIRE(::pipe(p) == 0);
    REQUIRE(::write(p[1], request.data(), cut) == static_cast<ssize_t>(cut));
    ::close(p[1]);
    CHECK_FALSE(read_child_request(p[0]));
    ::close(p[0]);
  }
}

TEST_CASE("isolate: replies parse back; a reply cut short is refused", "[batch][isolate]") {
  ChildReply ok;
  ok.converted = true;
  ok.pages = 3;
  ok.ocr_pages = 1;
  ok.output = "{\"format\":\"overleg.report/1\"}";
  int p[2];
  REQUIRE(::pipe(p) == 0);
  REQUIRE(write_child_reply(p[1], ok));
  ::close(p[1]);
  std::string data;
  char buf[4096];
  for (ssize_t n; (n = ::read(p[0], buf, sizeof buf)) > 0;) data.append(buf, static_cast<std::size_t>(n));
  ::close(p[0]);
  auto back = parse_child_reply(data);
  REQUIRE(back);
  CHECK(back.value().converted);
  CHECK(back.value().pages == 3);
  CHECK(back.value().ocr_pages == 1);
  CHECK(back.value().output == ok.output);
  CHECK_FALSE(parse_child_reply(data.substr(0, data.size() - 1)));
  CHECK_FALSE(parse_child_reply(""));
}

TEST_CASE("isolate: a child that never replies is killed at the deadline and reaped", "[batch][isolate][hostile]") {
  // The stand-in for a library call that does not return: the child reads
  // its request and then blocks for ever.
  ChildCommand c = shell_child("cat >/dev/null; exec sleep 600");
  auto t0 = Clock::now();
  ChildRun run = run_child(c, "doc.pdf", std::string(100000, 'x'), t0 + std::chrono::milliseconds(800), nullptr);
  double took = std::chrono::duration<double>(Clock::now() - t0).count();
  CHECK(run.end == ChildEnd::timed_out);
  CHECK(took >= 0.7);
  CHECK(took < 10);
  REQUIRE(run.child_pid > 0);
  CHECK_FALSE(process_exists(run.child_pid));  // killed and waited for: not even a zombie
}

TEST_CASE("isolate: a stop request ends the child at once", "[batch][isolate]") {
  std::atomic<bool> stop{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
  });
  auto t0 = Clock::now();
  ChildRun run = run_child(shell_child("exec sleep 600"), "doc.pdf", "x", Clock::time_point::max(), &stop);
  stopper.join();
  CHECK(run.end == ChildEnd::stopped);
  CHECK(std::chrono::duration<double>(Clock::now() - t0).count() < 10);
  CHECK_FALSE(process_exists(run.child_pid));
}

TEST_CASE("isolate: a crash or a child without a reply fails that document only", "[batch][isolate][hostile]") {
  ChildRun crashed = run_child(shell_child("cat >/dev/null; kill -SEGV $$"), "doc.pdf", "x", Clock::now() + std::chrono::seconds(30), nullptr);
  CHECK(crashed.end == ChildEnd::replied);
  CHECK_FALSE(crashed.reply.converted);
  CHECK(crashed.reply.failure.diagnostic.code == "crashed");
  CHECK(crashed.reply.failure.diagnostic.file == "doc.pdf");
  CHECK(crashed.reply.failure.diagnostic.message.find("signal 11") != std::string::npos);

  ChildRun silent = run_child(shell_child("cat >/dev/null; echo noise >&2; exit 7"), "doc.pdf", "x", Clock::now() + std::chrono::seconds(30), nullptr);
  CHECK_FALSE(silent.reply.converted);
  CHECK(silent.reply.failure.diagnostic.code == "child_failed");
  CHECK(silent.reply.failure.diagnostic.message.find("exit status 7") != std::string::npos);

  // A child that dies before reading its request: the parent is not killed
  // by SIGPIPE (its stdin is a socket written with MSG_NOSIGNAL).
  ChildRun early = run_child(shell_child("exit 0"), "doc.pdf", std::string(4 << 20, 'x'), Clock::now() + std::chrono::seconds(30), nullptr);
  CHECK(early.reply.failure.diagnostic.code == "child_failed");
}

TEST_CASE("isolate: the path is the child's last argument, bytes and all", "[batch][isolate]") {
  // The child echoes a reply naming what it got: its $1 and the request size.
  ChildCommand c = shell_child(
      "n=$(wc -c); body=\"$1|$n\"; printf '{\"converted\":true,\"pages\":1,\"ocr_pages\":0,\"output_length\":%d}\\n%s' "
      "\"$(printf %s \"$body\" | wc -c)\" \"$body\"");
  std::string path = "odd name\n\x01.pdf";
  ChildRun run = run_child(c, path, "12345", Clock::now() + std::chrono::seconds(30), nullptr);
  REQUIRE(run.reply.converted);
  CHECK(run.reply.output == path + "|" + std::to_string(encode_child_request({}, "12345").size()));
}
