# Included from tests/pathological/CMakeLists.txt (normal test build, any
# compiler): every fuzz target built with a plain main() that replays files.
#  - fuzz.replay.<target>.dev: the dev pages through each text target
#  - fuzz.regress.<target>.<file>: each input in tests/fuzz/regress/<target>/;
#    inputs listed in tests/fuzz/regress/known-failing.txt (open bugs, owner
#    named there) are registered DISABLED until the owner fixes them.
set(_bm_fuzz_dir ${CMAKE_CURRENT_LIST_DIR})
find_package(ICU 60 COMPONENTS uc i18n data REQUIRED)
set(_bm_known "")
if(EXISTS ${_bm_fuzz_dir}/regress/known-failing.txt)
  # only the first word of each line (the notes may hold brackets, which
  # CMake lists do not survive)
  file(READ ${_bm_fuzz_dir}/regress/known-failing.txt _bm_known_text)
  string(REGEX MATCHALL "(^|\n)[a-z][^ \t\n]*" _bm_known_words "${_bm_known_text}")
  foreach(w ${_bm_known_words})
    string(STRIP "${w}" w)
    list(APPEND _bm_known ${w})
  endforeach()
endif()
foreach(t decode normalize parse metamorphic api edges)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_bm_fuzz_dir}/regress/${t})
  add_executable(bm_replay_${t} ${_bm_fuzz_dir}/fuzz_${t}.cc ${_bm_fuzz_dir}/replay_main.cc)
  target_link_libraries(bm_replay_${t} PRIVATE banmian_static banmian_internal ICU::uc ICU::i18n ICU::data)
  target_compile_definitions(bm_replay_${t} PRIVATE
    BMF_DEFAULT_LEX="${PROJECT_SOURCE_DIR}/data/lexicon/default.lex")
  if(NOT t STREQUAL "decode" AND NOT t STREQUAL "api" AND NOT t STREQUAL "edges")
    add_test(NAME fuzz.replay.${t}.dev COMMAND bm_replay_${t} ${BM_TEST_DATA_DIR}/pages/dev)
    set_tests_properties(fuzz.replay.${t}.dev PROPERTIES LABELS "fuzz;quick")
  endif()
  file(GLOB _bm_inputs ${_bm_fuzz_dir}/regress/${t}/*)
  foreach(in ${_bm_inputs})
    get_filename_component(name ${in} NAME)
    add_test(NAME fuzz.regress.${t}.${name} COMMAND bm_replay_${t} ${in})
    set_tests_properties(fuzz.regress.${t}.${name} PROPERTIES LABELS "fuzz;regress;quick" TIMEOUT 120)
    if("${t}/${name}" IN_LIST _bm_known)
      set_tests_properties(fuzz.regress.${t}.${name} PROPERTIES DISABLED TRUE)
    endif()
  endforeach()
endforeach()
