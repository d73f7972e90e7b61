#include "image/jpeg_decode.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include <jerror.h>
#include <jpeglib.h>

#include "vitrine/base/error.hpp"

namespace vitrine::image {
namespace {

// libjpeg reports errors through error_exit, which must not return: it throws, and the
// exception unwinds through libjpeg's C frames (unwind tables natively, WASM exception
// handling in the browser) to the Decompressor below, which destroys the decoder.
[[noreturn]] void refuse(j_common_ptr info) {
    if (info->err->msg_code == JERR_OUT_OF_MEMORY) throw std::bad_alloc();
    char message[JMSG_LENGTH_MAX] = {};
    (*info->err->format_message)(info, message);
    throw Error(ErrorKind::bad_image, std::string("image: corrupt JPEG (libjpeg: ") + message + ")");
}

// A warning (level -1) means corrupt data libjpeg would patch over with grey: refused.
// Trace messages (level >= 0) are dropped.
void refuse_warnings(j_common_ptr info, int level) {
    if (level < 0) refuse(info);
}

class Decompressor {
public:
    Decompressor() {
        info_.err = jpeg_std_error(&errors_);
        errors_.error_exit = refuse;
        errors_.emit_message = refuse_warnings;
        jpeg_create_decompress(&info_);
    }
    ~Decompressor() { jpeg_destroy_decompress(&info_); }
    Decompressor(const Decompressor&) = delete;
    Decompressor& operator=(const Decompressor&) = delete;
    jpeg_decompress_struct& operator*() noexcept { return info_; }

private:
    jpeg_error_mgr errors_{};
    jpeg_decompress_struct info_{};
};

// Adobe CMYK as libjpeg hands it over (inverted: 255 is no ink), to RGB: c * k / 255.
void cmyk_to_rgb(const std::uint8_t* cmyk, std::uint8_t* rgb, std::size_t pixels) {
    for (std::size_t i = 0; i < pixels; ++i, cmyk += 4, rgb += 3)
        for (int c = 0; c < 3; ++c) rgb[c] = static_cast<std::uint8_t>((cmyk[c] * cmyk[3] + 127) / 255);
}

}  // namespace

// Smallest M in 1..8 with ceil(edge * M / 8) >= 2 * target on both axes; 8 if none.
unsigned scale_eighths(Extent source, Extent target) {
    for (unsigned m = 1; m < 8; ++m) {
        const auto scaled = [m](int edge) { return (static_cast<long long>(edge) * m + 7) / 8; };
        if (scaled(source.width) >= 2LL * target.width && scaled(source.height) >= 2LL * target.height) return m;
    }
    return 8;
}

Pixels decode_jpeg(std::span<const std::uint8_t> jpeg, int channels, Extent target) {
    if (jpeg.size() > ULONG_MAX) throw Error(ErrorKind::limit_exceeded, "image: JPEG too large for libjpeg");
    Decompressor decompressor;
    jpeg_decompress_struct& info = *decompressor;
    jpeg_mem_src(&info, jpeg.data(), static_cast<unsigned long>(jpeg.size()));
    jpeg_read_header(&info, TRUE);

    const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = channels == 1 ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
    info.scale_num = scale_eighths({static_cast<int>(info.image_width), static_cast<int>(info.image_height)}, target);
    info.scale_denom = 8;
    info.dct_method = JDCT_ISLOW;  // integer: the same bits in every build
    jpeg_start_decompress(&info);

    const std::size_t width = info.output_width, height = info.output_height;
    const std::size_t decoded_channels = static_cast<std::size_t>(info.output_components);
    Pixels out{std::vector<std::uint8_t>(width * height * static_cast<std::size_t>(channels)), static_cast<int>(width),
               static_cast<int>(height), channels};
    std::vector<std::uint8_t> cmyk_rows(cmyk && channels == 3 ? width * decoded_channels * info.rec_outbuf_height : 0);
    while (info.output_scanline < info.output_height) {
        const std::size_t row = info.output_scanline;
        const std::size_t room = std::min<std::size_t>(info.rec_outbuf_height, height - row);
        JSAMPROW rows[16];
        for (std::size_t r = 0; r < room && r < 16; ++r)
            rows[r] = cmyk_rows.empty() ? out.data.data() + (row + r) * width * static_cast<std::size_t>(channels)
                                        : cmyk_rows.data() + r * width * decoded_channels;
        const std::size_t read = jpeg_read_scanlines(&info, rows, static_cast<JDIMENSION>(std::min<std::size_t>(room, 16)));
        if (!cmyk_rows.empty()) cmyk_to_rgb(cmyk_rows.data(), out.data.data() + row * width * 3, read * width);
    }
    jpeg_finish_decompress(&info);
    return out;
}

}  // namespace vitrine::image
