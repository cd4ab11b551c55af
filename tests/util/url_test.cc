// Tests of util/url.h: web and e-mail addresses and phone numbers in words.
#include <catch2/catch.hpp>

#include "util/url.h"

using namespace overleg;

TEST_CASE("web addresses, with the sentence's punctuation after them", "[url]") {
  CHECK(is_web_address("www.brusano.brussels"));
  CHECK(is_web_address("https://www.zorgzone-zuid.brussels/agenda/"));
  CHECK(is_web_address("www.zorgzone-noord.brussels)."));
  CHECK(strip_address_tail("www.zorgzone-noord.brussels).") == "www.zorgzone-noord.brussels");
  CHECK_FALSE(is_web_address("www."));
  CHECK_FALSE(is_web_address("zorgzone"));
}

TEST_CASE("e-mail addresses and phone numbers are contact words", "[url]") {
  CHECK(is_email_address("info@zorgzone-zuid.brussels"));
  CHECK_FALSE(is_email_address("@"));  // an OCR'd bullet
  CHECK(is_phone_number("+32"));
  CHECK_FALSE(is_phone_number("+"));
  CHECK(is_contact_word("http://example.org"));
  CHECK_FALSE(is_contact_word("Brussel"));
}
