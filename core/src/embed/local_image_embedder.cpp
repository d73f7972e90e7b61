// embed/local_image_embedder.cpp — see vitrine/embed/local_image_embedder.hpp.
#include "vitrine/embed/local_image_embedder.hpp"

#include <array>
#include <cmath>

#include "image/jpeg_decode.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"

namespace vitrine {
namespace {

constexpr int grid = 4;
constexpr int bins = 4;                // per channel
constexpr int background_distance = 24;  // a pixel this close to the background colour (every channel) is background
constexpr double layout_weight = 0.7;  // the layout part's share; colour has the rest
constexpr std::size_t layout_values = grid * grid * 3;

// The background: the mean colour of the outermost ring of pixels, rounded down.
std::array<int, 3> background_colour(const image::Pixels& rgb) {
    std::array<std::uint64_t, 3> sum{};
    std::uint64_t n = 0;
    for (int y = 0; y < rgb.height; ++y) {
        for (int x = 0; x < rgb.width; ++x) {
            if (y != 0 && y != rgb.height - 1 && x != 0 && x != rgb.width - 1) continue;
            const std::uint8_t* p = rgb.data.data() + (static_cast<std::size_t>(y) * rgb.width + x) * 3;
            for (int c = 0; c < 3; ++c) sum[c] += p[c];
            ++n;
        }
    }
    return {static_cast<int>(sum[0] / n), static_cast<int>(sum[1] / n), static_cast<int>(sum[2] / n)};
}

// Scales `part` to unit length times `weight`; a zero part stays zero.
void weigh(std::span<double> part, double weight) {
    double norm = 0.0;
    for (const double v : part) norm += v * v;
    if (norm == 0.0) return;
    norm = std::sqrt(norm);
    for (double& v : part) v = v / norm * weight;
}

}  // namespace

std::vector<float> embed_image_local(std::span<const std::uint8_t> photo) {
    const PreparedImage thumbnail = prepare_image(photo, {.max_edge = local_image_edge, .quality = 95});
    const image::Pixels rgb = image::decode_jpeg(thumbnail.bytes, 3, {thumbnail.width, thumbnail.height});

    const std::array<int, 3> background = background_colour(rgb);
    std::array<std::int64_t, layout_values> ink{};  // summed background - pixel, per cell and channel
    std::array<std::uint64_t, grid * grid> cell_pixels{};
    std::array<std::uint64_t, bins * bins * bins> histogram{};
    std::uint64_t coloured = 0;
    for (int y = 0; y < rgb.height; ++y) {
        for (int x = 0; x < rgb.width; ++x) {
            const std::uint8_t* p = rgb.data.data() + (static_cast<std::size_t>(y) * rgb.width + x) * 3;
            const int cell = (y * grid / rgb.height) * grid + x * grid / rgb.width;
            ++cell_pixels[cell];
            bool near_background = true;
            for (int c = 0; c < 3; ++c) {
                const int difference = background[c] - p[c];
                ink[cell * 3 + c] += difference;
                near_background = near_background && difference <= background_distance && difference >= -background_distance;
            }
            if (near_background) continue;
            ++histogram[(p[0] * bins / 256) * bins * bins + (p[1] * bins / 256) * bins + p[2] * bins / 256];
            ++coloured;
        }
    }

    std::vector<double> values(local_image_dims, 0.0);
    for (std::size_t i = 0; i < layout_values; ++i)
        if (cell_pixels[i / 3]) values[i] = static_cast<double>(ink[i]) / (255.0 * static_cast<double>(cell_pixels[i / 3]));
    for (std::size_t b = 0; b < histogram.size(); ++b)
        if (coloured) values[layout_values + b] = std::sqrt(static_cast<double>(histogram[b]) / static_cast<double>(coloured));
    weigh(std::span(values).first(layout_values), layout_weight);
    weigh(std::span(values).subspan(layout_values), 1.0 - layout_weight);
    std::vector<float> out(local_image_dims);
    double norm = 0.0;
    for (const double v : values) norm += v * v;
    if (norm == 0.0) throw Error(ErrorKind::bad_image, "embed_image_local: the photo is blank (one colour, nothing to describe)");
    norm = std::sqrt(norm);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>(values[i] / norm);
    return out;
}

}  // namespace vitrine
