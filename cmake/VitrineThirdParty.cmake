# Header-only dependencies from Debian (xsimd, nlohmann-json, stb, xxhash).
# emcc must never see -I/usr/include (it would pull in glibc headers), so the
# build tree gets a folder of symlinks to just these libraries, used by both builds.
set(VITRINE_THIRD_PARTY_INCLUDE "${CMAKE_BINARY_DIR}/third_party_include")
file(MAKE_DIRECTORY "${VITRINE_THIRD_PARTY_INCLUDE}")
foreach(entry xsimd nlohmann stb xxhash.h)
  if(NOT EXISTS "/usr/include/${entry}")
    message(FATAL_ERROR "/usr/include/${entry} is missing: run scripts/install-deps.sh")
  endif()
  file(CREATE_LINK "/usr/include/${entry}" "${VITRINE_THIRD_PARTY_INCLUDE}/${entry}" SYMBOLIC)
endforeach()
add_library(vitrine_third_party INTERFACE)
target_include_directories(vitrine_third_party SYSTEM INTERFACE "${VITRINE_THIRD_PARTY_INCLUDE}")
