// batch_search_binding.cpp — index.searchBatch: many query vectors in one pass (vitrine::search_batch).
//
//   searchBatch(openedIndex, floats, lengths, options)  ->  [{results: [hits]}, ...]
//
// `floats` is one Float32Array holding every query back to back; `lengths` is undefined
// (a count x dims matrix, the core checks it is whole rows) or each query's length (an
// array of vectors, so the core can name a query of the wrong length). `options` is one
// options object or an array of one per query, as the JS layer checked them. Answers are
// search()'s, bit for bit. WebAssembly has no threads here: the scan runs on this thread.
#include <emscripten/bind.h>

#include <span>
#include <vector>

#include "failure.hpp"
#include "js_arrays.hpp"
#include "opened_index.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/search/batch_search.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

val search_batch(const OpenedIndex& opened, const val& floats, const val& lengths, const val& options) {
    return guarded([&] {
        const std::vector<float> values = floats_from_js(floats);
        std::vector<SearchOptions> settings;
        if (options.isArray())
            for (const val& each : emscripten::vecFromJSArray<val>(options)) settings.push_back(search_options_from(each));
        else
            settings.push_back(search_options_from(options));

        std::vector<std::vector<SearchHit>> answers;
        if (lengths.isUndefined()) {
            answers = vitrine::search_batch(opened.index(), values, settings);
        } else {
            std::vector<std::span<const float>> queries;
            std::size_t at = 0;
            for (const std::size_t length : emscripten::vecFromJSArray<std::size_t>(lengths)) {
                if (length > values.size() - at) throw Error(ErrorKind::invalid_argument, "search batch: lengths exceed the values");
                queries.emplace_back(values.data() + at, length);
                at += length;
            }
            answers = vitrine::search_batch(opened.index(), queries, settings);
        }
        val out = val::array();
        for (std::size_t q = 0; q < answers.size(); ++q) out.set(q, hits_to_js(opened.index(), answers[q]));
        return out;
    });
}

}  // namespace
}  // namespace vitrine::wasm

EMSCRIPTEN_BINDINGS(vitrine_batch_search) {
    emscripten::function("searchBatch", &vitrine::wasm::search_batch);
}
