// png_builder.hpp — PNG files assembled chunk by chunk, for what stb_image_write
// cannot make: 16-bit samples, a palette with transparency, and image data that
// inflates to far more than the header declares (a zlib bomb).
//
//   auto png = vitrine::test::png_file({.width = 2, .height = 1, .bit_depth = 16}, zlib_stored(scanlines));
//
// Image data is given as a zlib stream: zlib_stored() wraps bytes uncompressed,
// zlib_zeros() encodes a long run of zero bytes in a few bits per 258 of them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "image_test_support.hpp"

namespace vitrine::test {

struct PngHeader {
    std::uint32_t width = 1;
    std::uint32_t height = 1;
    std::uint8_t bit_depth = 8;
    std::uint8_t colour_type = 2;  // 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
};

inline void append_be32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.resize(out.size() + 4);
    put_be32(out.data() + out.size() - 4, v);
}

// Length, type, data, then the CRC over type and data.
inline void append_chunk(std::vector<std::uint8_t>& png, std::string_view type, const std::vector<std::uint8_t>& data) {
    append_be32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t crc_from = png.size();
    png.insert(png.end(), type.begin(), type.end());
    png.insert(png.end(), data.begin(), data.end());
    append_be32(png, crc32(png.data() + crc_from, png.size() - crc_from));
}

struct PngChunk {
    std::string_view type;
    std::vector<std::uint8_t> data;
};

// Signature, IHDR, the chunks given (PLTE, tRNS, ...), one IDAT holding `zlib`, IEND.
inline std::vector<std::uint8_t> png_file(const PngHeader& header, const std::vector<std::uint8_t>& zlib,
                                          const std::vector<PngChunk>& before_data = {}) {
    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    append_be32(ihdr, header.width);
    append_be32(ihdr, header.height);
    ihdr.insert(ihdr.end(), {header.bit_depth, header.colour_type, 0, 0, 0});  // deflate, adaptive filters, no interlace
    append_chunk(png, "IHDR", ihdr);
    for (const PngChunk& chunk : before_data) append_chunk(png, chunk.type, chunk.data);
    append_chunk(png, "IDAT", zlib);
    append_chunk(png, "IEND", {});
    return png;
}

inline std::uint32_t adler32(const std::vector<std::uint8_t>& bytes) {
    std::uint32_t a = 1, b = 0;
    for (const std::uint8_t byte : bytes) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// A zlib stream holding `bytes` in stored (uncompressed) deflate blocks.
inline std::vector<std::uint8_t> zlib_stored(const std::vector<std::uint8_t>& bytes) {
    std::vector<std::uint8_t> out{0x78, 0x01};
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(bytes.size() - at, 65535);
        const bool last = at + n == bytes.size();
        out.insert(out.end(), {static_cast<std::uint8_t>(last), static_cast<std::uint8_t>(n), static_cast<std::uint8_t>(n >> 8),
                               static_cast<std::uint8_t>(~n), static_cast<std::uint8_t>(~n >> 8)});
        out.insert(out.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.begin() + static_cast<std::ptrdiff_t>(at + n));
        at += n;
    } while (at < bytes.size());
    append_be32(out, adler32(bytes));
    return out;
}

// A zlib stream of `zeros` zero bytes (at least 1) in one fixed-Huffman block: a
// literal 0, then copies of 258 bytes at distance 1 (13 bits each), then literals.
inline std::vector<std::uint8_t> zlib_zeros(std::size_t zeros) {
    std::vector<std::uint8_t> out{0x78, 0x01};
    std::uint32_t bits = 0;
    int used = 0;
    const auto put = [&](std::uint32_t value, int count) {  // deflate packs from the low bit up
        for (int i = 0; i < count; ++i) {
            bits |= ((value >> i) & 1u) << used;
            if (++used == 8) {
                out.push_back(static_cast<std::uint8_t>(bits));
                bits = 0;
                used = 0;
            }
        }
    };
    const auto put_code = [&](std::uint32_t code, int length) {  // Huffman codes go most significant bit first
        for (int i = length - 1; i >= 0; --i) put((code >> i) & 1u, 1);
    };
    put(1, 1);                 // final block
    put(1, 2);                 // fixed Huffman codes
    put_code(0x30, 8);         // literal 0
    std::size_t left = zeros - 1;
    for (; left >= 258; left -= 258) {
        put_code(0xC5, 8);     // length 258 (code 285)
        put_code(0, 5);        // distance 1 (code 0)
    }
    for (; left > 0; --left) put_code(0x30, 8);
    put_code(0, 7);            // end of block (code 256)
    if (used > 0) out.push_back(static_cast<std::uint8_t>(bits));
    append_be32(out, static_cast<std::uint32_t>(zeros % 65521) << 16 | 1u);  // Adler-32 of zeros: a = 1, b = n
    return out;
}

}  // namespace vitrine::test
