# Finds ICU and utf8proc the standard way; a missing one stops the configure
# with the Debian package that provides it.
find_package(ICU 60 COMPONENTS uc i18n data)
if(NOT ICU_FOUND)
  message(FATAL_ERROR "ICU (uc, i18n, data) not found. On Debian/Ubuntu: apt-get install libicu-dev")
endif()
find_package(Utf8proc)
if(NOT Utf8proc_FOUND)
  message(FATAL_ERROR "utf8proc not found. On Debian/Ubuntu: apt-get install libutf8proc-dev")
endif()
