// Tests of sha256.h against the FIPS 180-2 test vectors.
#include <catch2/catch.hpp>

#include "util/sha256.h"

using namespace overleg;

TEST_CASE("sha256_hex: known digests, lower-case hex", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_hex: binary input with NUL bytes", "[sha256]") {
  std::string a("x\0y", 3), b("x\0z", 3);
  CHECK(sha256_hex(a) != sha256_hex(b));
  CHECK(sha256_hex(a).size() == 64);
}
