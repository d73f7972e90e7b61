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
 *   - STBI_NO_SIMD, for byte-identical native and WebAssembly output.
 *     stb_image picks its SIMD JPEG kernels (IDCT, YCbCr->RGB, chroma
 *     upsampling) by *target*, not by instruction-set macro: STBI_SSE2 is
 *     defined only when __x86_64__/__i386 (or MSVC's _M_X64/_M_IX86) is set.
 *     Emscripten targets wasm32, so even with -msimd128 -msse4.1 (hence
 *     __SSE2__) it always compiles the scalar kernels, while a native x86-64
 *     build would use the SSE2 ones. stb writes its SSE2 IDCT to match the
 *     scalar one, and on our test photos both decode bit-identically, but that
 *     is a property of today's code, not a contract: both builds are pinned
 *     to the scalar kernels (cost: about a quarter more JPEG decode time).
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

static _Thread_local size_t allocation_cap = SIZE_MAX;

void vitrine_stbi_cap_allocations(size_t bytes) { allocation_cap = bytes; }

static void* capped_calloc(size_t size) { return size > allocation_cap ? NULL : calloc(1, size); }
static void* capped_realloc(void* pointer, size_t size) { return size > allocation_cap ? NULL : realloc(pointer, size); }

#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_NO_SIMD
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
