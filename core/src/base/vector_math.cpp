#include "base/vector_math.hpp"

#include <algorithm>
#include <cmath>

namespace vitrine {

bool l2_normalise(std::span<float> values) noexcept {
    double sum = 0.0;
    for (float v : values) sum += static_cast<double>(v) * static_cast<double>(v);
    if (!(sum > 0.0) || !std::isfinite(sum)) return false;
    const double norm = std::sqrt(sum);
    for (float& v : values) v = static_cast<float>(static_cast<double>(v) / norm);
    return true;
}

float quantise_int8(std::span<const float> values, std::span<std::int8_t> out) noexcept {
    float max_abs = 0.0f;
    for (float v : values) max_abs = std::max(max_abs, std::fabs(v));
    if (max_abs == 0.0f) {
        std::fill(out.begin(), out.end(), std::int8_t{0});
        return 0.0f;
    }
    const float scale = max_abs / 127.0f;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double q = std::round(static_cast<double>(values[i]) / static_cast<double>(scale));
        out[i] = static_cast<std::int8_t>(std::clamp(q, -127.0, 127.0));
    }
    return scale;
}

void binarise(std::span<const float> values, std::span<std::uint8_t> out) noexcept {
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] > 0.0f) out[i / 8] = static_cast<std::uint8_t>(out[i / 8] | (1u << (i % 8)));
}

}  // namespace vitrine
