#include "help_format.h"

namespace overleg {

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  if (opt->get_type_size_max() == 0 || opt->get_expected_max() == 0 || !opt->nonpositional()) return "";
  return " " + (opt->get_option_text().empty() ? std::string("VALUE") : opt->get_option_text());
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const {
  std::string desc = opt->get_description();
  if (!opt->get_default_str().empty() && opt->nonpositional()) desc += " (default: " + opt->get_default_str() + ")";
  return desc;
}

std::string exit_codes_and_environment() {
  // Keep in step with cli/exit_codes.h and README.md.
  return "Exit status:\n"
         "  0    every input was converted\n"
         "  1    some inputs failed (each named on stderr); the others were converted\n"
         "  2    bad arguments\n"
         "  3    no input could be converted (also: an argument that names no document)\n"
         "  4    missing data: the compiled lexicon or Tesseract language data (the message names the package)\n"
         "  5    the records could not be written (stdout, -o FILE, -o DIR/, --report)\n"
         "  130  interrupted (SIGINT, SIGTERM); with -o the records finished so far are kept\n"
         "\n"
         "Environment:\n"
         "  OVERLEG_DATA_DIR        folder of the compiled lexicon nl.lex (as --data-dir; default: ../share/overleg\n"
         "                          beside the binary's folder, or data/ in a build tree)\n"
         "  TESSDATA_PREFIX         where Tesseract's language data is (default: Debian's)\n"
         "  SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT\n"
         "                          select a shard of the inputs as --shard does (announced on stderr)\n"
         "  JOB_COMPLETION_INDEX, OVERLEG_SHARD_COUNT\n"
         "                          the same for a Kubernetes Indexed Job; OVERLEG_SHARD_COUNT overrides the count\n"
         "  OMP_THREAD_LIMIT        threads of Tesseract's OpenMP loops (default: 1 per engine)\n"
         "  TERM                    'dumb' (or stderr not a terminal): progress as plain lines, no control codes\n";
}

}  // namespace overleg
