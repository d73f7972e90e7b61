// web/pack_writer.cpp — an index into manifest, first pass and chunks. See vitrine/web/pack_writer.hpp.
#include "vitrine/web/pack_writer.hpp"

#include <algorithm>

#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/web/manifest.hpp"
#include "web/chunk_order.hpp"
#include "web/pack_files.hpp"

namespace vitrine {
namespace {

// The first first_pass_dims values of a product's vector as floats.
void vector_prefix(const Index& index, std::uint32_t position, std::span<float> out) {
    const std::uint8_t* row = index.vector_row(position);
    if (index.storage() == Storage::f32) {
        std::copy_n(reinterpret_cast<const float*>(row), out.size(), out.begin());
        return;
    }
    const auto* values = reinterpret_cast<const std::int8_t*>(row);
    const float scale = index.scale(position);
    for (std::size_t d = 0; d < out.size(); ++d) out[d] = static_cast<float>(values[d]) * scale;
}

}  // namespace

WebPack write_web_pack(const Index& index, const WebPackOptions& options) {
    if (index.storage() != Storage::f32 && index.storage() != Storage::int8)
        throw Error(ErrorKind::unsupported, "web pack: only f32 and int8 indexes can be packed, this one is " +
                                                std::string(to_string(index.storage())));
    if (index.spec().rescore)
        throw Error(ErrorKind::unsupported, "web pack: indexes with rescoring copies cannot be packed (build without --rescore)");
    if (options.first_pass_dims == 0 || options.first_pass_dims > index.dims())
        throw Error(ErrorKind::invalid_argument, "web pack: first_pass_dims must be in 1.." + std::to_string(index.dims()));
    if (options.chunk_products == 0) throw Error(ErrorKind::invalid_argument, "web pack: chunk_products must be at least 1");
    if (index.count() == 0) throw Error(ErrorKind::invalid_argument, "web pack: the index has no products");

    const std::uint32_t count = index.count();
    const std::uint32_t dims = options.first_pass_dims;
    std::vector<std::int8_t> rows(static_cast<std::size_t>(count) * dims, 0);
    std::vector<float> scales(count, 0.0f);
    std::vector<float> prefix(dims);
    for (std::uint32_t i = 0; i < count; ++i) {
        vector_prefix(index, i, prefix);
        if (l2_normalise(prefix))
            scales[i] = quantise_int8(prefix, std::span(rows).subspan(static_cast<std::size_t>(i) * dims, dims));
    }

    const std::uint32_t chunk_products = std::min(options.chunk_products, count);
    const std::vector<std::uint32_t> order = web::chunk_order(rows, scales, count, dims);
    std::vector<std::uint32_t> slots(count);
    for (std::uint32_t slot = 0; slot < count; ++slot) slots[order[slot]] = slot;

    WebPack pack;
    pack.first_pass.bytes = web::encode_first_pass(count, dims, rows, scales, slots);
    pack.first_pass.name = web::content_name(pack.first_pass.bytes);
    WebManifest m;
    m.model = index.model();
    m.model_dims = index.spec().model_dims;
    m.dims = index.dims();
    m.storage = index.storage();
    m.count = count;
    m.index_bytes = index.byte_size();
    m.first_pass_dims = dims;
    m.first_pass = {pack.first_pass.name, pack.first_pass.bytes.size()};
    m.chunk_products = chunk_products;
    for (std::uint32_t first = 0; first < count; first += chunk_products) {
        WebPackFile chunk;
        const std::span<const std::uint32_t> positions(order.data() + first, std::min(chunk_products, count - first));
        chunk.bytes = web::encode_chunk(index, first / chunk_products, positions);
        chunk.name = web::content_name(chunk.bytes);
        m.chunks.push_back({chunk.name, chunk.bytes.size()});
        pack.chunks.push_back(std::move(chunk));
    }
    if (options.single_file) {
        WebPackFile single{.name = {}, .bytes = pack.first_pass.bytes};
        for (const WebPackFile& chunk : pack.chunks) single.bytes.insert(single.bytes.end(), chunk.bytes.begin(), chunk.bytes.end());
        single.name = web::content_name(single.bytes);
        m.pack = WebPackFileRef{single.name, single.bytes.size()};
        pack.single = std::move(single);
    }
    pack.manifest_json = to_json(m);
    return pack;
}

}  // namespace vitrine
