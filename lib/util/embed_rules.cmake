# Writes OUT, a C++ source that holds the rule files FILES (|-separated) as
# string constants, so the rules in dictionaries/rules/ are data in the
# repository and need no data path at run time. A file directly in ROOT is
# named by its file name ("sections.tsv", the Dutch tables); one in a
# language folder by "<lang>/<file>" ("fr/sections.tsv").
file(WRITE ${OUT}.tmp "// Generated from dictionaries/rules by lib/util/embed_rules.cmake. Do not edit.\n"
     "#include \"util/rules.h\"\nnamespace overleg {\nstd::string_view rule_file_text(std::string_view name) {\n")
string(REPLACE "|" ";" FILES "${FILES}")
set(names "")
foreach(f ${FILES})
  if(ROOT)
    file(RELATIVE_PATH name ${ROOT} ${f})
  else()
    get_filename_component(name ${f} NAME)
  endif()
  string(APPEND names "${name}\\n")
  file(READ ${f} content)
  file(APPEND ${OUT}.tmp "  if (name == \"${name}\") return R\"overleg_rules(${content})overleg_rules\";\n")
endforeach()
file(APPEND ${OUT}.tmp "  return {};\n}\n"
     "std::string_view embedded_rule_names() { return \"${names}\"; }\n}  // namespace overleg\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
