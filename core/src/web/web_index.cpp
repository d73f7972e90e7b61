// web/web_index.cpp — first pass over the prefix, exact rescoring from chunks. See vitrine/web/web_index.hpp.
#include "vitrine/web/web_index.hpp"

#include <algorithm>

#include "base/byte_io.hpp"
#include "base/vector_math.hpp"
#include "search/kernels/kernels.hpp"
#include "search/search_steps.hpp"
#include "search/top_k.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/matryoshka.hpp"
#include "web/pack_files.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::invalid_argument, "web index: " + message); }

void check_options(const WebSearchOptions& options) {
    if (options.top_k == 0) refuse("top_k must be at least 1");
    if (options.candidates == 0) refuse("candidates must be at least 1");
}

// The query as search() scores with it: checked, then L2-normalised (unit_query's rule).
std::vector<float> unit(std::span<const float> query, std::uint32_t dims) {
    if (query.size() != dims)
        refuse("query has " + std::to_string(query.size()) + " dims, the pack has " + std::to_string(dims));
    std::vector<float> out(query.begin(), query.end());
    if (!l2_normalise(out)) refuse("query vector is zero or not finite");
    return out;
}

}  // namespace

struct WebIndex::Chunk {
    std::vector<std::uint8_t> bytes;
    web::ChunkView view;  // into bytes
};

struct WebIndex::Held {
    const web::ChunkView& view;
    std::uint32_t local;
};

web::FirstPassRows WebIndex::first() const { return {first_rows_, first_scales_, first_slots_}; }

WebIndex::WebIndex(WebIndex&&) noexcept = default;
WebIndex& WebIndex::operator=(WebIndex&&) noexcept = default;
WebIndex::~WebIndex() = default;

WebIndex WebIndex::open(std::string_view manifest_json, std::span<const std::uint8_t> first_pass_bytes) {
    WebIndex web;
    web.manifest_ = parse_web_manifest(manifest_json);
    const WebManifest& m = web.manifest_;
    web::check_pack_file(m.first_pass, first_pass_bytes, "web first pass " + m.first_pass.file);
    web.first_pass_bytes_.assign(first_pass_bytes.begin(), first_pass_bytes.end());
    const web::FirstPassRows rows = web::decode_first_pass(web.first_pass_bytes_, m);
    web.first_rows_ = rows.rows;
    web.first_scales_ = rows.scales;
    web.first_slots_ = rows.slots;
    for (std::uint32_t i = 0; i < m.chunks.size(); ++i)
        if (!web.chunk_numbers_.emplace(m.chunks[i].file, i).second)
            throw Error(ErrorKind::corrupt_index, "web manifest: chunk " + m.chunks[i].file + " is listed twice");
    web.chunks_.resize(m.chunks.size());
    return web;
}

WebFirstPass WebIndex::first_pass(std::span<const float> query, const WebSearchOptions& options) const {
    check_options(options);
    const std::vector<float> full = unit(query, manifest_.dims);
    const std::uint32_t dims = manifest_.first_pass_dims;
    std::vector<float> prefix;
    try {
        prefix = matryoshka_truncate(full, dims);
    } catch (const Error&) {
        refuse("the query's first " + std::to_string(dims) + " values (the first pass) are all zero");
    }
    std::vector<std::int8_t> q(dims);
    const float query_scale = quantise_int8(prefix, q);
    const kernels::KernelTable& k = kernels::active_kernels();
    TopK best(std::min<std::size_t>(std::max(options.candidates, options.top_k), manifest_.count));
    for (std::uint32_t i = 0; i < manifest_.count; ++i) {
        const std::int32_t dot = k.dot_i8(q.data(), first_rows_ + static_cast<std::size_t>(i) * dims, dims);
        best.offer(i, int8_score(dot, query_scale, bytes::load<float>(first_scales_ + std::size_t{i} * sizeof(float))));
    }
    WebFirstPass out;
    std::vector<bool> named(manifest_.chunks.size(), false);
    for (const SearchHit& hit : std::move(best).sorted()) {
        out.candidates.push_back(hit.position);
        const std::uint32_t chunk = web::slot_of(first(), hit.position) / manifest_.chunk_products;
        if (!named[chunk]) out.chunks.push_back(manifest_.chunks[chunk].file);
        named[chunk] = true;
    }
    return out;
}

void WebIndex::add_chunk(std::string_view file, std::span<const std::uint8_t> bytes) {
    const auto found = chunk_numbers_.find(std::string(file));
    if (found == chunk_numbers_.end()) refuse("the manifest lists no chunk " + std::string(file));
    if (chunks_[found->second]) return;
    const std::string what = "web chunk " + std::string(file);
    web::check_pack_file(manifest_.chunks[found->second], bytes, what);
    auto chunk = std::make_unique<Chunk>();
    chunk->bytes.assign(bytes.begin(), bytes.end());
    chunk->view = web::decode_chunk(chunk->bytes, manifest_, first(), found->second);
    chunk_bytes_held_ += chunk->bytes.size();
    chunks_[found->second] = std::move(chunk);
}

bool WebIndex::has_chunk(std::string_view file) const {
    const auto found = chunk_numbers_.find(std::string(file));
    return found != chunk_numbers_.end() && chunks_[found->second] != nullptr;
}

std::string_view WebIndex::chunk_file(std::uint32_t position) const {
    if (position >= manifest_.count)
        refuse("position " + std::to_string(position) + " is past the pack's " + std::to_string(manifest_.count));
    return manifest_.chunks[web::slot_of(first(), position) / manifest_.chunk_products].file;
}

WebIndex::Held WebIndex::held(std::uint32_t position) const {
    const std::string_view file = chunk_file(position);
    const std::uint32_t slot = web::slot_of(first(), position);
    const std::uint32_t number = slot / manifest_.chunk_products;
    if (!chunks_[number]) refuse("chunk " + std::string(file) + " (position " + std::to_string(position) + ") was not added");
    return {chunks_[number]->view, slot % manifest_.chunk_products};
}

std::vector<SearchHit> WebIndex::rescore(std::span<const float> query, const WebFirstPass& first,
                                         const WebSearchOptions& options) const {
    check_options(options);
    const std::vector<float> full = unit(query, manifest_.dims);
    for (const std::uint32_t position : first.candidates) held(position);  // every chunk first: all or nothing
    const kernels::KernelTable& k = kernels::active_kernels();
    const std::size_t dims = manifest_.dims;
    std::vector<std::int8_t> q;
    float query_scale = 0;
    if (manifest_.storage == Storage::int8) {
        q.resize(dims);
        query_scale = quantise_int8(full, q);
    }
    TopK best(std::min<std::size_t>(options.top_k, manifest_.count));
    for (const std::uint32_t position : first.candidates) {
        const auto [view, local] = held(position);
        const std::uint8_t* row = view.rows + local * web::row_bytes(manifest_);
        if (manifest_.storage == Storage::f32) {
            // Rows start 24 + 4 x products bytes into a heap buffer, so f32 rows are 4-byte aligned.
            best.offer(position, k.dot_f32(full.data(), reinterpret_cast<const float*>(row), dims));
        } else {
            const std::int32_t dot = k.dot_i8(q.data(), reinterpret_cast<const std::int8_t*>(row), dims);
            best.offer(position, int8_score(dot, query_scale, bytes::load<float>(view.scales + local * sizeof(float))));
        }
    }
    return std::move(best).sorted();
}

RecordView WebIndex::record(std::uint32_t position) const {
    const auto [view, local] = held(position);
    return view.records[local];
}

}  // namespace vitrine
