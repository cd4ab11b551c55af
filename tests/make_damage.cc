// overleg_make_damage SAMPLE.pdf DIR: writes the damage generator's inputs
// (damage.h) made from SAMPLE into DIR, one file each, and lists them. For
// the sanitizer pass of .ci/run (tests/sanitize/pass.sh) and by hand.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "damage.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: overleg_make_damage SAMPLE.pdf DIR\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (sample.empty()) {
    std::cerr << "overleg_make_damage: " << argv[1] << ": cannot read\n";
    return 1;
  }
  std::filesystem::create_directories(argv[2]);
  for (const auto& d : overleg::test::damage_set(sample)) {
    std::filesystem::path to = std::filesystem::path(argv[2]) / d.name;
    std::ofstream(to, std::ios::binary) << d.bytes;
    std::cout << to.string() << "\n";
  }
  return 0;
}
