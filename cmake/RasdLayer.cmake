# rasd_add_layer(NAME SOURCES...): one layer of rasd's internals (docs/ARCHITECTURE.md) as an
# OBJECT library. Layers reach each other's headers as "layer/file.hpp" from the source root and
# the public API as <rasd/...>; their objects are linked into the two installed libraries
# (rasd_analysis, rasd_engine), so embedders see no more libraries than before.
function(rasd_add_layer name)
  add_library(${name} OBJECT ${ARGN})
  target_include_directories(${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated>
           $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
  rasd_set_library_properties(${name})
  rasd_set_warnings(${name})
endfunction()

# rasd_set_library_properties(TARGET): how every part of the two installed libraries is built.
# C++20 is a compile feature passed on to whatever links them (tests, executables, embedders);
# the code is position-independent because the layers' objects go into shared libraries too;
# symbols are hidden, so a shared library exports only what include/rasd/ marks RASD_EXPORT
# (include/rasd/export.hpp). Static libraries keep every symbol linkable.
function(rasd_set_library_properties target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()
