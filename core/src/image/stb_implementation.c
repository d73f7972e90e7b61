/* image/stb_implementation.c — the one translation unit that compiles stb_image (2.27),
 * stb_image_resize (v1, 0.97) and stb_image_write (1.16) for the core, from
 * Debian's libstb-dev, for image_prepare.cpp (and the tests, which make images).
 *
 * Configuration, and why:
 *   - PNG and GIF decoding only, 8-bit results (STBI_ONLY_PNG, STBI_ONLY_GIF, STBI_NO_HDR,
 *     STBI_NO_LINEAR): JPEGs go to libjpeg-turbo (jpeg_decode.cpp), WebP to libwebp
 *     (webp_decode.cpp), every other format is refused before stb sees it. stb_image's SIMD code is JPEG-only, so none is compiled.
 *   - No stdio (STBI_NO_STDIO, STBI_WRITE_NO_STDIO): the core never does I/O.
 *   - Each stb_image allocation is capped per decode (stb_allocation_cap.h), so a
 *     PNG whose image data inflates past its declared size is refused.
 *   - stb_image allocates zeroed memory (STBI_MALLOC = calloc), so that no
 *     buffer it leaves partly unwritten on a corrupt file can carry whatever
 *     the heap held into an output.
 *   - stb_image_resize v1 and stb_image_write have no SIMD paths; their float
 *     code is plain IEEE single precision, deterministic under the project's
 *     -ffp-contract=off and no fast-math, and with 8-bit sRGB data
 *     stb_image_resize converts through tables (no pow()), so no libm enters.
 *   - stb relies on two's-complement wrap-around (stb_image_write's JPEG bit
 *     buffer shifts bits out of an int): this file is meant to be compiled with -fwrapv,
 *     which makes that defined, and identical in GCC and Clang.
 */

#include <stdint.h>
#include <stdlib.h>

#include "image/stb_allocation_cap.h"
#include "image/stb_srgb_table.h"

static _Thread_local size_t allocation_cap = SIZE_MAX;

static _Thread_local int cap_refused = 0;

void vitrine_stbi_cap_allocations(size_t bytes) {
    allocation_cap = bytes;
    cap_refused = 0;
}

int vitrine_stbi_cap_refused(void) { return cap_refused; }

static int refuse_over_cap(size_t size) {
    if (size <= allocation_cap) return 0;
    cap_refused = 1;
    return 1;
}

static void* capped_calloc(size_t size) { return refuse_over_cap(size) ? NULL : calloc(1, size); }
static void* capped_realloc(void* pointer, size_t size) { return refuse_over_cap(size) ? NULL : realloc(pointer, size); }

#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
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
