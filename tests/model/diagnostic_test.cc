// Tests of diagnostic.h: one-line diagnostics and error kinds.
#include <catch2/catch.hpp>

#include "model/diagnostic.h"

using namespace overleg;

TEST_CASE("Diagnostic::to_line: file, page when known, message", "[diagnostic]") {
  CHECK((Diagnostic{"not_pdf", "in/a.pdf", 0, "not a PDF"}).to_line() == "in/a.pdf: not a PDF");
  CHECK((Diagnostic{"ocr_low_confidence", "a.pdf", 2, "low confidence"}).to_line() ==
        "a.pdf: page 2: low confidence");
}

TEST_CASE("Diagnostic::to_line is one line whatever the message", "[diagnostic]") {
  std::string line = Diagnostic{"damaged", "a.pdf", 0, "first\nsecond\r\nthird"}.to_line();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\r') == std::string::npos);
  CHECK(line.find("first") != std::string::npos);
  CHECK(line.find("third") != std::string::npos);
}

TEST_CASE("to_string(ErrorKind): short stable names", "[diagnostic]") {
  CHECK(std::string(to_string(ErrorKind::not_pdf)) == "not_pdf");
  CHECK(std::string(to_string(ErrorKind::damaged)) == "damaged");
  CHECK(std::string(to_string(ErrorKind::encrypted)) == "encrypted");
  CHECK(std::string(to_string(ErrorKind::io)) == "io");
  CHECK(std::string(to_string(ErrorKind::missing_data)) == "missing_data");
  CHECK(std::string(to_string(ErrorKind::timeout)) == "timeout");
}

TEST_CASE("Result holds a value or a failure", "[diagnostic]") {
  Result<int> ok = 5;
  CHECK(ok.ok());
  CHECK(static_cast<bool>(ok));
  CHECK(ok.value() == 5);
  Result<int> bad = Failure{ErrorKind::io, {"read_failed", "x", 0, "cannot read"}};
  CHECK_FALSE(bad.ok());
  CHECK(bad.failure().kind == ErrorKind::io);
  CHECK(bad.failure().diagnostic.message == "cannot read");
}

TEST_CASE("quote_file_name quotes control characters the way coreutils does (issue #11 case 6)", "[diagnostic][hostile]") {
  CHECK(quote_file_name("plain name.pdf") == "plain name.pdf");
  CHECK(quote_file_name("a\nb") == "'a'$'\\n''b'");
  CHECK(quote_file_name("x\x1b[31m") == "'x'$'\\033''[31m'");
  CHECK(quote_file_name("it's\t") == "'it'\\''s'$'\\t'");
  Diagnostic d{"not_pdf", "a\noverleg: forged.pdf", 0, "not a PDF\x1b[0m"};
  std::string line = d.to_line();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK(line.rfind("'a'$'\\n''overleg: forged.pdf': ", 0) == 0);
}
