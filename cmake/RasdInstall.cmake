# Installation: libraries, headers, the two executables, a CMake package (find_package(rasd))
# and a pkg-config file (rasd.pc).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(rasd_analysis PROPERTIES EXPORT_NAME analysis VERSION ${PROJECT_VERSION}
                                               SOVERSION ${PROJECT_VERSION_MAJOR})
set_target_properties(rasd_engine PROPERTIES EXPORT_NAME engine VERSION ${PROJECT_VERSION}
                                             SOVERSION ${PROJECT_VERSION_MAJOR})

install(TARGETS rasd rasd_engine rasd_analysis EXPORT rasdTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS rasd-index rasd-search rasd-serve rasd-watch RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/rasd" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/generated/rasd/version.hpp" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/rasd)

set(rasd_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/rasd)
install(EXPORT rasdTargets NAMESPACE rasd:: DESTINATION ${rasd_cmake_dir})
configure_package_config_file(cmake/rasdConfig.cmake.in "${PROJECT_BINARY_DIR}/rasdConfig.cmake"
  INSTALL_DESTINATION ${rasd_cmake_dir})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/rasdConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/rasdConfig.cmake" "${PROJECT_BINARY_DIR}/rasdConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/XapianTarget.cmake"
        DESTINATION ${rasd_cmake_dir})

# Relocatable: the prefix is found from the .pc file's own place, so `cmake --install --prefix`
# anywhere gives a working rasd.pc.
file(RELATIVE_PATH RASD_PC_PREFIX_FROM_PCDIR "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
# What rasd's libraries need at link time (ICU, Xapian, Boost.Iostreams, simdjson). Shared libraries record
# it themselves, so it is private there; static archives record nothing, so the plain
# `pkg-config --cflags --libs rasd` a user types must name it all (Requires and Libs, not only
# the .private fields that only `--static` reads).
if(BUILD_SHARED_LIBS)
  set(RASD_PC_REQUIRES_LINE "Requires.private: icu-uc icu-i18n xapian-core")
  set(RASD_PC_LIBS_EXTRA "")
  set(RASD_PC_LIBS_PRIVATE_LINE "Libs.private: -lboost_iostreams -lsimdjson")
else()
  set(RASD_PC_REQUIRES_LINE "Requires: icu-uc icu-i18n xapian-core")
  set(RASD_PC_LIBS_EXTRA " -lboost_iostreams -lsimdjson")
  set(RASD_PC_LIBS_PRIVATE_LINE "")
endif()
configure_file(cmake/rasd.pc.in "${PROJECT_BINARY_DIR}/rasd.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/rasd.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
