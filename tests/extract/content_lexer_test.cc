// content_lexer: the tokens of content streams, including the syntax that
// must not be read as operators (strings, comments, inline image data).
#include "extract/content_lexer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace overleg;

namespace {

// Each token as "kind:text" ("n:1.5" for numbers by value).
std::vector<std::string> tokens(std::string_view data) {
  ContentLexer lexer(data);
  std::vector<std::string> out;
  for (ContentToken t = lexer.next(); t.kind != ContentToken::end; t = lexer.next()) {
    switch (t.kind) {
      case ContentToken::number: {
        char text[32];
        std::snprintf(text, sizeof text, "n:%g", t.value);
        out.push_back(text);
        break;
      }
      case ContentToken::name: out.push_back("/:" + std::string(t.text)); break;
      case ContentToken::word:
        out.push_back("w:" + std::string(t.text));
        if (t.text == "ID") lexer.skip_inline_image();
        break;
      default: out.push_back("o:" + std::string(t.text)); break;
    }
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("content_lexer: numbers, names and operators", "[content_lexer]") {
  CHECK(tokens("1 -2.5 +3 .5 -.25 4. 0 0 1 rg /F1 12 Tf") ==
        V{"n:1", "n:-2.5", "n:3", "n:0.5", "n:-0.25", "n:4", "n:0", "n:0", "n:1", "w:rg", "/:/F1", "n:12", "w:Tf"});
  // Operators need no space before a delimiter; T* and ' are operators.
  CHECK(tokens("BT/F1 9 Tf(a)Tj T* (b)' ET") ==
        V{"w:BT", "/:/F1", "n:9", "w:Tf", "o:(a)", "w:Tj", "w:T*", "o:(b)", "w:'", "w:ET"});
  CHECK(tokens("1.2.3 - true null") == V{"w:1.2.3", "w:-", "o:true", "o:null"});
}

TEST_CASE("content_lexer: strings, hex strings, arrays, dictionaries and comments", "[content_lexer]") {
  CHECK(tokens("(a (nested) \\) re f) Tj") == V{"o:(a (nested) \\) re f)", "w:Tj"});
  CHECK(tokens("[(A) -120 <0041> ] TJ") == V{"o:[", "o:(A)", "n:-120", "o:<0041>", "o:]", "w:TJ"});
  CHECK(tokens("/Span <</MCID 3>> BDC % 1 0 0 rg re f\n EMC") ==
        V{"/:/Span", "o:<<", "/:/MCID", "n:3", "o:>>", "w:BDC", "w:EMC"});
}

TEST_CASE("content_lexer: inline image data is passed over, up to an EI standing alone", "[content_lexer]") {
  CHECK(tokens("BI /W 9 /H 1 ID 1 0 0 rg re fEIx\nEI 5 w") == V{"w:BI", "/:/W", "n:9", "/:/H", "n:1", "w:ID", "n:5", "w:w"});
  // Data to the end without EI: nothing after it is read.
  CHECK(tokens("BI ID abc re f") == V{"w:BI", "w:ID"});
}

TEST_CASE("content_lexer: damaged content ends, never loops", "[content_lexer]") {
  CHECK(tokens("(unterminated re f") == V{"o:(unterminated re f"});
  CHECK(tokens("<abc") == V{"o:<abc"});
  CHECK(tokens(") ] > 1 g") == V{"o:)", "o:]", "o:>", "n:1", "w:g"});
  CHECK(tokens(std::string("1\0g", 3)) == V{"n:1", "w:g"});
}

TEST_CASE("content_lexer: names decode their #xx escapes", "[content_lexer]") {
  CHECK(ContentLexer::decoded_name("/A#20B") == "/A B");
  CHECK(ContentLexer::decoded_name("/CS0") == "/CS0");
  CHECK(ContentLexer::decoded_name("/x#2") == "/x#2");
  CHECK(ContentLexer::decoded_name("/x#zz") == "/x#zz");
}

TEST_CASE("content_lexer: long and huge numbers stay finite where they can", "[content_lexer]") {
  ContentLexer lexer("0.12345678901234567890123 1e5 99999999999999999999");
  ContentToken t = lexer.next();
  REQUIRE(t.kind == ContentToken::number);
  CHECK(t.value == Approx(0.123456789012345));
  CHECK(lexer.next().kind == ContentToken::word);  // no exponents in PDF
  t = lexer.next();
  REQUIRE(t.kind == ContentToken::number);
  CHECK(t.value == Approx(1e20));
}

TEST_CASE("content_lexer: a number's value is its whole part plus one division", "[content_lexer]") {
  // The paint reader's coordinates must not depend on how the digits were
  // summed: whole + fraction / 10^places, as a reader would write it.
  ContentLexer lexer("0.1 12.75 -841.8898 595.27559 .000001 7.");
  CHECK(lexer.next().value == 0.1);
  CHECK(lexer.next().value == 12.75);
  CHECK(lexer.next().value == -(841.0 + 8898.0 / 1e4));
  CHECK(lexer.next().value == 595.0 + 27559.0 / 1e5);
  CHECK(lexer.next().value == 1.0 / 1e6);
  CHECK(lexer.next().value == 7.0);
}
