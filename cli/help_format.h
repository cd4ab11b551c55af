// The help text's look: each option with a plain metavariable ("-o FILE",
// "--dpi N") and its default in words, without CLI11's type and validator
// notation ("FLOAT:FLOAT in [0 - 1e+09]=120"), so that `--help` (and the man
// page generated from it) reads as a Debian tool's does. Stateless.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

class HelpFormatter : public CLI::Formatter {
 public:
  /// " FILE" from the option's option_text(), "" for flags and positionals.
  std::string make_option_opts(const CLI::Option* opt) const override;
  /// The description plus " (default: X)" when the option has a default.
  std::string make_option_desc(const CLI::Option* opt) const override;
};

/// The help footer of the whole program: exit codes and environment.
std::string exit_codes_and_environment();

}  // namespace overleg
