// Tests of index/table_format.h: RFC 4180 CSV and JSON Lines.
#include <catch2/catch.hpp>

#include "index/table_format.h"

using namespace overleg;

TEST_CASE("csv: quoted only when needed, quotes doubled, CRLF", "[index][table_format]") {
  CHECK(csv_field("Zuid") == "Zuid");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("zei \"ja\"") == "\"zei \"\"ja\"\"\"");
  CHECK(csv_field("twee\nregels") == "\"twee\nregels\"");
  Table t{{"zone", "count", "ratio", "note"}, {{std::string("Zuid"), std::int64_t{3}, 0.5, std::monostate{}}}};
  CHECK(to_csv(t) == "zone,count,ratio,note\r\nZuid,3,0.5,\r\n");
}

TEST_CASE("jsonl: one object per row, typed, null for NULL", "[index][table_format]") {
  Table t{{"zone", "count", "note"}, {{std::string("Zuid"), std::int64_t{3}, std::monostate{}}}};
  CHECK(to_jsonl(t) == "{\"zone\":\"Zuid\",\"count\":3,\"note\":null}\n");
}
