/* image/stb_allocation_cap.h — a cap on each allocation stb_image makes during one decode
 * (internal). stb inflates a PNG's image data into a buffer it doubles without
 * bound, so a few hundred KB of zlib "bomb" could claim gigabytes; with the cap set
 * from the header's dimensions, stb's allocation fails instead and the decode is
 * refused. Single-threaded use per thread: the cap is thread-local. */
#ifndef VITRINE_STB_ALLOCATION_CAP_H
#define VITRINE_STB_ALLOCATION_CAP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every later stb allocation larger than `bytes` fails, until the next call. */
void vitrine_stbi_cap_allocations(size_t bytes);

/* Whether the cap refused an allocation since the last vitrine_stbi_cap_allocations:
 * tells a bomb (refused by the cap) from memory running out (calloc failing). */
int vitrine_stbi_cap_refused(void);

/* Forgets stb_image's last failure reason: stb does not set one on every failure and
 * keeps the last, so a decode must start from none to report only its own. */
void vitrine_stbi_clear_failure_reason(void);

#ifdef __cplusplus
}
#endif

#endif
