// Tests of file_name.h: names as bytes, their lossy and lossless JSON forms.
#include "util/file_name.h"

#include <catch2/catch.hpp>

using namespace overleg;

TEST_CASE("UTF-8 validity and U+FFFD per bad byte", "[file_name][hostile]") {
  CHECK(is_valid_utf8("verslag-\xc3\xa9.pdf"));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("verslag-\xe9.pdf"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  CHECK(utf8_with_replacements("a\xe9\xff" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  CHECK(utf8_with_replacements("\xc3\xa9") == "\xc3\xa9");
  CHECK(utf8_with_replacements("\xe2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // a cut sequence: one per byte
}

TEST_CASE("base64 and path_bytes", "[file_name][hostile]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("\xff\xfe\xfd") == "//79");
  CHECK_FALSE(path_bytes_if_needed("a/b.pdf"));
  CHECK(path_bytes_if_needed("a\xe9.pdf") == std::optional<std::string>("YekucGRm"));
}
