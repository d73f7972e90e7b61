# zstd, compiled into the core from Debian's source tarball (bookworm's 1.5.4), for delta
# updates (core/delta/): its "patch from" mode compresses a new index against the base index
# as a raw-content prefix, so a delta holds only what changed. The same C code in the native
# and the WASM build.
#
# Decompression (lib/common, lib/decompress) goes into both builds: applying a delta is for
# browsers and workers too. Compression (lib/compress) only natively: making a delta is the
# CLI's job, and the WASM module stays small. ZSTD_DISABLE_ASM (the x86-64 Huffman decoder
# in assembly), no ZSTD_MULTITHREAD and no legacy formats: plain single-threaded C in both.
include(cmake/VitrineDebianSource.cmake)
set(VITRINE_ZSTD_VERSION 1.5.4)
set(VITRINE_ZSTD_SOURCE "${CMAKE_BINARY_DIR}/zstd-${VITRINE_ZSTD_VERSION}")
vitrine_debian_source(
  "${PROJECT_SOURCE_DIR}/.deps/libzstd_${VITRINE_ZSTD_VERSION}+dfsg2.orig.tar.xz"
  "http://deb.debian.org/debian/pool/main/libz/libzstd/libzstd_${VITRINE_ZSTD_VERSION}+dfsg2.orig.tar.xz"
  8cf4bbb65e77ec348d052c8d6230eba66d435bddf64c8b5be2fcb16880c19953
  "${CMAKE_BINARY_DIR}" "${VITRINE_ZSTD_SOURCE}/lib/zstd.h")

set(VITRINE_ZSTD_DECOMPRESS_UNITS
  common/debug.c common/entropy_common.c common/error_private.c common/fse_decompress.c
  common/xxhash.c common/zstd_common.c
  decompress/huf_decompress.c decompress/zstd_ddict.c decompress/zstd_decompress.c
  decompress/zstd_decompress_block.c)
list(TRANSFORM VITRINE_ZSTD_DECOMPRESS_UNITS PREPEND "${VITRINE_ZSTD_SOURCE}/lib/")
set(VITRINE_ZSTD_COMPRESS_UNITS
  compress/fse_compress.c compress/hist.c compress/huf_compress.c compress/zstd_compress.c
  compress/zstd_compress_literals.c compress/zstd_compress_sequences.c
  compress/zstd_compress_superblock.c compress/zstd_double_fast.c compress/zstd_fast.c
  compress/zstd_lazy.c compress/zstd_ldm.c compress/zstd_opt.c)
list(TRANSFORM VITRINE_ZSTD_COMPRESS_UNITS PREPEND "${VITRINE_ZSTD_SOURCE}/lib/")

# Objects that join the core's own, hidden so libvitrine.so does not export ZSTD_* symbols
# (ZSTDLIB_VISIBLE would otherwise mark the API default-visible). zstd's bundled xxhash is
# namespaced ZSTD_XXH_*, so it does not clash with Debian's xxhash the core hashes with.
function(vitrine_zstd_objects target)
  add_library(${target} OBJECT ${ARGN})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
  # Only lib/ (zstd.h) for users: lib/common/ has its own xxhash.h.
  target_include_directories(${target} SYSTEM PUBLIC "${VITRINE_ZSTD_SOURCE}/lib")
  target_compile_definitions(${target} PUBLIC ZSTDLIB_VISIBLE= ZSTDERRORLIB_VISIBLE=
    PRIVATE ZSTD_DISABLE_ASM ZSTD_LEGACY_SUPPORT=0 ZSTD_TRACE=0)
  target_link_libraries(${target} PRIVATE vitrine_flags)
  target_compile_options(${target} PRIVATE -w)
endfunction()
vitrine_zstd_objects(vitrine_zstd_decompress ${VITRINE_ZSTD_DECOMPRESS_UNITS})
if(NOT EMSCRIPTEN)
  vitrine_zstd_objects(vitrine_zstd_compress ${VITRINE_ZSTD_COMPRESS_UNITS})
endif()
