# libwebp's decoder, compiled into the core from Debian's source tarball (trixie's 1.5.0,
# which has the fix for CVE-2023-4863 in its lossless Huffman tables), the same C code in
# the native and the WASM build. Debian packages libwebp only as a native library, hence
# the source; stb_image has no WebP decoder.
#
# Only the decoder's units (libwebpdecoder: dec/, the decoding half of dsp/ and utils/),
# and the demuxer (demux/), which finds a still WebP's EXIF chunk for its orientation.
# HAVE_CONFIG_H with an empty config.h turns off every SIMD path (SSE2/SSE4.1/NEON are
# enabled only when config.h says so) and threads, so both builds run the same plain C
# and decode to the same bytes.
include(cmake/VitrineDebianSource.cmake)
set(VITRINE_LIBWEBP_VERSION 1.5.0)
set(VITRINE_LIBWEBP_SOURCE "${CMAKE_BINARY_DIR}/libwebp-${VITRINE_LIBWEBP_VERSION}")
vitrine_debian_source(
  "${PROJECT_SOURCE_DIR}/.deps/libwebp_${VITRINE_LIBWEBP_VERSION}.orig.tar.gz"
  "http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp_${VITRINE_LIBWEBP_VERSION}.orig.tar.gz"
  7d6fab70cf844bf6769077bd5d7a74893f8ffd4dfb42861745750c63c2a5c92c
  "${CMAKE_BINARY_DIR}" "${VITRINE_LIBWEBP_SOURCE}/src/webp/decode.h")

set(VITRINE_LIBWEBP_CONFIG "${CMAKE_BINARY_DIR}/libwebp-config")
file(MAKE_DIRECTORY "${VITRINE_LIBWEBP_CONFIG}/src/webp")
if(NOT EXISTS "${VITRINE_LIBWEBP_CONFIG}/src/webp/config.h")
  file(WRITE "${VITRINE_LIBWEBP_CONFIG}/src/webp/config.h" "/* vitrine: no SIMD, no threads */\n")
endif()

set(VITRINE_LIBWEBP_UNITS
  dec/alpha_dec.c dec/buffer_dec.c dec/frame_dec.c dec/idec_dec.c dec/io_dec.c dec/quant_dec.c
  dec/tree_dec.c dec/vp8_dec.c dec/vp8l_dec.c dec/webp_dec.c demux/demux.c
  dsp/alpha_processing.c dsp/cpu.c dsp/dec.c dsp/dec_clip_tables.c dsp/filters.c dsp/lossless.c
  dsp/rescaler.c dsp/upsampling.c dsp/yuv.c
  utils/bit_reader_utils.c utils/color_cache_utils.c utils/filters_utils.c utils/huffman_utils.c
  utils/palette.c utils/quant_levels_dec_utils.c utils/rescaler_utils.c utils/random_utils.c
  utils/thread_utils.c utils/utils.c)
list(TRANSFORM VITRINE_LIBWEBP_UNITS PREPEND "${VITRINE_LIBWEBP_SOURCE}/src/")

# Objects that join the core's own, hidden so libvitrine.so does not export WebP* symbols.
add_library(vitrine_libwebp OBJECT ${VITRINE_LIBWEBP_UNITS})
set_target_properties(vitrine_libwebp PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
target_include_directories(vitrine_libwebp SYSTEM PUBLIC "${VITRINE_LIBWEBP_CONFIG}" "${VITRINE_LIBWEBP_SOURCE}")
target_compile_definitions(vitrine_libwebp PRIVATE HAVE_CONFIG_H)
target_link_libraries(vitrine_libwebp PRIVATE vitrine_flags)
# -fwrapv: libwebp's IDCT overflows int on hostile coefficients (found by fuzz_image); wrapping
# makes that defined, and the same in GCC and emcc, as for stb.
target_compile_options(vitrine_libwebp PRIVATE -w -fwrapv)
