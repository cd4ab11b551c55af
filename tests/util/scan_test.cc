// Tests of util/scan.h: the byte classes and cursor helpers the date, time,
// heading and address readers are written with (they keep the classic
// locale's byte semantics of the regular expressions they replaced).
#include <catch2/catch.hpp>

#include "util/scan.h"

using namespace overleg;

TEST_CASE("scan: byte classes are ASCII; UTF-8 bytes are none of them", "[scan]") {
  CHECK(scan::space(' '));
  CHECK(scan::space('\t'));
  CHECK(scan::space('\r'));
  CHECK_FALSE(scan::space('\xC2'));  // the lead byte of U+00A0 is no space
  CHECK(scan::digit('7'));
  CHECK_FALSE(scan::digit('a'));
  CHECK(scan::letter('Z'));
  CHECK_FALSE(scan::letter('\xC3'));  // é's lead byte
  CHECK(scan::word('_'));
  CHECK_FALSE(scan::word('-'));
}

TEST_CASE("scan: runs, numbers and word boundaries", "[scan]") {
  std::string_view s = "om  14u30, 2025";
  CHECK(scan::skip_spaces(s, 2) == 4);
  CHECK(scan::skip_spaces(s, 4) == 4);  // no space: the same index
  CHECK(scan::digit_run(s, 4) == 2);
  CHECK(scan::number_at(s, 4, 2) == 14);
  CHECK(scan::digit_run(s, 11) == 4);
  CHECK(scan::digit_run(s, 100) == 0);  // past the end
  CHECK(scan::boundary(s, 0));          // the text's start before a letter
  CHECK_FALSE(scan::boundary(s, 1));    // inside "om"
  CHECK(scan::boundary(s, 9));          // "30|,"
  CHECK(scan::boundary(s, s.size()));   // the end after a digit
  CHECK_FALSE(scan::boundary("", 0));
}

TEST_CASE("scan: words compared ASCII-case-insensitively, other bytes exactly", "[scan]") {
  CHECK(scan::word_at("Van 9 tot 12", 0, "van"));
  CHECK(scan::word_at("9 TOT 12", 2, "tot"));
  CHECK_FALSE(scan::word_at("to", 0, "tot"));  // too short
  CHECK(scan::word_at("de 9h à 12h", 6, "à"));
  CHECK_FALSE(scan::word_at("de 9h À 12h", 6, "à"));  // no case folding beyond ASCII
  CHECK(scan::one_of("12/03", 2, "/.-"));
  CHECK_FALSE(scan::one_of("12/03", 5, "/.-"));  // past the end
}

TEST_CASE("scan: alternatives are tried longest first", "[scan]") {
  CHECK(scan::longest_first({"h", "heures", "", "heure", "hr"}) ==
        std::vector<std::string>{"heures", "heure", "hr", "h"});
}
