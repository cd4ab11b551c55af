// Isolate: one document converted in a child process (`overleg extract
// --isolate`), for archives of untrusted files.
//
// Why a child process and not only the engine thread's deadline (engine.h):
// a conversion cannot be cancelled from outside (Poppler, Tesseract and
// Leptonica have no cancel hook that reaches every loop), so a timed-out
// engine thread is abandoned and keeps its core and its memory until the
// library call returns, if ever; a crash in a library takes the whole batch
// with it; a memory bomb grows the one address space every worker shares.
// A child can be killed (SIGKILL) at the deadline, its memory is bounded by
// an rlimit of its own, and its crash ends only its document. The price is a
// process start and a lexicon load per document (measured in README.md),
// which is why it is an option and not the default.
//
// The child is this program again (argv of ChildCommand, the document's path
// appended), started with posix_spawn (safe from a threaded parent, unlike
// fork without exec), in its own process group (a terminal's Ctrl-C reaches
// the parent, which ends its children itself). Protocol, over its stdin
// (a socket, so that a child that dies early cannot SIGPIPE the parent) and
// stdout: the request is the passwords and the document bytes
// (write_child_request / read_child_request: passwords never appear in argv);
// the reply is one JSON line and the rendered record (write_child_reply).
// The child's stderr is read and dropped.
//
// Thread-safety: run_child() may be called from several threads at once.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

struct ChildCommand {
  std::vector<std::string> argv;       ///< program and arguments; empty: no isolation
  std::vector<std::string> passwords;  ///< sent on the child's stdin
  long memory_limit_mib = 0;           ///< the child's own limit, for the failure message
  bool empty() const { return argv.empty(); }
};

/// What one child made of its document.
struct ChildReply {
  bool converted = false;
  Failure failure;        ///< when not converted
  int pages = 0, ocr_pages = 0;
  std::string output;     ///< the rendered record (converted)
};

enum class ChildEnd { replied, timed_out, stopped };

struct ChildRun {
  ChildEnd end = ChildEnd::replied;
  ChildReply reply;       ///< replied: the child's reply, or a failure for a child that crashed
  long child_pid = 0;     ///< (for tests: it has been reaped when run_child returns)
};

/// Runs `command` with `path` appended, sends it `bytes`, waits for its reply
/// until `deadline` (time_point::max(): none) or until `*stop` is set, and
/// kills it (SIGKILL, then reaps it) when either comes first. A child that
/// ends without a whole reply gives a failure: "crashed" (a signal; SIGKILL
/// or SIGSEGV under its memory limit), "memory_limit" (it said so), or
/// "child_failed" (it exited without replying).
ChildRun run_child(const ChildCommand& command, const std::string& path, const std::string& bytes,
                   std::chrono::steady_clock::time_point deadline, const std::atomic<bool>* stop);

/// The child's side: what it reads from `fd` (its stdin).
struct ChildRequest {
  std::vector<std::string> passwords;
  std::string bytes;
};
/// Reads a whole request; fails with ErrorKind::io when it is cut short.
Result<ChildRequest> read_child_request(int fd);
/// The request as bytes (what run_child sends).
std::string encode_child_request(const std::vector<std::string>& passwords, const std::string& bytes);
/// Writes the reply to `fd` (the child's stdout); false when it cannot.
bool write_child_reply(int fd, const ChildReply& reply);
/// Parses a reply as write_child_reply wrote it; fails when it is not whole.
Result<ChildReply> parse_child_reply(const std::string& data);

/// The child's memory limit: RLIMIT_AS of `mib` MiB (and no core files).
/// Address space rather than RLIMIT_DATA: it bounds every way of taking
/// memory (brk, anonymous and file mappings, thread stacks), so no decoder
/// can step around it; the child's baseline (libraries and lexicon mapped,
/// about 300 MiB of address space) is part of it. Returns false when the
/// limit cannot be set.
bool limit_child_memory(long mib);

}  // namespace overleg
