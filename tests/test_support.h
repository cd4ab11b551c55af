// Helpers shared by the tests: hand-made words and lines for the layout
// stages, a temporary folder, running the built `overleg` binary, and where
// the project and the optional shared material live. Header-only; not a test
// itself (the glob in CMakeLists.txt takes *_test.cc only).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "lexicon/lexicon.h"
#include "model/page.h"

namespace overleg::test {

namespace fs = std::filesystem;

inline std::string source_dir() { return OVERLEG_SOURCE_DIR; }
inline std::string shared_dir() { return OVERLEG_SHARED_DIR; }
inline std::string binary() { return OVERLEG_BINARY; }
inline bool shared_exists(const std::string& sub = "") {
  std::error_code ec;
  return fs::exists(fs::path(shared_dir()) / sub, ec);
}

/// Number of code points of UTF-8 `s` (for word widths).
inline std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// Width of a word set in `size` points: half the size per letter.
inline double word_width(const std::string& text, double size) { return 0.5 * size * utf8_length(text); }

/// One word with its top-left corner at (x, y).
inline Box word(const std::string& text, double x, double y, double size = 10, bool bold = false) {
  Box b;
  b.text = text;
  b.bbox = {x, y, x + word_width(text, size), y + size};
  b.size = size;
  b.bold = bold;
  b.font = bold ? "DejaVuSans-Bold" : "DejaVuSans";
  return b;
}

/// The words of `text` (split on spaces) set on one line from (x, y), one
/// narrow space (0.28 x size) apart.
inline std::vector<Box> line_words(const std::string& text, double x, double y, double size = 10, bool bold = false) {
  std::vector<Box> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    out.push_back(word(w, x, y, size, bold));
    x = out.back().bbox.x1 + 0.28 * size;
  }
  return out;
}

/// Appends `more` to `to`.
inline void add(std::vector<Box>& to, const std::vector<Box>& more) { to.insert(to.end(), more.begin(), more.end()); }

/// Sets `lines` one under another from (x, y) with 1.2 x size leading;
/// returns the y below the last line (its top + leading).
inline double add_lines(std::vector<Box>& to, const std::vector<std::string>& lines, double x, double y,
                        double size = 10, bool bold = false) {
  for (const std::string& l : lines) {
    add(to, line_words(l, x, y, size, bold));
    y += 1.2 * size;
  }
  return y;
}

/// An A4 page (595 x 842 pt) numbered `number` holding `boxes`.
inline Page a4_page(int number, std::vector<Box> boxes) {
  Page p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  p.boxes = std::move(boxes);
  return p;
}

/// A fresh empty folder under the system temp folder, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("overleg-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
             std::to_string(rd() % 100000));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_text(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

/// Single-quotes `s` for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct RunResult {
  int exit_code = -1;  ///< the process's exit status; 128 + n when killed by signal n
  std::string out;     ///< standard output
  std::string err;     ///< standard error
};

/// Runs `command` with /bin/sh in `cwd` (when given), with standard error
/// captured through a temporary file, under `timeout` seconds.
inline RunResult run(const std::string& command, const std::string& cwd = "", int timeout_seconds = 120) {
  TempDir tmp;
  std::string err_file = tmp / "stderr";
  std::string full = (cwd.empty() ? "" : "cd " + shell_quote(cwd) + " && ") + "timeout " +
                     std::to_string(timeout_seconds) + " " + command + " 2>" + shell_quote(err_file);
  RunResult r;
  FILE* p = ::popen(full.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  if (WIFEXITED(status))
    r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.exit_code = 128 + WTERMSIG(status);
  r.err = read_text(err_file);
  return r;
}

/// Runs the built overleg with `args` (already quoted as needed).
inline RunResult run_overleg(const std::string& args, const std::string& cwd = "") {
  return run(shell_quote(binary()) + " " + args, cwd);
}

/// The names of the entries of folder `dir`, sorted.
inline std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// The non-empty lines of `text`.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l))
    if (!l.empty()) out.push_back(l);
  return out;
}

/// The lexicon the build compiled (data/nl.lex); fails the test when it is
/// missing. Loaded once and shared, as the pipeline does.
inline const Lexicon& built_lexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::load(Lexicon::default_path());
    if (!r) FAIL("no compiled lexicon at " << Lexicon::default_path() << ": build the 'lexicon' target");
    return r.value();
  }();
  return *lex;
}

/// Everything written to file descriptor 2 while alive: the library must
/// never print, nor may the libraries it calls.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = ::dup(2);
    ::dup2(::fileno(file_), 2);
  }
  std::string text() {
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
    std::string out;
    std::rewind(file_);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
    return out;
  }
  ~StderrCapture() {
    if (saved_ >= 0) text();
    std::fclose(file_);
  }

 private:
  std::FILE* file_;
  int saved_ = -1;
};

}  // namespace overleg::test
