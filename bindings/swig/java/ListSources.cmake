# cmake -DDIR=<dir> -DOUT=<file> -P ListSources.cmake
# Writes a javac @file naming every .java file SWIG generated in DIR.
file(GLOB srcs "${DIR}/*.java")
list(SORT srcs)
set(text "")
foreach(s IN LISTS srcs)
  string(APPEND text "\"${s}\"\n")
endforeach()
file(WRITE "${OUT}" "${text}")
