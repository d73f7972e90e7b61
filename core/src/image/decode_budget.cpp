// image/decode_budget.cpp — decode costs from JPEG and PNG headers (see decode_budget.hpp).
#include "image/decode_budget.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "base/byte_io.hpp"
#include "image/image_error.hpp"
#include "image/jpeg_markers.hpp"

namespace vitrine::image {
namespace {

using Bytes = std::span<const std::uint8_t>;

constexpr std::uint64_t kCoefficientBlockBytes = 64 * 2;  // libjpeg's JCOEF is 16 bits
constexpr std::uint64_t kDecoderSlackBytes = 1 << 20;    // row buffers, tables, Huffman state: in the budget, not the costs

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return (a + b - 1) / b; }

// A JPEG's components as its frame header gives them, with their block counts.
struct Frame {
    std::uint64_t width = 0, height = 0;
    int count = 0;
    int id[4] = {};
    std::uint64_t blocks[4] = {};  // rounded up to whole MCUs, as libjpeg allocates them
};

Frame read_frame(Bytes body) {
    Frame frame;
    if (body.size() < 6) return frame;
    frame.height = bytes::load_be16(body.data() + 1);
    frame.width = bytes::load_be16(body.data() + 3);
    frame.count = std::min<int>(body[5], 4);
    if (body.size() < 6 + 3 * static_cast<std::size_t>(frame.count)) frame.count = 0;
    int h_max = 1, v_max = 1;
    for (int c = 0; c < frame.count; ++c) {
        h_max = std::max(h_max, body[7 + 3 * c] >> 4);
        v_max = std::max(v_max, body[7 + 3 * c] & 15);
    }
    for (int c = 0; c < frame.count; ++c) {
        frame.id[c] = body[6 + 3 * c];
        const std::uint64_t h = std::max(1, body[7 + 3 * c] >> 4), v = std::max(1, body[7 + 3 * c] & 15);
        const std::uint64_t wide = ceil_div(ceil_div(frame.width * h, h_max), 8);
        const std::uint64_t high = ceil_div(ceil_div(frame.height * v, v_max), 8);
        frame.blocks[c] = ceil_div(wide, h) * h * ceil_div(high, v) * v;
    }
    return frame;
}

// Blocks of the components a scan header names.
std::uint64_t scan_blocks(Bytes body, const Frame& frame) {
    std::uint64_t blocks = 0;
    const std::size_t count = body.empty() ? 0 : body[0];
    for (std::size_t i = 0; i < count && 1 + 2 * i < body.size(); ++i)
        for (int c = 0; c < frame.count; ++c)
            if (frame.id[c] == body[1 + 2 * i]) blocks += frame.blocks[c];
    return blocks;
}

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20) + " MiB"; }

}  // namespace

DecodeCost jpeg_decode_cost(Bytes jpeg, Extent target, int channels) {
    Frame frame;
    bool progressive = false;
    DecodeCost cost;
    for (std::size_t at = 2;;) {
        const jpeg::Step step = jpeg::next_segment(jpeg, at);
        if (step.status != jpeg::Status::segment) break;
        at = step.next;
        if (step.marker == 0xC0 || step.marker == 0xC1 || step.marker == 0xC2) {
            frame = read_frame(step.body);
            progressive = step.marker == 0xC2;
        } else if (step.marker == 0xDA) {
            cost.block_visits += scan_blocks(step.body, frame);
            at = jpeg::skip_entropy_coded_data(jpeg, at);
        }
    }
    std::uint64_t coefficients = 0;
    for (int c = 0; c < frame.count; ++c) coefficients += frame.blocks[c] * kCoefficientBlockBytes;
    const int source_width = static_cast<int>(frame.width), source_height = static_cast<int>(frame.height);
    const std::uint64_t m = scale_eighths({source_width, source_height}, target);
    const std::uint64_t decoded = ceil_div(frame.width * m, 8) * ceil_div(frame.height * m, 8) * static_cast<std::uint64_t>(channels);
    // The input (held throughout), the decoded image, then the shrink's output beside it
    // (at most as large).
    cost.bytes = jpeg.size() + (progressive ? coefficients : 0) + 2 * decoded;
    return cost;
}

DecodeCost png_decode_cost(Bytes png, int channels) {
    const std::uint64_t width = bytes::load_be32(png.data() + 16), height = bytes::load_be32(png.data() + 20);
    const std::uint64_t depth = png[24];
    const int colour_type = png[25];
    const bool interlaced = png.size() > 28 && png[28] == 1;
    const std::uint64_t samples = colour_type == 2 ? 3 : colour_type == 4 ? 2 : colour_type == 6 ? 4 : 1;
    const std::uint64_t sample_bytes = depth == 16 ? 2 : 1;
    const std::uint64_t pixels = width * height;
    // Inflated rows (their filter bytes, one a row, count in the slack).
    const std::uint64_t rows = height * ceil_div(width * samples * depth, 8);
    // stb sizes its inflate buffer for one pass's filter bytes; an interlaced file's
    // overflow that guess, and the buffer doubles.
    const std::uint64_t inflated = interlaced ? 2 * (rows + height) : rows;
    // The image stb builds, expanded (a palette to 3 or 4 samples) at its bit depth; an
    // interlaced file also holds one pass beside it (the largest is half the image).
    const std::uint64_t expanded = pixels * std::max<std::uint64_t>(colour_type == 3 ? 4 : samples,
                                                                    static_cast<std::uint64_t>(channels)) * sample_bytes;
    const std::uint64_t pass = interlaced ? expanded / 2 : 0;
    // Then an 8-bit copy when the depth or the channels asked for differ, and the copy
    // flattened onto white when there is alpha.
    const bool converts = depth == 16 || static_cast<std::uint64_t>(channels) != (colour_type == 3 ? 3 : samples);
    const std::uint64_t converted = converts ? pixels * static_cast<std::uint64_t>(channels) : 0;
    const std::uint64_t flattened = channels % 2 == 0 ? pixels * static_cast<std::uint64_t>(channels - 1) : 0;
    // stb's steps, each freeing what the next no longer needs: gathering the compressed
    // data (at most the file) and inflating it; building the image from the rows; the
    // 8-bit copy; the flattened copy. The input itself is held throughout.
    const std::uint64_t peak = std::max({png.size() + inflated, inflated + expanded + pass, expanded + converted,
                                         std::max(expanded, converted) + flattened});
    return {png.size() + peak, 0};
}

void check_decode_budget(const DecodeCost& cost, std::uint64_t max_pixels) {
    const std::uint64_t byte_budget = max_pixels > (UINT64_MAX - kDecoderSlackBytes) / kBytesPerPixel
                                          ? UINT64_MAX
                                          : max_pixels * kBytesPerPixel + kDecoderSlackBytes;
    if (cost.bytes > byte_budget)
        fail(ErrorKind::limit_exceeded, "decoding it would take " + mib(cost.bytes) + " of memory, over the budget of " +
                                            mib(byte_budget) + " (" + std::to_string(kBytesPerPixel) +
                                            " bytes for each of max_pixels, and 1 MiB)");
    const auto visit_budget = static_cast<std::uint64_t>(static_cast<double>(max_pixels) * kVisitsPerPixel);
    if (cost.block_visits > visit_budget)
        fail(ErrorKind::limit_exceeded, "its scans decode " + std::to_string(cost.block_visits) +
                                            " blocks in all, over the budget of " + std::to_string(visit_budget) +
                                            " (one for each of max_pixels): a progressive JPEG of very many scans");
}

}  // namespace vitrine::image
