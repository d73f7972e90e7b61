// opened_index.hpp — a catalogue index living in WASM memory, as the JS layer sees it.
//
//   auto index = OpenedIndex::open(uint8_array);     // null (see failure.hpp) if refused
//   index->search("brass lamp" or float32_array, {topK: 5, category: "lighting"});
//
// The index bytes are copied into linear memory once, 64-byte aligned — after the
// header alone has passed the core's check_index_header, so junk costs no memory — and
// the core opens them in place (vitrine::Index validates everything first); the object owns
// that copy until the JS side deletes it. Search and record return plain JS objects.
// Arguments arrive type-checked by the JS layer; values out of the core's contract
// (dims, top_k 0, min > max, a position past the end) are refused by the core itself.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "js_arrays.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::wasm {

// JS search options ({topK?, category?, ...}, type-checked by the JS layer) as the core's.
SearchOptions search_options_from(const emscripten::val& options);
// A record's fields set on a JS object (id, title, ..., metadata as its JSON text).
void set_record_fields(emscripten::val& out, const RecordView& record);

// {results: [hits]}, each hit {rank, id, score, position, title, ..., metadata (JSON text)};
// the records from anything with record(position): an Index, a WebIndex.
template <typename Records>
emscripten::val hits_to_js(const Records& records, const std::vector<SearchHit>& hits) {
    emscripten::val results = emscripten::val::array();
    for (std::size_t rank = 0; rank < hits.size(); ++rank) {
        emscripten::val hit = emscripten::val::object();
        hit.set("rank", rank + 1);
        hit.set("score", hits[rank].score);
        hit.set("position", hits[rank].position);
        set_record_fields(hit, records.record(hits[rank].position));
        results.set(rank, hit);
    }
    emscripten::val out = emscripten::val::object();
    out.set("results", results);
    return out;
}

class OpenedIndex {
public:
    static std::unique_ptr<OpenedIndex> open(const emscripten::val& bytes);

    // Not noexcept: Embind 3.1.6's property getters do not match noexcept member functions.
    std::uint32_t count() const { return index_.count(); }
    std::uint32_t dims() const { return index_.dims(); }
    std::uint32_t model_dims() const { return index_.spec().model_dims; }
    std::string storage() const;
    std::string model() const { return index_.model(); }
    std::string embedder() const;

    // query: a text (a storefront page, text_page_binding.hpp, on an index of the local
    // embedder) or a Float32Array; options: {topK?, category?, minPrice?, maxPrice?, ids?,
    // rescore?, rescoreFactor?} and for pages {facets?, filter?, sort?, offset?,
    // keywordWeight?, fusion?}. {results: [hits]} (pages add total, facets, facetStats),
    // each hit {rank, id, score, position, title, ..., metadata (its JSON text)}.
    emscripten::val search(const emscripten::val& query, const emscripten::val& options) const;
    // A page without a query (text_page_binding.hpp): the filtered catalogue, as search's pages.
    emscripten::val browse(const emscripten::val& options) const;
    // {id, title, description, image, category, price, metadata (its JSON text),
    //  preparedImage, thumbnail}
    emscripten::val record(std::uint32_t position) const;

    // For the other bindings (the hosted pipeline) that read the index.
    const Index& index() const noexcept { return index_; }

private:
    explicit OpenedIndex(AlignedBytes bytes);
    AlignedBytes bytes_;  // declared first: index_ views it
    Index index_;
};

}  // namespace vitrine::wasm
