# Compiler flags every Vitrine target shares.
# Parity between native and WASM needs IEEE arithmetic exactly as written:
# no contraction into FMA, no fast-math reassociation.
add_library(vitrine_flags INTERFACE)
target_compile_options(vitrine_flags INTERFACE
  -Wall -Wextra -ffp-contract=off -fno-fast-math)
if(EMSCRIPTEN)
  # xsimd 8.1 has no WASM architecture: its SSE code lowers to WASM SIMD128.
  target_compile_options(vitrine_flags INTERFACE -msimd128 -msse4.1)
  # Core errors become JS Errors at the binding boundary (wasm/src/failure.hpp), so
  # C++ exceptions must unwind through the core. WebAssembly's native exception
  # handling costs nothing on paths that do not throw, unlike Emscripten's JS-based
  # -fexceptions (which routes calls that may throw through JS, and was 8 KB larger
  # gzipped). Runs in Node >= 17, Chrome >= 95, Firefox >= 100, Safari >= 15.2, workerd.
  target_compile_options(vitrine_flags INTERFACE -fwasm-exceptions)
  target_link_options(vitrine_flags INTERFACE -fwasm-exceptions)
endif()
if(VITRINE_SANITIZE)
  target_compile_options(vitrine_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(vitrine_flags INTERFACE -fsanitize=address,undefined)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 false positive inside std::string at -O2 (GCC bug 105329).
  target_compile_options(vitrine_flags INTERFACE -Wno-restrict)
endif()

# emcc's JS optimizer, run at link time, needs Debian's acorn from outside Node's default
# path; set per target so a plain `cmake --build` works without NODE_PATH in the environment.
function(vitrine_link_with_debian_acorn target)
  if(EMSCRIPTEN AND EXISTS /usr/share/nodejs/acorn)
    set_target_properties(${target} PROPERTIES
      CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
  endif()
endfunction()
