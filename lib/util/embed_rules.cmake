# Writes OUT, a C++ source that holds the rule files FILES (|-separated) as
# string constants, so the rules in dictionaries/rules/ are data in the
# repository and need no data path at run time.
file(WRITE ${OUT}.tmp "// Generated from dictionaries/rules by lib/embed_rules.cmake. Do not edit.\n"
     "#include \"util/rules.h\"\nnamespace overleg {\nstd::string_view rule_file_text(std::string_view name) {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  file(APPEND ${OUT}.tmp "  if (name == \"${name}\") return R\"overleg_rules(${content})overleg_rules\";\n")
endforeach()
file(APPEND ${OUT}.tmp "  return {};\n}\n}  // namespace overleg\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
