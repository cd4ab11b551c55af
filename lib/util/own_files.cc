#include "util/own_files.h"

namespace overleg {

std::filesystem::path own_binary() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self;
}

std::vector<std::filesystem::path> beside_binary(const std::filesystem::path& file,
                                                 std::initializer_list<const char*> folders) {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path self = own_binary();
  if (self.empty()) return out;
  for (const char* folder : folders) out.push_back((self.parent_path() / folder / file).lexically_normal());
  return out;
}

}  // namespace overleg
