// image/prepare.cpp — header check -> decode -> flatten -> shrink -> orient -> encode
// (see vitrine/image_prepare.hpp). The choices, in pipeline order:
//
// 1. The header decides first, before any decoder. A PNG's size is read from IHDR (the
//    first chunk, fixed layout). A JPEG's markers are walked to its end (entropy-coded
//    data skipped at memchr speed), which checks its structure, counts its scans and
//    finds its frame header (see "JPEG structure" below). No pixel memory exists until
//    width*height has passed max_pixels and width*height*channels the decoders' limits.
// 2. Decode to 8 bits a channel. A JPEG with libjpeg-turbo (jpeg_decode.hpp), as grey
//    or RGB, at the DCT scale that leaves the shrink at least 2x to do, by scanlines.
//    A PNG with stb_image: with alpha (grey+alpha or RGBA) when it has an alpha channel
//    or a tRNS chunk, because stb turns a tRNS colour key into alpha only then; an
//    opaque PNG as grey or RGB.
// 3. Flatten alpha onto white in sRGB, c*a + 255*(1 - a) rounded: what a browser shows on
//    a white page. Before resizing, so that the filter sees 1 or 3 plain channels and no
//    premultiply/unpremultiply (division by tiny alphas) happens in float.
// 4. Shrink, in the stored orientation, to the upright target with width and height
//    swapped for orientations 5..8 (image_shrink.hpp): in linear light, so fine detail
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

#include "image/orientation.hpp"
#include "image/shrink.hpp"
#include "image/jpeg_decode.hpp"
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

[[noreturn]] void fail(ErrorKind kind, const std::string& message) {
    throw Error(kind, "image: " + message);
}

enum class Format { jpeg, png };

const char* name_of(Format format) { return format == Format::jpeg ? "JPEG" : "PNG"; }

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

std::uint32_t load_be32(Bytes bytes, std::size_t at) {
    return (std::uint32_t{bytes[at]} << 24) | (std::uint32_t{bytes[at + 1]} << 16) |
           (std::uint32_t{bytes[at + 2]} << 8) | bytes[at + 3];
}

// Whether a PNG can hold transparent pixels: an alpha channel (colour types 4, 6) or a
// tRNS chunk, which comes before the first IDAT. When the chunks cannot be walked
// that far, assume it can: the decode then goes through the alpha path, which is
// right for every PNG, only slower.
bool png_may_be_transparent(Bytes png) {
    const int colour_type = png[25];
    if (colour_type == 4 || colour_type == 6) return true;
    static constexpr std::uint8_t kTrns[4] = {'t', 'R', 'N', 'S'}, kIdat[4] = {'I', 'D', 'A', 'T'};
    for (std::size_t at = 8; png.size() >= 12 && at <= png.size() - 12;) {
        const std::uint32_t length = load_be32(png, at);
        const auto type = png.begin() + static_cast<std::ptrdiff_t>(at + 4);
        if (std::equal(kTrns, kTrns + 4, type)) return true;
        if (std::equal(kIdat, kIdat + 4, type)) return false;
        if (length > png.size() - 12 - at) return true;
        at += 12 + length;
    }
    return true;
}

// Signature (8), then IHDR: length (4) = 13, "IHDR" (4), width (4), height (4),
// bit depth (1), colour type (1), ... stb_image checks the rest.
Header read_png_header(Bytes png) {
    if (png.size() < 26) fail(ErrorKind::bad_image, "truncated PNG (it ends inside the IHDR header)");
    static constexpr std::uint8_t kIhdr[4] = {'I', 'H', 'D', 'R'};
    if (load_be32(png, 8) != 13 || !std::equal(kIhdr, kIhdr + 4, png.begin() + 12))
        fail(ErrorKind::bad_image, "corrupt PNG (the first chunk is not a 13-byte IHDR)");
    const std::uint32_t width = load_be32(png, 16), height = load_be32(png, 20);
    if (width == 0 || height == 0) fail(ErrorKind::bad_image, "corrupt PNG (zero width or height)");
    const int colour_type = png[25];
    if (colour_type != 0 && colour_type != 2 && colour_type != 3 && colour_type != 4 && colour_type != 6)
        fail(ErrorKind::bad_image, "corrupt PNG (colour type " + std::to_string(colour_type) + ")");
    const bool grey = colour_type == 0 || colour_type == 4;
    const int colours = grey ? 1 : 3;
    return {Format::png, width, height, colours + (png_may_be_transparent(png) ? 1 : 0), png[24] == 16 ? 2 : 1};
}

// --- JPEG structure ------------------------------------------------------------------
// One walk over the markers, before libjpeg sees the file (entropy-coded data is skipped
// at memchr speed): it asks for a complete file (one frame header, tables defined before
// the scans that use them, every component scanned, an end-of-image marker), refuses
// kinds the decoder is not built for (12-bit, lossless, hierarchical, arithmetic-coded)
// and progressive files of more than kMaxScans scans (each scan walks every block, so
// thousands of tiny scans would cost minutes of CPU), and reads the size on the way.

constexpr unsigned kMaxScans = 256;  // libjpeg-turbo's own tools default to 500; encoders write about 10

[[noreturn]] void corrupt_jpeg(const std::string& why) { fail(ErrorKind::bad_image, "corrupt JPEG (" + why + ")"); }

[[noreturn]] void truncated_jpeg() {
    fail(ErrorKind::bad_image, "truncated JPEG (it ends before its end-of-image marker)");
}

struct JpegState {
    bool frame_seen = false;
    bool progressive = false;
    std::uint32_t width = 0, height = 0;
    int components = 0;
    std::uint8_t component_id[4] = {};
    std::uint8_t quant_table[4] = {};
    bool dc_defined[4] = {}, ac_defined[4] = {}, quant_defined[4] = {};
    unsigned scanned = 0;  // one bit per frame component
};

// SOF0/1/2: precision, height, width, component count, then id, sampling HV, table per component.
void read_frame_header(Bytes body, bool progressive, JpegState& state) {
    if (state.frame_seen) corrupt_jpeg("more than one frame header");
    if (body.size() < 6) corrupt_jpeg("short frame header");
    const int count = body[5];
    if (count != 1 && count != 3 && count != 4) corrupt_jpeg(std::to_string(count) + " components");
    if (body.size() != 6 + 3 * static_cast<std::size_t>(count)) corrupt_jpeg("frame header length");
    if (body[0] != 8) fail(ErrorKind::bad_image, "unsupported JPEG (" + std::to_string(body[0]) + "-bit samples)");
    state.height = (std::uint32_t{body[1]} << 8) | body[2];
    state.width = (std::uint32_t{body[3]} << 8) | body[4];
    if (state.width == 0 || state.height == 0) corrupt_jpeg("zero width or height (a DNL height is not supported)");
    int h_max = 1, v_max = 1;
    for (int i = 0; i < count; ++i) {
        const int h = body[7 + 3 * i] >> 4, v = body[7 + 3 * i] & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4) corrupt_jpeg("sampling factor out of 1..4");
        if (body[8 + 3 * i] > 3) corrupt_jpeg("quantization table number over 3");
        h_max = std::max(h_max, h);
        v_max = std::max(v_max, v);
        state.component_id[i] = body[6 + 3 * i];
        state.quant_table[i] = body[8 + 3 * i];
    }
    for (int i = 0; i < count; ++i)
        if (h_max % (body[7 + 3 * i] >> 4) != 0 || v_max % (body[7 + 3 * i] & 15) != 0)
            corrupt_jpeg("sampling factors that do not divide the largest");
    state.frame_seen = true;
    state.progressive = progressive;
    state.components = count;
}

// DHT: any number of (class/number, 16 code counts, symbols).
void read_huffman_tables(Bytes body, JpegState& state) {
    for (std::size_t at = 0; at < body.size();) {
        if (body.size() - at < 17) corrupt_jpeg("short Huffman table");
        const int table_class = body[at] >> 4, number = body[at] & 15;
        if (table_class > 1 || number > 3) corrupt_jpeg("Huffman table class or number");
        std::size_t codes = 0;
        for (int i = 1; i <= 16; ++i) codes += body[at + i];
        if (codes > 256) corrupt_jpeg("a Huffman table of more than 256 codes");
        if (body.size() - at - 17 < codes) corrupt_jpeg("short Huffman table");
        (table_class == 0 ? state.dc_defined : state.ac_defined)[number] = true;
        at += 17 + codes;
    }
}

// DQT: any number of (precision/number, 64 values of 1 or 2 bytes).
void read_quantization_tables(Bytes body, JpegState& state) {
    for (std::size_t at = 0; at < body.size();) {
        const int precision = body[at] >> 4, number = body[at] & 15;
        if (precision > 1 || number > 3) corrupt_jpeg("quantization table precision or number");
        const std::size_t size = precision == 0 ? 64 : 128;
        if (body.size() - at - 1 < size) corrupt_jpeg("short quantization table");
        state.quant_defined[number] = true;
        at += 1 + size;
    }
}

// SOS: component count, (id, DC/AC table) per component, spectral start/end, approximation.
void read_scan_header(Bytes body, JpegState& state) {
    if (!state.frame_seen) corrupt_jpeg("a scan before the frame header");
    if (body.empty()) corrupt_jpeg("short scan header");
    const std::size_t count = body[0];
    if (count < 1 || count > 4 || body.size() != 4 + 2 * count) corrupt_jpeg("scan header length");
    const int spectral_start = body[1 + 2 * count], high_bit = body[3 + 2 * count] >> 4;
    // Which Huffman tables a decoder reads in this kind of scan.
    const bool uses_dc = !state.progressive || (spectral_start == 0 && high_bit == 0);
    const bool uses_ac = !state.progressive || spectral_start > 0;
    for (std::size_t i = 0; i < count; ++i) {
        const int id = body[1 + 2 * i], dc = body[2 + 2 * i] >> 4, ac = body[2 + 2 * i] & 15;
        int component = 0;
        while (component < state.components && state.component_id[component] != id) ++component;
        if (component == state.components) corrupt_jpeg("a scan names an unknown component");
        if (dc > 3 || ac > 3) corrupt_jpeg("Huffman table number over 3");
        if ((uses_dc && !state.dc_defined[dc]) || (uses_ac && !state.ac_defined[ac]))
            corrupt_jpeg("a scan uses an undefined Huffman table");
        if (!state.quant_defined[state.quant_table[component]])
            corrupt_jpeg("a scan uses an undefined quantization table");
        state.scanned |= 1u << component;
    }
}

// From just after a scan header to the FF of the next marker that is not a restart.
std::size_t skip_entropy_coded_data(Bytes jpeg, std::size_t at) {
    while (at < jpeg.size()) {
        const void* found = std::memchr(jpeg.data() + at, 0xFF, jpeg.size() - at);
        if (!found) return jpeg.size();
        at = static_cast<std::size_t>(static_cast<const std::uint8_t*>(found) - jpeg.data());
        if (at + 1 >= jpeg.size()) return jpeg.size();
        const std::uint8_t next = jpeg[at + 1];
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) at += 2;  // stuffed FF, restart marker
        else if (next == 0xFF) at += 1;                               // fill byte
        else return at;
    }
    return at;
}

Header read_jpeg_header(Bytes jpeg) {
    JpegState state;
    unsigned scans = 0;
    std::size_t at = 2;  // after SOI
    for (;;) {
        if (at >= jpeg.size()) truncated_jpeg();
        if (jpeg[at] != 0xFF) corrupt_jpeg("no marker at byte " + std::to_string(at));
        while (at < jpeg.size() && jpeg[at] == 0xFF) ++at;
        if (at >= jpeg.size()) truncated_jpeg();
        const std::uint8_t marker = jpeg[at++];
        if (marker == 0xD9) break;                                            // EOI
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
        if (marker == 0x00 || marker == 0xD8) corrupt_jpeg("misplaced marker");
        if (jpeg.size() - at < 2) truncated_jpeg();
        const std::size_t length = (std::size_t{jpeg[at]} << 8) | jpeg[at + 1];  // counts itself
        if (length < 2) corrupt_jpeg("segment length below 2");
        if (length > jpeg.size() - at) truncated_jpeg();
        const Bytes body = jpeg.subspan(at + 2, length - 2);
        at += length;

        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) read_frame_header(body, marker == 0xC2, state);
        else if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            fail(ErrorKind::bad_image, "unsupported JPEG (lossless, hierarchical or arithmetic-coded)");
        else if (marker == 0xC4) read_huffman_tables(body, state);
        else if (marker == 0xDB) read_quantization_tables(body, state);
        else if (marker == 0xDA) {
            if (++scans > kMaxScans)
                fail(ErrorKind::limit_exceeded, "JPEG has more than " + std::to_string(kMaxScans) + " scans");
            read_scan_header(body, state);
            at = skip_entropy_coded_data(jpeg, at);
        }
    }
    if (!state.frame_seen) corrupt_jpeg("no frame header");
    if (state.scanned != (1u << state.components) - 1) corrupt_jpeg("a component is never scanned");
    return {Format::jpeg, state.width, state.height, state.components == 1 ? 1 : 3, 1};
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
    fail(ErrorKind::bad_image, "not a JPEG or PNG (first bytes " + first_bytes_hex(encoded) + ")");
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
    vitrine_stbi_cap_allocations(SIZE_MAX);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        if (reason && std::string_view(reason) == "outofmem")
            fail(ErrorKind::limit_exceeded, std::string(name_of(header.format)) +
                                                " needs more memory to decode than its size allows (a decompression bomb?)");
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
        const std::uint32_t length = load_be32(out, at);
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
    const int orientation = header.format == Format::jpeg ? read_exif_orientation(encoded) : 1;

    const Size stored{static_cast<int>(header.width), static_cast<int>(header.height)};
    const bool swap = image::orientation_swaps_axes(orientation);
    const Size source = swap ? Size{stored.height, stored.width} : stored;
    const Size target = fit_within(source, options.max_edge);
    const Size stored_target = swap ? Size{target.height, target.width} : target;

    StbPixels png_pixels;
    Pixels stage;  // owns `current` once a step has produced new pixels
    PixelView current;
    if (header.format == Format::jpeg) {
        stage = image::decode_jpeg(encoded, header.channels, {stored_target.width, stored_target.height});
        current = image::view_of(stage);
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
