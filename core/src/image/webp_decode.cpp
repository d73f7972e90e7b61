// image/webp_decode.cpp — see webp_decode.hpp. libwebp is built without SIMD or threads
// (cmake/VitrineLibwebp.cmake): its plain C decodes to the same bytes natively and in
// WebAssembly. Output goes straight into a buffer sized from the header.
#include "image/webp_decode.hpp"

#include <cstring>
#include <new>
#include <string>

#include <src/webp/decode.h>
#include <src/webp/demux.h>

#include "vitrine/base/error.hpp"
#include "vitrine/image/exif.hpp"

namespace vitrine::image {
namespace {

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::bad_image, "image: " + message); }

std::string status_text(VP8StatusCode status) {
    switch (status) {
        case VP8_STATUS_NOT_ENOUGH_DATA: return "truncated WebP";
        case VP8_STATUS_UNSUPPORTED_FEATURE: return "WebP with a feature libwebp does not decode";
        default: return "corrupt WebP (libwebp status " + std::to_string(static_cast<int>(status)) + ")";
    }
}

}  // namespace

bool is_webp(std::span<const std::uint8_t> bytes) noexcept {
    return bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 && std::memcmp(bytes.data() + 8, "WEBP", 4) == 0;
}

WebpInfo read_webp_info(std::span<const std::uint8_t> webp) {
    WebPBitstreamFeatures features;
    const VP8StatusCode status = WebPGetFeatures(webp.data(), webp.size(), &features);
    if (status != VP8_STATUS_OK) fail(status_text(status) + " (its header cannot be read)");
    if (features.has_animation) fail("animated WebP (only a still WebP is decoded)");
    if (features.width <= 0 || features.height <= 0) fail("corrupt WebP (zero width or height)");
    return {features.width, features.height, features.has_alpha != 0};
}

int read_webp_orientation(std::span<const std::uint8_t> webp) noexcept {
    const WebPData data{webp.data(), webp.size()};
    WebPDemuxer* demuxer = WebPDemux(&data);
    if (demuxer == nullptr) return 1;
    int orientation = 1;
    WebPChunkIterator exif;
    if (WebPDemuxGetChunk(demuxer, "EXIF", 1, &exif)) {
        orientation = exif_block_orientation({exif.chunk.bytes, exif.chunk.size});
        WebPDemuxReleaseChunkIterator(&exif);
    }
    WebPDemuxDelete(demuxer);
    return orientation;
}

Pixels decode_webp(std::span<const std::uint8_t> webp, const WebpInfo& info) {
    const int channels = info.alpha ? 4 : 3;
    const std::size_t stride = static_cast<std::size_t>(info.width) * static_cast<std::size_t>(channels);
    Pixels out{std::vector<std::uint8_t>(stride * static_cast<std::size_t>(info.height)), info.width, info.height, channels};

    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) fail("libwebp refused its own configuration (version mismatch)");
    config.output.colorspace = info.alpha ? MODE_RGBA : MODE_RGB;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = out.data.data();
    config.output.u.RGBA.stride = static_cast<int>(stride);
    config.output.u.RGBA.size = out.data.size();
    const VP8StatusCode status = WebPDecode(webp.data(), webp.size(), &config);
    WebPFreeDecBuffer(&config.output);  // external memory: frees nothing of ours
    if (status == VP8_STATUS_OUT_OF_MEMORY) throw std::bad_alloc();
    if (status != VP8_STATUS_OK) fail(status_text(status));
    if (config.output.width != info.width || config.output.height != info.height)
        fail("corrupt WebP (the decoded size differs from the header's)");
    return out;
}

DecodeCost webp_decode_cost(std::span<const std::uint8_t> webp, const WebpInfo& info) {
    const std::uint64_t pixels = std::uint64_t(info.width) * std::uint64_t(info.height);
    return {webp.size() + pixels * ((info.alpha ? 4 : 3) + 4 + (info.alpha ? 3 : 0)), 0};
}

}  // namespace vitrine::image
