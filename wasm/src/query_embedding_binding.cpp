// query_embedding_binding.cpp — a text query through the index's hosted embedding
// model: the request body, and the response turned into the query vector (the
// core words it with the model's template and cuts it Matryoshka-style).
#include "failure.hpp"
#include "hosted_functions.hpp"
#include "js_arrays.hpp"
#include "js_fields.hpp"
#include "vitrine/embed/query_embedding.hpp"

namespace vitrine::wasm {

using emscripten::val;

val query_embedding_request(const OpenedIndex& index, const std::string& query, const val& options) {
    return guarded([&] {
        // A server may name the model otherwise than the index header; the template follows the name sent.
        IndexSpec spec = index.index().spec();
        if (auto model = field<std::string>(options, "model")) spec.model = std::move(*model);
        QueryEmbeddingOptions embedding;
        embedding.query_template = field<std::string>(options, "queryTemplate");
        if (auto task = field<std::string>(options, "task")) embedding.task = std::move(*task);
        return to_js_utf8(build_query_embedding_request(spec, query, embedding));
    });
}

val query_embedding_vector(const OpenedIndex& index, const std::string& body) {
    return guarded([&] { return to_js_float32_array(parse_query_embedding_response(body, index.index().spec())); });
}

}  // namespace vitrine::wasm
