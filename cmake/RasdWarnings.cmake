# One place for the warning flags every rasd target is built with.
function(rasd_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(RASD_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # GCC 12 (Debian 12's compiler) reports -Wrestrict falsely on inlined std::string
  # concatenation at -O2 (GCC bug 105329), in our code and inside Boost's headers alike.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
