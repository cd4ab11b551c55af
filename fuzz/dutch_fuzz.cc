// Fuzz target: the Dutch readers of dates, time ranges, number words and
// participant counts on any bytes.
#include <cstdint>
#include <string_view>

#include "roles/dutch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)overleg::find_date(text);
  (void)overleg::find_time_range(text);
  (void)overleg::parse_count_word(text);
  (void)overleg::find_participants(text);
  return 0;
}
