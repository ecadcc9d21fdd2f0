# cmake -DIN=file -DOUT=file.cpp -DSYMBOL=name -P EmbedFile.cmake
# Writes a C++ source that holds the file's bytes as a std::string_view.
file(READ "${IN}" content HEX)
string(LENGTH "${content}" hexlen)
math(EXPR nbytes "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," content "${content}")
file(WRITE "${OUT}" "// Generated from ${IN} by cmake/EmbedFile.cmake: do not edit.\n#include <string_view>\nnamespace bm::detail {\nstatic const char k_${SYMBOL}_bytes[] = {${content} 0};\nextern const std::string_view ${SYMBOL}(k_${SYMBOL}_bytes, ${nbytes});\n}\n")
