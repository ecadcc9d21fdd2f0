# BM_SANITIZE="address;undefined" or "thread": applied to everything built here
# (library, tests, tools), with -fno-sanitize-recover=all so that any report
# fails the test that caused it. scripts/sanitize.sh uses both; the fuzz
# targets (tests/fuzz) add libFuzzer on top of "address;undefined".
if(BM_SANITIZE)
  foreach(_bm_s ${BM_SANITIZE})
    if(NOT _bm_s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "BM_SANITIZE: unknown sanitizer '${_bm_s}' (use address;undefined or thread)")
    endif()
  endforeach()
  if("thread" IN_LIST BM_SANITIZE AND ("address" IN_LIST BM_SANITIZE OR "leak" IN_LIST BM_SANITIZE))
    message(FATAL_ERROR "BM_SANITIZE: thread cannot be combined with address/leak")
  endif()
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "BM_SANITIZE needs gcc or clang")
  endif()
  string(REPLACE ";" "," _bm_san "${BM_SANITIZE}")
  add_compile_options(-fsanitize=${_bm_san} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_bm_san})
endif()
