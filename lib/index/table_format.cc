#include "index/table_format.h"

#include <nlohmann/json.hpp>

namespace overleg {
namespace {

std::string cell_text(const Cell& cell) {
  if (std::holds_alternative<std::int64_t>(cell)) return std::to_string(std::get<std::int64_t>(cell));
  // nlohmann prints reals in the shortest form that reads back the same,
  // independent of the locale.
  if (std::holds_alternative<double>(cell)) return nlohmann::json(std::get<double>(cell)).dump();
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  return {};
}

}  // namespace

std::string csv_field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string to_csv(const Table& table) {
  std::string out;
  for (std::size_t i = 0; i < table.columns.size(); ++i) out += (i ? "," : "") + csv_field(table.columns[i]);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(cell_text(row[i]));
    out += "\r\n";
  }
  return out;
}

std::string to_jsonl(const Table& table) {
  std::string out;
  for (const auto& row : table.rows) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      const Cell& c = row[i];
      if (std::holds_alternative<std::int64_t>(c)) j[table.columns[i]] = std::get<std::int64_t>(c);
      else if (std::holds_alternative<double>(c)) j[table.columns[i]] = std::get<double>(c);
      else if (std::holds_alternative<std::string>(c)) j[table.columns[i]] = std::get<std::string>(c);
      else j[table.columns[i]] = nullptr;
    }
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace overleg
