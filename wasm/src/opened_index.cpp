// opened_index.cpp — search and records of an index held in WASM memory (see opened_index.hpp).
#include "opened_index.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "failure.hpp"
#include "text_page_binding.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/text_search.hpp"

namespace vitrine::wasm {

using emscripten::val;

SearchOptions search_options_from(const val& js) {
    SearchOptions options;
    if (const val top_k = js["topK"]; !top_k.isUndefined()) options.top_k = top_k.as<std::uint32_t>();
    if (const val category = js["category"]; !category.isUndefined()) options.category = category.as<std::string>();
    if (const val min_price = js["minPrice"]; !min_price.isUndefined()) options.min_price = min_price.as<double>();
    if (const val max_price = js["maxPrice"]; !max_price.isUndefined()) options.max_price = max_price.as<double>();
    if (const val ids = js["ids"]; !ids.isUndefined()) options.ids = emscripten::vecFromJSArray<std::string>(ids);
    if (const val rescore = js["rescore"]; !rescore.isUndefined()) options.rescore = rescore.as<bool>();
    if (const val factor = js["rescoreFactor"]; !factor.isUndefined()) options.rescore_factor = factor.as<std::uint32_t>();
    return options;
}

// Metadata crosses as its JSON text and the JS layer parses it: a malformed text in
// a hostile index then fails in JS, not as a JS exception thrown through C++ frames.
void set_record_fields(val& out, const RecordView& r) {
    out.set("id", std::string(r.id));
    out.set("title", std::string(r.title));
    out.set("description", std::string(r.description));
    out.set("image", std::string(r.image));
    out.set("category", std::string(r.category));
    out.set("price", r.price ? val(*r.price) : val::null());
    out.set("metadata", std::string(r.metadata_json));
    out.set("preparedImage", std::string(r.prepared_image));
    out.set("thumbnail", std::string(r.thumbnail));
}

OpenedIndex::OpenedIndex(AlignedBytes bytes) : bytes_(std::move(bytes)), index_(Index::open(bytes_.view())) {}

// The header is checked from a copy of its own few bytes first, so junk (a wrong URL's
// HTML, a truncated download) is refused before the whole buffer grows linear memory,
// which never shrinks.
std::unique_ptr<OpenedIndex> OpenedIndex::open(const val& bytes) {
    return guarded([&] {
        const auto size = bytes["length"].as<std::size_t>();
        const AlignedBytes head = bytes_from_js(bytes.call<val>("subarray", 0, std::min(size, Index::header_bytes)));
        check_index_header(head.view(), size);
        return std::unique_ptr<OpenedIndex>(new OpenedIndex(bytes_from_js(bytes)));
    });
}

std::string OpenedIndex::storage() const { return to_string(index_.storage()); }

std::string OpenedIndex::embedder() const { return to_string(index_.spec().embedder); }

val OpenedIndex::search(const val& query, const val& options) const {
    return guarded([&] {
        const SearchOptions search_options = search_options_from(options);
        // A text on an index of the local embedder is a storefront page, as in the CLI.
        if (query.isString() && index_.spec().embedder != EmbedderKind::hosted)
            return search_page(index_, query.as<std::string>(), search_options, options);
        if (has_page_options(options))
            throw Error(ErrorKind::invalid_argument,
                        "search: facets, filter, sort, offset, keywordWeight and fusion need a text query on an index of the "
                        "local embedder");
        if (query.isString())  // a hosted model's index: search_text refuses, naming the model
            return hits_to_js(index_, search_text(index_, query.as<std::string>(), search_options));
        return hits_to_js(index_, vitrine::search(index_, floats_from_js(query), search_options));
    });
}

val OpenedIndex::browse(const val& options) const {
    return guarded([&] { return browse_page_js(index_, search_options_from(options), options); });
}

val OpenedIndex::record(std::uint32_t position) const {
    return guarded([&] {
        val out = val::object();
        set_record_fields(out, index_.record(position));
        return out;
    });
}

}  // namespace vitrine::wasm
