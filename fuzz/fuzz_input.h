// Reading structured values from a fuzzer's bytes: numbers and strings taken
// from the front, so that every input is a valid (if odd) value. Header-only;
// one instance per input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/page.h"

namespace overleg::fuzz {

/// The compiled Dutch lexicon, loaded once; null when it is not found.
inline const Lexicon* lexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto loaded = Lexicon::load(Lexicon::default_path());
    return loaded ? loaded.value() : std::shared_ptr<const Lexicon>();
  }();
  return lex.get();
}

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return pos_ >= size_; }
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  /// A number in [lo, hi] from two bytes.
  double number(double lo, double hi) {
    unsigned v = (static_cast<unsigned>(byte()) << 8) | byte();
    return lo + (hi - lo) * v / 65535.0;
  }
  /// Up to `max` bytes, ending early at a 0 byte.
  std::string text(std::size_t max) {
    std::string out;
    while (out.size() < max && pos_ < size_) {
      char c = static_cast<char>(data_[pos_++]);
      if (c == 0) break;
      out += c;
    }
    return out;
  }
  /// Everything not read yet.
  std::string rest() {
    std::string out(reinterpret_cast<const char*>(data_ + pos_), size_ - pos_);
    pos_ = size_;
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

/// 1 to 3 pages of sizes up to `max_side` points from `in`, each given the
/// boxes `add_box(in, page)` makes, as many as the next byte says (modulo
/// `max_boxes`) or until the input ends.
template <class AddBox>
std::vector<Page> pages_from(FuzzInput& in, double max_side, int max_boxes, AddBox add_box) {
  std::vector<Page> pages(1 + in.byte() % 3);
  int number = 0;
  for (auto& page : pages) {
    page.number = ++number;
    page.width = in.number(0, max_side);
    page.height = in.number(0, max_side);
    const int boxes = in.byte() % max_boxes;
    for (int i = 0; i < boxes && !in.empty(); ++i) add_box(in, page);
  }
  return pages;
}

}  // namespace overleg::fuzz
