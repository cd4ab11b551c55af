# Generates overleg.1 from the real help text of the built binary with
# help2man: the program's --help (options, exit status, environment) plus one
# section per command from `overleg COMMAND --help`, and packaging/overleg.h2m
# (name, description, examples, files). Run by the build:
#   cmake -DBIN=... -DHELP2MAN=... -DSTATIC=overleg.h2m -DOUT=overleg.1 -P gen_man.cmake
set(commands extract inspect repair schema)
set(gen "")
foreach(cmd ${commands})
  execute_process(COMMAND ${BIN} ${cmd} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${BIN} ${cmd} --help failed")
  endif()
  string(TOUPPER ${cmd} CMD)
  string(APPEND gen "[COMMAND ${CMD}]\n")
  # roff: backslashes first, then the characters that start a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REPLACE "-" "\\-" help "${help}")
  string(REPLACE ";" "\\;" help "${help}")  # keep CMake's list separator out of the loop
  string(REPLACE "\n" ";" lines "${help}")
  set(in_list FALSE)
  foreach(line IN LISTS lines)
    string(REPLACE "\\;" ";" line "${line}")
    if(line MATCHES "^  (\\\\-[^ ].*[^ ]|[A-Z][A-Z]+)   +(.*)$")
      # "  -o,--output FILE|DIR/   description": a tagged paragraph
      string(APPEND gen ".TP\n\\fB${CMAKE_MATCH_1}\\fR\n${CMAKE_MATCH_2}\n")
      set(in_list TRUE)
    elseif(line MATCHES "^(Positionals|Options|Examples):$")
      string(APPEND gen ".PP\n\\fB${CMAKE_MATCH_1}:\\fR\n")
    elseif(line MATCHES "^Usage: (.*)$")
      string(APPEND gen ".PP\n\\fB${CMAKE_MATCH_1}\\fR\n")
    elseif(line MATCHES "^ +")
      # example lines and continuations: kept as they are
      string(REGEX REPLACE "^ +" "" text "${line}")
      string(APPEND gen ".br\n${text}\n")
    elseif(line STREQUAL "")
    else()
      string(REGEX REPLACE "^[.']" "\\\\&\\0" line "${line}")
      string(APPEND gen ".PP\n${line}\n")
    endif()
  endforeach()
  string(APPEND gen "\n")
endforeach()
get_filename_component(dir ${OUT} DIRECTORY)
file(WRITE ${dir}/commands.h2m "${gen}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --source=overleg
          "--name=convert Thematisch-overleg report PDFs and scans into JSON records"
          --include=${STATIC} --include=${dir}/commands.h2m --output=${OUT} ${BIN}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
# help2man makes a section of --help's "Environment:" but only a subsection
# of "Exit status:"; man pages have EXIT STATUS as a section of its own.
file(READ ${OUT} page)
string(REPLACE ".SS \"Exit status:\"" ".SH \"EXIT STATUS\"" page "${page}")
file(WRITE ${OUT} "${page}")
