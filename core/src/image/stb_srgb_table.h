/* image/stb_srgb_table.h — stb_image_resize's sRGB-to-linear table, read from the unit that
 * compiles stb (internal), so that the core's own linear-light steps use the very
 * values stb's sRGB resize path uses: a literal table, the same in every build. */
#ifndef VITRINE_STB_SRGB_TABLE_H
#define VITRINE_STB_SRGB_TABLE_H

#ifdef __cplusplus
extern "C" {
#endif

/* The linear-light value, 0..1, of an 8-bit sRGB value. */
float vitrine_stbir_linear_of_srgb(unsigned char value);

#ifdef __cplusplus
}
#endif

#endif
