// ContentLexer: the tokens of a PDF content stream (ISO 32000-1 7.2 and
// 8.9.7) -- numbers, names, operators, and the operands the paint reader
// has no use for (strings, arrays, dictionaries, booleans) as `other` --
// over the decoded bytes, without copying them.
//
// Why not qpdf's QPDFTokenizer: it builds a Token of four std::strings per
// token, about 1,150 instructions a token (callgrind, a two-page flyer's
// 20,000 tokens: 23 M, more than half of what pdftotext spends on the whole
// file). Reading the paint of every page has to cost little next to the
// text extraction; this scanner costs some tens of instructions a token.
// qpdf still decodes the streams and resolves the resources.
//
// Not thread-safe per instance; instances are independent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace overleg {

struct ContentToken {
  enum Kind {
    end,     ///< no more input
    number,  ///< `value` holds it
    name,    ///< `text` is the name as written, with its '/' ("/CS0", "/A#20B")
    word,    ///< an operator ("re", "Tj", "BT")
    other,   ///< a string, hex string, array or dictionary delimiter, true/false/null
  };
  Kind kind = end;
  std::string_view text;
  double value = 0;
};

class ContentLexer {
 public:
  explicit ContentLexer(std::string_view data) : data_(data) {}

  /// The next token; `end` at the end of the data (and ever after).
  ContentToken next();

  /// After the operator ID: passes over the inline image's data and its EI.
  void skip_inline_image();

  /// `name` ("/A#20B") with its #xx escapes decoded, as PDF dictionaries
  /// key it ("/A B").
  static std::string decoded_name(std::string_view name);

 private:
  void skip_string();
  std::size_t at_ = 0;
  std::string_view data_;
};

}  // namespace overleg
