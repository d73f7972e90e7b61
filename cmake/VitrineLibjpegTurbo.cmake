# libjpeg-turbo's decoder, compiled into the core from Debian's source tarball, the same
# C code in the native and the WASM build (no SIMD, so parity needs no argument).
# Why not stb_image for JPEG: libjpeg-turbo decodes by scanlines with DCT-domain scaling
# (an 8 x 8 block straight to 4 x 4 or fewer pixels), so a 13 MP photo is never held at
# full size; Debian packages it only as a native library, hence the source.
#
# The tarball is fetched once per checkout into .deps/ (gitignored), checked against its
# SHA-256, and unpacked into the build tree. Only the decompressor's units are compiled,
# with the configuration headers written here (what its own CMake would generate).
set(VITRINE_LIBJPEG_VERSION 2.1.5)
set(VITRINE_LIBJPEG_SOURCE "${CMAKE_BINARY_DIR}/libjpeg-turbo-${VITRINE_LIBJPEG_VERSION}")
include(cmake/VitrineDebianSource.cmake)
vitrine_debian_source(
  "${PROJECT_SOURCE_DIR}/.deps/libjpeg-turbo_${VITRINE_LIBJPEG_VERSION}.orig.tar.gz"
  "http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg-turbo_${VITRINE_LIBJPEG_VERSION}.orig.tar.gz"
  254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c
  "${CMAKE_BINARY_DIR}" "${VITRINE_LIBJPEG_SOURCE}/jpeglib.h")

# jconfig.h, jconfigint.h, jversion.h: 8-bit samples, memory source manager, no
# arithmetic coding (refused before decoding), no SIMD.
set(VITRINE_LIBJPEG_CONFIG "${CMAKE_BINARY_DIR}/libjpeg-turbo-config")
file(MAKE_DIRECTORY "${VITRINE_LIBJPEG_CONFIG}")
file(WRITE "${VITRINE_LIBJPEG_CONFIG}/jconfig.h.new"
  "#define JPEG_LIB_VERSION 62\n"
  "#define LIBJPEG_TURBO_VERSION ${VITRINE_LIBJPEG_VERSION}\n"
  "#define LIBJPEG_TURBO_VERSION_NUMBER 2001005\n"
  "#define MEM_SRCDST_SUPPORTED 1\n"
  "#define BITS_IN_JSAMPLE 8\n")
math(EXPR size_t_bytes "${CMAKE_SIZEOF_VOID_P}")
file(WRITE "${VITRINE_LIBJPEG_CONFIG}/jconfigint.h.new"
  "#define BUILD \"vitrine\"\n"
  "#undef inline\n"
  "#define INLINE __inline__ __attribute__((always_inline))\n"
  "#define THREAD_LOCAL __thread\n"
  "#define PACKAGE_NAME \"libjpeg-turbo\"\n"
  "#define VERSION \"${VITRINE_LIBJPEG_VERSION}\"\n"
  "#define SIZEOF_SIZE_T ${size_t_bytes}\n"
  "#define HAVE_BUILTIN_CTZL\n"
  "#define FALLTHROUGH __attribute__((fallthrough));\n")
foreach(header jconfig.h jconfigint.h)
  file(COPY_FILE "${VITRINE_LIBJPEG_CONFIG}/${header}.new" "${VITRINE_LIBJPEG_CONFIG}/${header}" ONLY_IF_DIFFERENT)
endforeach()
configure_file("${VITRINE_LIBJPEG_SOURCE}/jversion.h.in" "${VITRINE_LIBJPEG_CONFIG}/jversion.h" @ONLY)

set(VITRINE_LIBJPEG_UNITS
  jcomapi.c jdapimin.c jdapistd.c jdatasrc.c jdcoefct.c jdcolor.c jddctmgr.c jdhuff.c
  jdinput.c jdmainct.c jdmarker.c jdmaster.c jdmerge.c jdphuff.c jdpostct.c jdsample.c
  jerror.c jidctflt.c jidctfst.c jidctint.c jidctred.c jmemmgr.c jmemnobs.c jquant1.c
  jquant2.c jsimd_none.c jutils.c)
list(TRANSFORM VITRINE_LIBJPEG_UNITS PREPEND "${VITRINE_LIBJPEG_SOURCE}/")

# Objects that join the core's own (static and shared library, WASM module). Not ours
# to warn about; hidden so libvitrine.so does not export jpeg_* to its users.
add_library(vitrine_libjpeg OBJECT ${VITRINE_LIBJPEG_UNITS})
set_target_properties(vitrine_libjpeg PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
target_include_directories(vitrine_libjpeg SYSTEM PUBLIC "${VITRINE_LIBJPEG_CONFIG}" "${VITRINE_LIBJPEG_SOURCE}")
target_link_libraries(vitrine_libjpeg PRIVATE vitrine_flags)
target_compile_options(vitrine_libjpeg PRIVATE -w)
