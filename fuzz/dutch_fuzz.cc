// Fuzz target: the readers of dates and time ranges (Dutch and French
// tables), and the Dutch number words and participant counts, on any bytes.
#include <cstdint>
#include <string_view>

#include "roles/dutch.h"
#include "roles/written_values.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* lang : {"nl", "fr"}) {
    (void)overleg::read_date(lang, text);
    (void)overleg::read_time_range(lang, text);
  }
  (void)overleg::parse_count_word(text);
  (void)overleg::find_participants(text);
  return 0;
}
