// search/similar.cpp — a product's stored vectors as the query (see vitrine/search/similar.hpp).
#include "vitrine/search/similar.hpp"

#include <algorithm>
#include <string>

#include "base/byte_io.hpp"
#include "search/field_scan.hpp"
#include "search/search_steps.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

std::vector<float> read_int8(const std::uint8_t* row, std::size_t dims, float scale) {
    std::vector<float> out(dims);
    for (std::size_t d = 0; d < dims; ++d) out[d] = static_cast<float>(static_cast<std::int8_t>(row[d])) * scale;
    return out;
}

std::vector<float> read_f32(const std::uint8_t* row, std::size_t dims) {
    std::vector<float> out(dims);
    for (std::size_t d = 0; d < dims; ++d) out[d] = bytes::load<float>(row + d * sizeof(float));
    return out;
}

std::vector<float> stored_text_vector(const Index& index, std::uint32_t position) {
    const std::size_t dims = index.dims();
    if (index.spec().rescore)
        return index.spec().rescore_with == Storage::int8
                   ? read_int8(index.rescore_row(position), dims, index.rescore_scale(position))
                   : read_f32(index.rescore_row(position), dims);
    const std::uint8_t* row = index.vector_row(position);
    switch (index.storage()) {
        case Storage::int8: return read_int8(row, dims, index.scale(position));
        case Storage::binary: {
            std::vector<float> out(dims);
            for (std::size_t d = 0; d < dims; ++d) out[d] = (row[d / 8] >> (d % 8)) & 1 ? 1.0f : -1.0f;
            return out;
        }
        case Storage::f32: break;
    }
    return read_f32(row, dims);
}

bool has_direction(const std::vector<float>& values) {
    return std::any_of(values.begin(), values.end(), [](float v) { return v != 0.0f; });
}

}  // namespace

std::vector<SearchHit> similar(const Index& index, std::string_view id, const SearchOptions& options,
                               const FieldWeights& weights) {
    const auto position = index.find(id);
    if (!position) throw Error(ErrorKind::invalid_argument, "similar: no product has the id '" + std::string(id) + "'");
    FieldQuery query;
    if (auto text = stored_text_vector(index, *position); has_direction(text)) query.text = std::move(text);
    if (const auto row = index.image_row(*position)) {
        const std::size_t dims = index.image_field()->dims;
        auto image = index.image_field()->storage == Storage::int8
                         ? read_int8(index.image_vector(*row), dims, index.image_scale(*row))
                         : read_f32(index.image_vector(*row), dims);
        if (has_direction(image)) query.image = std::move(image);
    }
    if (!query.text && !query.image) {  // only an altered file stores a zero row: such a product has no neighbours
        check_search_options(options);
        return {};
    }
    return fused_scan(index, query, options, weights, *position);
}

}  // namespace vitrine
