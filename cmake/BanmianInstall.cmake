include(CMakePackageConfigHelpers)
install(TARGETS banmian banmian_static EXPORT banmianTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/banmian DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/banmian/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/banmian)
install(EXPORT banmianTargets NAMESPACE banmian:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/banmian)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/banmianConfig.cmake.in
  ${PROJECT_BINARY_DIR}/banmianConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/banmian)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/banmianConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/banmianConfig.cmake ${PROJECT_BINARY_DIR}/banmianConfigVersion.cmake
        ${PROJECT_SOURCE_DIR}/cmake/FindUtf8proc.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/banmian)
# pkg-config: the prefix is found from the .pc file's own place (${pcfiledir}),
# so an installed tree can be moved (tests/install/pkgconfig_relocated.sh).
set(BM_PC_DIR "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig")
file(RELATIVE_PATH BM_PC_PREFIX_FROM_PCDIR "${BM_PC_DIR}" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" BM_PC_PREFIX_FROM_PCDIR "${BM_PC_PREFIX_FROM_PCDIR}")
if(BM_PC_PREFIX_FROM_PCDIR STREQUAL "")
  set(BM_PC_PREFIX_FROM_PCDIR ".")
endif()
foreach(kind LIBDIR INCLUDEDIR)
  file(RELATIVE_PATH rel "${CMAKE_INSTALL_PREFIX}" "${CMAKE_INSTALL_FULL_${kind}}")
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}" AND rel MATCHES "^\\.\\./")
    set(BM_PC_${kind} "${CMAKE_INSTALL_FULL_${kind}}")  # outside the prefix: stays absolute
  else()
    set(BM_PC_${kind} "\${prefix}/${rel}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/banmian.pc.in ${PROJECT_BINARY_DIR}/banmian.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/banmian.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
# The licence and the third-party notices go with every installed copy.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/licenses DESTINATION ${CMAKE_INSTALL_DOCDIR})
