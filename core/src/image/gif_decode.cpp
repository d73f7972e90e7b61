// image/gif_decode.cpp — see gif_decode.hpp. stb_image's GIF decoder is integer code
// (LZW and a palette lookup), so native and WebAssembly decode the same pixels.
#include "image/gif_decode.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#define STBI_NO_STDIO
#include <stb/stb_image.h>

#include "image/stb_allocation_cap.h"
#include "vitrine/base/error.hpp"

namespace vitrine::image {
namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string& message) { throw Error(kind, "image: " + message); }

struct StbFree {
    void operator()(stbi_uc* pixels) const noexcept { stbi_image_free(pixels); }
};

}  // namespace

bool is_gif(std::span<const std::uint8_t> bytes) noexcept {
    return bytes.size() >= 6 && (std::memcmp(bytes.data(), "GIF87a", 6) == 0 || std::memcmp(bytes.data(), "GIF89a", 6) == 0);
}

namespace {

// The byte after a run of data sub-blocks (a length byte, that many bytes; 0 ends them).
std::size_t skip_sub_blocks(std::span<const std::uint8_t> gif, std::size_t at) {
    while (at < gif.size() && gif[at] != 0) at += 1 + std::size_t{gif[at]};
    if (at >= gif.size()) fail(ErrorKind::bad_image, "truncated GIF (it ends inside the first frame)");
    return at + 1;
}

// Walks the blocks up to the end of the first image's data: stb_image reads past the end
// of its input as zeros, so a truncated GIF would otherwise decode to a part-blank frame.
void check_first_frame_is_complete(std::span<const std::uint8_t> gif) {
    const auto colour_table_bytes = [](std::uint8_t flags) { return flags & 0x80 ? std::size_t{3} << ((flags & 7) + 1) : 0; };
    std::size_t at = 13 + colour_table_bytes(gif[10]);
    for (;;) {
        if (at >= gif.size()) fail(ErrorKind::bad_image, "truncated GIF (it ends before its first frame)");
        if (gif[at] == 0x21) {  // extension: label, sub-blocks
            at = skip_sub_blocks(gif, at + 2);
        } else if (gif[at] == 0x2C) {  // image descriptor (10), local colour table, LZW code size, data
            if (at + 11 > gif.size()) fail(ErrorKind::bad_image, "truncated GIF (it ends inside the first frame)");
            skip_sub_blocks(gif, at + 11 + colour_table_bytes(gif[at + 9]));
            return;
        } else {
            fail(ErrorKind::bad_image, gif[at] == 0x3B ? "GIF with no frame" : "corrupt GIF (an unknown block before the first frame)");
        }
    }
}

}  // namespace

// Signature (6), then the logical screen descriptor: width (2, little-endian), height (2),
// flags, background colour, aspect.
Extent read_gif_size(std::span<const std::uint8_t> gif) {
    if (gif.size() < 13) fail(ErrorKind::bad_image, "truncated GIF (it ends inside the screen descriptor)");
    const int width = gif[6] | (gif[7] << 8), height = gif[8] | (gif[9] << 8);
    if (width == 0 || height == 0) fail(ErrorKind::bad_image, "corrupt GIF (zero width or height)");
    check_first_frame_is_complete(gif);
    return {width, height};
}

Pixels decode_gif_first_frame(std::span<const std::uint8_t> gif, Extent size) {
    // stb holds the canvas, the background and a byte a pixel of history, each one
    // allocation of at most 4 bytes a pixel; the LZW tables are small.
    const std::size_t pixels = static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height);
    int width = 0, height = 0, file_channels = 0;
    vitrine_stbi_cap_allocations(pixels * 4 + (64u << 10));
    vitrine_stbi_clear_failure_reason();
    std::unique_ptr<stbi_uc, StbFree> rgba(stbi_load_from_memory(
        gif.data(), static_cast<int>(std::min<std::size_t>(gif.size(), INT_MAX)), &width, &height, &file_channels, 4));
    vitrine_stbi_cap_allocations(SIZE_MAX);
    if (!rgba) {
        const char* reason = stbi_failure_reason();
        if (reason && std::string(reason) == "outofmem")
            fail(ErrorKind::limit_exceeded, "GIF needs more memory to decode than its size allows (a decompression bomb?)");
        fail(ErrorKind::bad_image, std::string("truncated or corrupt GIF (stb: ") + (reason ? reason : "no reason given") + ")");
    }
    if (width != size.width || height != size.height)
        fail(ErrorKind::bad_image, "corrupt GIF (the decoded size differs from the header's)");
    Pixels out{std::vector<std::uint8_t>(rgba.get(), rgba.get() + pixels * 4), width, height, 4};
    return out;
}

DecodeCost gif_decode_cost(std::span<const std::uint8_t> gif, Extent size) {
    const std::uint64_t pixels = std::uint64_t(size.width) * std::uint64_t(size.height);
    return {gif.size() + pixels * (4 + 4 + 1 + 4 + 3), 0};
}

}  // namespace vitrine::image
