// Tests of saslprep.h (RFC 4013 through ICU).
#include "util/saslprep.h"

#include <catch2/catch.hpp>

using namespace overleg;

TEST_CASE("SASLprep maps, normalises and refuses as RFC 4013 says", "[saslprep][hostile]") {
  // RFC 4013 section 3's examples.
  CHECK(saslprep("I\xc2\xad" "X") == std::optional<std::string>("IX"));    // soft hyphen mapped to nothing
  CHECK(saslprep("user") == std::optional<std::string>("user"));
  CHECK(saslprep("\xc2\xaa") == std::optional<std::string>("a"));          // NFKC
  CHECK(saslprep("\xe2\x85\xa8") == std::optional<std::string>("IX"));     // ROMAN NUMERAL NINE
  CHECK_FALSE(saslprep("\x07"));                                         // prohibited control
  // The corpus's pdf.js password.
  CHECK(saslprep("S\xc2\xaaSL\xc2\xadprep") == std::optional<std::string>("SaSLprep"));
}
