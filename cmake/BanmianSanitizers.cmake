# BM_SANITIZE="address;undefined" or "thread": applied to everything built here.
if(BM_SANITIZE)
  string(REPLACE ";" "," _bm_san "${BM_SANITIZE}")
  add_compile_options(-fsanitize=${_bm_san} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_bm_san})
endif()
