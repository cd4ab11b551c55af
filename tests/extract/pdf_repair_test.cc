// Tests of pdf_repair.h and the PdfSource's recovery (issue #11 cases 7, 8):
// real qpdf and poppler on PDFs made here.
#include "extract/pdf_repair.h"

#include <catch2/catch.hpp>

#include "damage.h"
#include "extract/document_source.h"
#include "test_support.h"

using namespace overleg;

TEST_CASE("looks_like_headerless_pdf finds objects without a header", "[pdf_repair][hostile]") {
  CHECK(looks_like_headerless_pdf("%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>"));
  CHECK(looks_like_headerless_pdf("12  0\r\nobj"));
  CHECK_FALSE(looks_like_headerless_pdf("oops\n"));
  CHECK_FALSE(looks_like_headerless_pdf(" tekst\n"));
  CHECK_FALSE(looks_like_headerless_pdf("object 1 obj"));
}

TEST_CASE("password_candidates: empty first, then as given, SASLprep'd, PDFDocEncoding", "[pdf_repair][hostile]") {
  auto c = password_candidates({"S\xc2\xaaSL\xc2\xadprep", "view", "view"});
  REQUIRE(c.size() >= 3);
  CHECK(c[0] == "");
  CHECK(c[1] == "S\xc2\xaaSL\xc2\xadprep");
  CHECK(std::find(c.begin(), c.end(), "SaSLprep") != c.end());
  CHECK(std::count(c.begin(), c.end(), "view") == 1);
  auto latin = password_candidates({"p\xc3\xa4ss"});
  CHECK(std::find(latin.begin(), latin.end(), "p\xe4ss") != latin.end());
}

TEST_CASE("a page tree with a wrong /Count is rebuilt and read", "[pdf_repair][hostile]") {
  std::string pdf = test::text_pdf("0 0 595 842", "Bevindingen", 9999999999LL, 3);
  auto repaired = repair_with_qpdf("count.pdf", pdf, {""});
  REQUIRE(repaired);
  REQUIRE_FALSE(repaired->repairs.empty());
  CHECK(repaired->repairs.back().find("3 pages found") != std::string::npos);
  test::StderrCapture quiet;
  auto doc = open_document("count.pdf", pdf);
  REQUIRE(doc);
  REQUIRE(doc.value()->page_count() == 3);
  Page p = doc.value()->text_page(0);
  REQUIRE_FALSE(p.boxes.empty());
  bool said = false;
  for (const auto& w : p.warnings) said = said || w.code == "pdf_repaired";
  CHECK(said);
  CHECK(quiet.text() == "");
}

TEST_CASE("damaged cross-references and a missing header go through qpdf", "[pdf_repair][hostile]") {
  std::string pdf = test::text_pdf();
  test::StderrCapture quiet;
  for (const std::string& bad : {test::delete_xref(pdf), pdf.substr(pdf.find('\n') + 1)}) {
    auto doc = open_document("damaged.pdf", bad);
    REQUIRE(doc);
    CHECK(doc.value()->page_count() == 1);
    CHECK_FALSE(doc.value()->text_page(0).boxes.empty());
  }
  CHECK(quiet.text() == "");
}

TEST_CASE("an encrypted PDF needs its password; without it the error says how", "[pdf_repair][hostile]") {
  test::TempDir dir;
  std::string plain = dir / "plain.pdf", locked = dir / "locked.pdf";
  test::write_text(plain, test::text_pdf());
  auto q = test::run("qpdf --encrypt geheim baas 256 -- " + test::shell_quote(plain) + " " + test::shell_quote(locked));
  if (q.exit_code != 0) {
    WARN("qpdf not installed");
    return;
  }
  std::string bytes = test::read_text(locked);
  auto without = open_document("locked.pdf", bytes);
  REQUIRE_FALSE(without);
  CHECK(without.failure().kind == ErrorKind::encrypted);
  CHECK(without.failure().diagnostic.message.find("--password") != std::string::npos);
  auto wrong = open_document("locked.pdf", bytes, {"fout"});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.failure().kind == ErrorKind::encrypted);
  for (const char* pw : {"geheim", "baas"}) {
    auto opened = open_document("locked.pdf", bytes, {"fout", pw});
    REQUIRE(opened);
    CHECK_FALSE(opened.value()->text_page(0).boxes.empty());
  }
}
