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
configure_file(${PROJECT_SOURCE_DIR}/cmake/banmian.pc.in ${PROJECT_BINARY_DIR}/banmian.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/banmian.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
