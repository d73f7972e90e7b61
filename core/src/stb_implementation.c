/* stb_implementation.c — the one translation unit that compiles stb_image (2.27),
 * stb_image_resize (v1, 0.97) and stb_image_write (1.16) for the core, from
 * Debian's libstb-dev, for image_prepare.cpp (and the tests, which make images).
 *
 * Configuration, and why:
 *   - JPEG and PNG decoding only, 8-bit results (STBI_ONLY_*, STBI_NO_HDR,
 *     STBI_NO_LINEAR): every other format is refused before stb sees it.
 *   - No stdio (STBI_NO_STDIO, STBI_WRITE_NO_STDIO): the core never does I/O.
 *   - Each stb_image allocation is capped per decode (stb_allocation_cap.h), so a
 *     PNG whose image data inflates past its declared size is refused.
 *   - stb_image allocates zeroed memory (STBI_MALLOC = calloc). Version 2.27
 *     can leave parts of its buffers unwritten on some corrupt JPEGs (a scan
 *     that stops early, a progressive block never refined) and would then
 *     return whatever the heap held: zeroing makes that output deterministic
 *     and leaks nothing. (Structural flaws that make 2.27 write out of bounds
 *     are refused beforehand; see check_jpeg_structure in image_prepare.cpp.)
 *   - stb_image's SSE2 JPEG kernels (IDCT, YCbCr->RGB, chroma upsampling) in
 *     both builds, for byte-identical native and WebAssembly output at SIMD
 *     speed (a quarter less JPEG decode time than the scalar kernels).
 *     stb picks them by *target* (__x86_64__/__i386), not by instruction-set
 *     macro, so under Emscripten (wasm32, -msse4.1 hence __SSE2__) they are
 *     switched on here by hand: STBI_SSE2, <emmintrin.h> (Emscripten's SSE2
 *     header, lowered to WASM SIMD128), and the availability check stb only
 *     defines for x86. The kernels are integer code, and Emscripten's SSE2
 *     integer intrinsics compute what x86's do, so both builds run the same
 *     arithmetic (the parity tests compare the JPEGs byte for byte).
 *     stb_image_resize v1 and stb_image_write have no SIMD paths; their float
 *     code is plain IEEE single precision, deterministic under the project's
 *     -ffp-contract=off and no fast-math, and with 8-bit sRGB data
 *     stb_image_resize converts through tables (no pow()), so no libm enters.
 *   - stb relies on two's-complement wrap-around (stb_image_write's JPEG bit
 *     buffer shifts bits out of an int; stb_image's IDCT can overflow on
 *     hostile coefficients): this file is meant to be compiled with -fwrapv,
 *     which makes that defined, and identical in GCC and Clang.
 */

#include <stdint.h>
#include <stdlib.h>

#include "stb_allocation_cap.h"
#include "stb_srgb_table.h"

static _Thread_local size_t allocation_cap = SIZE_MAX;

void vitrine_stbi_cap_allocations(size_t bytes) { allocation_cap = bytes; }

static void* capped_calloc(size_t size) { return size > allocation_cap ? NULL : calloc(1, size); }
static void* capped_realloc(void* pointer, size_t size) { return size > allocation_cap ? NULL : realloc(pointer, size); }

#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#if defined(__EMSCRIPTEN__) && defined(__wasm_simd128__)
#include <emmintrin.h>
#define STBI_SSE2
#define STBI_SIMD_ALIGN(type, name) type name __attribute__((aligned(16)))
static int stbi__sse2_available(void) { return 1; }
#endif
#define STBI_MALLOC(size) capped_calloc(size)
#define STBI_REALLOC(pointer, size) capped_realloc(pointer, size)
#define STBI_FREE(pointer) free(pointer)
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

void vitrine_stbi_clear_failure_reason(void) { stbi__g_failure_reason = NULL; }

float vitrine_stbir_linear_of_srgb(unsigned char value) { return stbir__srgb_uchar_to_linear_float[value]; }
