// index/int8_rescore.cpp — see int8_rescore.hpp.
#include "index/int8_rescore.hpp"

#include <string>

#include "base/byte_io.hpp"
#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void corrupt(const std::string& message) { throw Error(ErrorKind::corrupt_index, "index: " + message); }

}  // namespace

QuantisedRows quantise_rows(std::span<const float> unit_rows, std::size_t count, std::size_t dims) {
    QuantisedRows out{std::vector<std::uint8_t>(count * dims), std::vector<std::uint8_t>(count * sizeof(float))};
    for (std::size_t i = 0; i < count; ++i) {
        auto* q = reinterpret_cast<std::int8_t*>(out.values.data() + i * dims);
        const float scale = quantise_int8(unit_rows.subspan(i * dims, dims), {q, dims});
        bytes::store<float>(out.scales.data() + i * sizeof(float), scale);
    }
    return out;
}

bool check_int8_rescore(const Int8RescoreSections& found, std::uint64_t count, std::uint64_t dims, bool binary_storage,
                        bool has_f32_copies) {
    if (!found.values && !found.scales) return false;
    if (!found.values || !found.scales) corrupt("the rescore_int8 and rescore_scales sections come together; one is missing");
    if (!binary_storage) corrupt("int8 rescoring copies are only for binary storage");
    if (has_f32_copies) corrupt("an index has both f32 and int8 rescoring copies");
    if (found.values_length != count * dims)
        corrupt("the rescore_int8 section is " + std::to_string(found.values_length) + " bytes, expected " +
                std::to_string(count * dims));
    if (found.scales_length != count * sizeof(float))
        corrupt("the rescore_scales section is " + std::to_string(found.scales_length) + " bytes, expected " +
                std::to_string(count * sizeof(float)));
    for (std::uint64_t i = 0; i < count; ++i) {
        const float scale = bytes::load<float>(found.scales + i * sizeof(float));
        if (!(scale >= 0.0f && scale <= 1.0f / 127.0f))
            corrupt("rescore vector " + std::to_string(i) + " has an invalid int8 scale");
    }
    return true;
}

}  // namespace vitrine
