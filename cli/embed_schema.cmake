# Writes ${OUT}: a C++ source defining overleg::kRecordSchema as the text of
# ${IN} (docs/record.schema.json), for `overleg schema`.
file(READ ${IN} text)
string(FIND "${text}" ")overleg_schema\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE ${OUT}.new "// Generated from docs/record.schema.json by cli/embed_schema.cmake; do not edit.\n"
  "#include \"schema_command.h\"\n"
  "const char* const overleg::kRecordSchema = R\"overleg_schema(${text})overleg_schema\";\n")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
