# rasd_embed_text(OUT_CPP SYMBOL FILE): turn a UTF-8 data file into a C++ source that defines
#   extern const std::string_view SYMBOL;
# so word lists ship inside the library and embedders need no data directory at run time.
function(rasd_embed_text out_cpp symbol file)
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${generated} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/RasdEmbedTextScript.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/RasdEmbedTextScript.cmake"
    COMMENT "Embedding ${file}")
  set(${out_cpp} "${generated}" PARENT_SCOPE)
endfunction()
