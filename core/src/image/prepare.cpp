// image/prepare.cpp — header check -> decode -> flatten -> shrink -> orient -> encode
// (see vitrine/image/prepare.hpp). The choices, in pipeline order:
//
// 1. The header decides first, before any decoder. A PNG's size is read from IHDR
//    (png_header.hpp), a WebP's by libwebp's header parser, a GIF's from its screen
//    descriptor. A JPEG's markers are walked to its end, which checks its
//    structure, counts its scans and finds its frame header (jpeg_markers.hpp). No pixel memory exists until
//    width*height has passed max_pixels, width*height*channels the decoders' limits, and
//    the decode's memory and block visits (coefficient buffers, 16-bit and interlaced rows,
//    scans x blocks) the budget max_pixels sets (decode_budget.hpp).
// 2. Decode to 8 bits a channel. A JPEG with libjpeg-turbo (jpeg_decode.hpp), as grey
//    or RGB, at the DCT scale that leaves the shrink at least 2x to do, by scanlines.
//    A WebP with libwebp (webp_decode.hpp), a GIF's first frame with stb_image
//    (gif_decode.hpp), both at full size, RGBA when they may hold transparency.
//    A PNG with stb_image: with alpha (grey+alpha or RGBA) when it has an alpha channel
//    or a tRNS chunk, because stb turns a tRNS colour key into alpha only then; an
//    opaque PNG as grey or RGB.
// 3. Flatten alpha onto white in sRGB, c*a + 255*(1 - a) rounded: what a browser shows on
//    a white page. Before resizing, so that the filter sees 1 or 3 plain channels and no
//    premultiply/unpremultiply (division by tiny alphas) happens in float.
// 4. Shrink, in the stored orientation, to the upright target with width and height
//    swapped for orientations 5..8 (shrink.hpp): in linear light, so fine detail
//    keeps its brightness (a black/white pixel checkerboard becomes sRGB 188, not 128);
//    a Catmull-Rom cubic (sharper than Mitchell-Netravali, within 0.5 dB of a Lanczos
//    reference on photos), after a box average of whole blocks where the image
//    shrinks 4x or more. Rounding the short edge: to nearest, at least 1 pixel.
// 5. Orient after shrinking: the same result, but moves the small image, not the big one.
// 6. Encode a baseline JPEG with stb_image_write (4:2:0 chroma up to quality 90, 4:4:4
//    above, stb's rule). Grey stays one channel throughout; stb_image_write has no
//    greyscale JPEG mode and writes it as YCbCr with neutral chroma.
//
// Native/WebAssembly parity: everything here is integer or a copy; the float code is
// stb_image_resize's and stb_image_write's plain single-precision arithmetic, which is
// exact IEEE under -ffp-contract=off and no fast-math; libjpeg-turbo decodes with its
// integer IDCTs and no SIMD in both builds. No threads, nothing read uninitialised.
#include "vitrine/image/prepare.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

// Declarations only (the implementation is stb_implementation.c), configured to match.
#define STBI_NO_STDIO
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "base/byte_io.hpp"
#include "image/decode_budget.hpp"
#include "image/image_error.hpp"
#include "image/jpeg_decode.hpp"
#include "image/jpeg_markers.hpp"
#include "image/gif_decode.hpp"
#include "image/orientation.hpp"
#include "image/webp_decode.hpp"
#include "image/png_header.hpp"
#include "image/shrink.hpp"
#include "image/stb_allocation_cap.h"
#include "vitrine/base/error.hpp"
#include "vitrine/image/exif.hpp"

namespace vitrine {
namespace {

using Bytes = std::span<const std::uint8_t>;
using image::Pixels;
using image::PixelView;

// stb_image takes the input length as an int, refuses an edge over STBI_MAX_DIMENSIONS
// (1 << 24) and a PNG over 2^30 decoded bytes. Checked here first so that they are
// reported as limits, with the sizes involved.
constexpr std::uint64_t kMaxInputBytes = INT_MAX;
constexpr std::uint64_t kMaxDecodedEdge = std::uint64_t{1} << 24;
constexpr std::uint64_t kMaxDecodedBytes = std::uint64_t{1} << 30;

using image::fail;

enum class Format { jpeg, png, webp, gif };

const char* name_of(Format format) {
    switch (format) {
        case Format::jpeg: return "JPEG";
        case Format::png: return "PNG";
        case Format::webp: return "WebP";
        case Format::gif: return "GIF";
    }
    return "image";
}

struct Header {
    Format format;
    std::uint32_t width;
    std::uint32_t height;
    int channels;          // what to ask stb_image for: 1 or 3, plus alpha for a PNG that may be transparent
    int bytes_per_sample;  // while decoding: 2 for a 16-bit PNG, else 1
};

void check_options(const PrepareOptions& options) {
    if (options.max_edge < 1 || options.max_edge > PrepareOptions::max_jpeg_edge)
        fail(ErrorKind::invalid_argument, "max_edge must be 1.." + std::to_string(PrepareOptions::max_jpeg_edge) +
                                              ", got " + std::to_string(options.max_edge));
    if (options.quality < 1 || options.quality > 100)
        fail(ErrorKind::invalid_argument, "quality must be 1..100, got " + std::to_string(options.quality));
    if (options.max_pixels < 1) fail(ErrorKind::invalid_argument, "max_pixels must be at least 1");
}

std::string first_bytes_hex(Bytes bytes) {
    std::string hex;
    for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 8); ++i) {
        char digits[4];
        std::snprintf(digits, sizeof digits, i ? " %02x" : "%02x", bytes[i]);
        hex += digits;
    }
    return hex;
}

Header read_png_header(Bytes png) {
    const image::png::Header ihdr = image::png::read_header(png);
    const int colours = ihdr.grey ? 1 : 3;
    return {Format::png, ihdr.width, ihdr.height, colours + (ihdr.may_be_transparent ? 1 : 0), ihdr.bit_depth == 16 ? 2 : 1};
}

Header read_jpeg_header(Bytes jpeg) {
    const image::jpeg::Structure jpeg_structure = image::jpeg::read_structure(jpeg);
    return {Format::jpeg, jpeg_structure.width, jpeg_structure.height, jpeg_structure.components == 1 ? 1 : 3, 1};
}

Header read_header(Bytes encoded) {
    if (encoded.empty()) fail(ErrorKind::bad_image, "empty input");
    if (encoded.size() > kMaxInputBytes)
        fail(ErrorKind::limit_exceeded, "input of " + std::to_string(encoded.size()) + " bytes is over the " +
                                            std::to_string(kMaxInputBytes) + "-byte limit of the decoder");
    static constexpr std::uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (encoded.size() >= 8 && std::equal(kPngSignature, kPngSignature + 8, encoded.begin()))
        return read_png_header(encoded);
    if (encoded.size() >= 2 && encoded[0] == 0xFF && encoded[1] == 0xD8) return read_jpeg_header(encoded);
    if (image::is_webp(encoded)) {
        const image::WebpInfo webp = image::read_webp_info(encoded);
        return {Format::webp, static_cast<std::uint32_t>(webp.width), static_cast<std::uint32_t>(webp.height),
                webp.alpha ? 4 : 3, 1};
    }
    if (image::is_gif(encoded)) {
        const image::Extent gif = image::read_gif_size(encoded);
        return {Format::gif, static_cast<std::uint32_t>(gif.width), static_cast<std::uint32_t>(gif.height), 4, 1};
    }
    fail(ErrorKind::bad_image, "not a JPEG, PNG, WebP or GIF (first bytes " + first_bytes_hex(encoded) + ")");
}

image::DecodeCost decode_cost(Bytes encoded, const Header& header, image::Extent target) {
    const int width = static_cast<int>(header.width), height = static_cast<int>(header.height);
    switch (header.format) {
        case Format::jpeg: return image::jpeg_decode_cost(encoded, target, header.channels);
        case Format::png: return image::png_decode_cost(encoded, header.channels);
        case Format::webp: return image::webp_decode_cost(encoded, {width, height, header.channels == 4});
        case Format::gif: return image::gif_decode_cost(encoded, {width, height});
    }
    return {};
}

void check_limits(const Header& header, const PrepareOptions& options) {
    const std::string size = std::to_string(header.width) + "x" + std::to_string(header.height);
    const std::uint64_t pixels = std::uint64_t{header.width} * header.height;  // < 2^64: both < 2^32
    if (pixels > options.max_pixels)
        fail(ErrorKind::limit_exceeded, size + " is " + std::to_string(pixels) + " pixels, over the limit of " +
                                            std::to_string(options.max_pixels));
    if (header.width > kMaxDecodedEdge || header.height > kMaxDecodedEdge)
        fail(ErrorKind::limit_exceeded,
             size + " has an edge over the decoder's limit of " + std::to_string(kMaxDecodedEdge) + " pixels");
    const std::uint64_t decoded_bytes =
        pixels * static_cast<std::uint64_t>(header.channels * header.bytes_per_sample);  // < 2^51
    if (decoded_bytes > kMaxDecodedBytes)
        fail(ErrorKind::limit_exceeded, size + " needs " + std::to_string(decoded_bytes) +
                                            " bytes decoded, over the decoder's limit of " +
                                            std::to_string(kMaxDecodedBytes));
}

struct StbFree {
    void operator()(stbi_uc* pixels) const noexcept { stbi_image_free(pixels); }
};
using StbPixels = std::unique_ptr<stbi_uc, StbFree>;

// No buffer stb needs for an image of this size comes near this: PNG image data
// (< 8 bytes a pixel plus a filter byte a row) in a buffer stb grows by doubling,
// JPEG component and coefficient buffers padded to 16-pixel blocks, the output.
std::size_t stb_allocation_cap(const Header& header) {
    const std::uint64_t padded = (std::uint64_t{header.width} + 16) * (std::uint64_t{header.height} + 16);
    return static_cast<std::size_t>(std::min<std::uint64_t>(padded * 16 + (1u << 20), SIZE_MAX));
}

StbPixels decode_png(Bytes encoded, const Header& header) {
    int width = 0, height = 0, file_channels = 0;
    vitrine_stbi_cap_allocations(stb_allocation_cap(header));
    vitrine_stbi_clear_failure_reason();
    StbPixels pixels(stbi_load_from_memory(encoded.data(), static_cast<int>(encoded.size()), &width, &height,
                                           &file_channels, header.channels));
    const bool over_cap = vitrine_stbi_cap_refused() != 0;
    vitrine_stbi_cap_allocations(SIZE_MAX);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        if (reason && std::string_view(reason) == "outofmem") {
            // The cap refused it: the file claims more than its size allows. Otherwise
            // memory itself ran out (the WASM heap could not grow): out_of_memory.
            if (!over_cap) throw std::bad_alloc();
            fail(ErrorKind::limit_exceeded, std::string(name_of(header.format)) +
                                                " needs more memory to decode than its size allows (a decompression bomb?)");
        }
        fail(ErrorKind::bad_image, std::string("truncated or corrupt ") + name_of(header.format) + " (stb: " +
                                       (reason ? reason : "no reason given") + ")");
    }
    if (static_cast<std::uint32_t>(width) != header.width || static_cast<std::uint32_t>(height) != header.height)
        fail(ErrorKind::bad_image, std::string("corrupt ") + name_of(header.format) +
                                       " (the decoded size differs from the header's)");
    return pixels;
}

std::uint8_t over_white(unsigned colour, unsigned alpha) {
    return static_cast<std::uint8_t>((colour * alpha + 255 * (255 - alpha) + 127) / 255);
}

// Grey+alpha -> grey, RGBA -> RGB.
Pixels flatten_onto_white(PixelView in) {
    const int colours = in.channels - 1;
    const std::size_t count = static_cast<std::size_t>(in.width) * static_cast<std::size_t>(in.height);
    Pixels out{std::vector<std::uint8_t>(count * static_cast<std::size_t>(colours)), in.width, in.height, colours};
    const std::uint8_t* src = in.data;
    std::uint8_t* dst = out.data.data();
    for (std::size_t i = 0; i < count; ++i, src += in.channels)
        for (int c = 0; c < colours; ++c) *dst++ = over_white(src[c], src[colours]);
    return out;
}

struct Size {
    int width;
    int height;
};

// Largest size with the same aspect whose longest edge is at most max_edge; never larger.
Size fit_within(Size size, int max_edge) {
    const int longest = std::max(size.width, size.height);
    if (longest <= max_edge) return size;
    const std::uint64_t to = static_cast<std::uint64_t>(max_edge), from = static_cast<std::uint64_t>(longest);
    const auto scale = [&](int edge) {  // round(edge * to / from), exactly, in integers
        const std::uint64_t twice = 2 * static_cast<std::uint64_t>(edge) * to;
        return std::max(1, static_cast<int>((twice + from) / (2 * from)));
    };
    return {scale(size.width), scale(size.height)};
}

struct JpegSink {
    std::vector<std::uint8_t> bytes;
    bool out_of_memory = false;
};

// Called from C: must not throw.
void append_to_sink(void* context, void* data, int size) noexcept {
    auto& sink = *static_cast<JpegSink*>(context);
    if (sink.out_of_memory || size <= 0) return;
    const auto* begin = static_cast<const std::uint8_t*>(data);
    try {
        sink.bytes.insert(sink.bytes.end(), begin, begin + size);
    } catch (const std::bad_alloc&) {
        sink.out_of_memory = true;
    }
}

std::vector<std::uint8_t> encode_jpeg(PixelView in, int quality) {
    JpegSink sink;
    // stb_image_write fails only on arguments checked above (size, channels): what is
    // left to go wrong is the sink running out of memory.
    if (!stbi_write_jpg_to_func(append_to_sink, &sink, in.width, in.height, in.channels, in.data, quality) ||
        sink.out_of_memory)
        throw std::bad_alloc();
    return std::move(sink.bytes);
}

// stb_image 2.27 takes a palette index past the end of the PLTE from a stack array it
// never filled. A copy of a palette PNG whose PLTE is padded to 256 entries of opaque
// black (what browsers show for such pixels) makes every index defined. stb checks no
// chunk CRC, so the CRC is left as it was; a PLTE of a length stb refuses is left too.
std::vector<std::uint8_t> with_full_palette(Bytes png) {
    static constexpr std::uint8_t kPlte[4] = {'P', 'L', 'T', 'E'}, kIdat[4] = {'I', 'D', 'A', 'T'};
    std::vector<std::uint8_t> out(png.begin(), png.end());
    for (std::size_t at = 8; out.size() >= 12 && at <= out.size() - 12;) {
        const std::uint32_t length = bytes::load_be32(out.data() + at);
        if (length > out.size() - 12 - at || std::equal(kIdat, kIdat + 4, out.begin() + at + 4)) break;
        if (std::equal(kPlte, kPlte + 4, out.begin() + at + 4)) {
            if (length % 3 == 0 && length < 768) {
                out.insert(out.begin() + static_cast<std::ptrdiff_t>(at + 8 + length), 768 - length, 0);
                for (int i = 0; i < 4; ++i) out[at + i] = static_cast<std::uint8_t>(768u >> (24 - 8 * i));
            }
            break;
        }
        at += 12 + length;
    }
    return out;
}

}  // namespace

PreparedImage prepare_image(std::span<const std::uint8_t> encoded, const PrepareOptions& options) {
    check_options(options);
    const Header header = read_header(encoded);
    check_limits(header, options);
    const int orientation = header.format == Format::jpeg   ? read_exif_orientation(encoded)
                            : header.format == Format::webp ? image::read_webp_orientation(encoded)
                                                            : 1;

    const Size stored{static_cast<int>(header.width), static_cast<int>(header.height)};
    const bool swap = image::orientation_swaps_axes(orientation);
    const Size source = swap ? Size{stored.height, stored.width} : stored;
    const Size target = fit_within(source, options.max_edge);
    const Size stored_target = swap ? Size{target.height, target.width} : target;
    image::check_decode_budget(decode_cost(encoded, header, {stored_target.width, stored_target.height}), options.max_pixels);

    StbPixels png_pixels;
    Pixels stage;  // owns `current` once a step has produced new pixels
    PixelView current;
    if (header.format == Format::jpeg) {
        stage = image::decode_jpeg(encoded, header.channels, {stored_target.width, stored_target.height});
        current = image::view_of(stage);
    } else if (header.format == Format::webp || header.format == Format::gif) {
        const int width = stored.width, height = stored.height;
        stage = header.format == Format::webp ? image::decode_webp(encoded, {width, height, header.channels == 4})
                                              : image::decode_gif_first_frame(encoded, {width, height});
        current = image::view_of(stage);
        if (current.channels == 4) {
            stage = flatten_onto_white(current);
            current = image::view_of(stage);
        }
    } else {
        const bool palette = encoded[25] == 3;
        png_pixels = palette ? decode_png(with_full_palette(encoded), header) : decode_png(encoded, header);
        current = {png_pixels.get(), stored.width, stored.height, header.channels};
        if (header.channels == 2 || header.channels == 4) {
            stage = flatten_onto_white(current);
            png_pixels.reset();
            current = image::view_of(stage);
        }
    }

    if (current.width != stored_target.width || current.height != stored_target.height) {
        stage = image::shrink(current, stored_target.width, stored_target.height);
        png_pixels.reset();
        current = image::view_of(stage);
    }

    if (orientation != 1) {
        stage = image::orient_upright(current, orientation);
        current = image::view_of(stage);
    }

    PreparedImage prepared;
    prepared.bytes = encode_jpeg(current, options.quality);
    prepared.width = target.width;
    prepared.height = target.height;
    prepared.source_width = source.width;
    prepared.source_height = source.height;
    return prepared;
}

}  // namespace vitrine
