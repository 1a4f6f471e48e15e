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
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  rasd_set_warnings(${name})
endfunction()
