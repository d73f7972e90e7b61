// rerank_job.cpp — candidates to planned batches, responses to one ranking
// (see rerank_job.hpp).
#include "rerank_job.hpp"

#include "failure.hpp"
#include "js_arrays.hpp"
#include "js_fields.hpp"
#include "vitrine/catalogue/product_text.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

val outcome_to_js(const RerankOutcome& outcome) {
    val results = val::array();
    for (const RankedProduct& product : outcome.results) {
        val result = val::object();
        result.set("position", product.position);
        result.set("score", product.retrieval_score ? val(*product.retrieval_score) : val::null());
        if (product.relevance_score) result.set("relevanceScore", *product.relevance_score);
        results.call<void>("push", result);
    }
    val out = val::object();
    out.set("results", results);
    out.set("reranked", outcome.reranked);
    if (!outcome.reranked) out.set("rerankError", outcome.rerank_error);
    return out;
}

}  // namespace

std::unique_ptr<RerankJob> RerankJob::plan(const OpenedIndex& index, const val& candidates, const val& options) {
    return guarded([&] {
        std::unique_ptr<RerankJob> job(new RerankJob());
        const auto length = candidates["length"].as<std::uint32_t>();
        for (std::uint32_t i = 0; i < length; ++i) {
            const val c = candidates[i];
            const auto position = c["position"].as<std::uint32_t>();
            job->candidates_.push_back({position, field<float>(c, "score"),
                                        rerank_document_text(index.index().record(position)),
                                        jpeg_data_uri_field(c, "image")});
        }
        RerankPlanOptions plan;
        plan.model = options["model"].as<std::string>();
        plan.query = options["query"].as<std::string>();
        plan.query_image_url = jpeg_data_uri_field(options, "queryImage");
        plan.instruction = field<std::string>(options, "instruction");
        plan.top_k = options["topK"].as<std::uint32_t>();
        plan.max_images_per_request = options["maxImagesPerRequest"].as<std::uint32_t>();
        job->batches_ = plan_rerank(job->candidates_, plan);
        job->top_k_ = plan.top_k;
        return job;
    });
}

val RerankJob::batches() const {
    val out = val::array();
    for (const RerankBatch& batch : batches_) {
        val candidates = val::array();
        for (const std::size_t c : batch.candidates) candidates.call<void>("push", c);
        val js = val::object();
        js.set("candidates", candidates);
        js.set("topN", batch.top_n);
        js.set("images", batch.images);
        js.set("body", to_js_utf8(batch.request_body));
        out.call<void>("push", js);
    }
    return out;
}

val RerankJob::merge(const val& bodies) const {
    return guarded([&] {
        return outcome_to_js(merge_rerank_responses(candidates_, batches_,
                                                    emscripten::vecFromJSArray<std::string>(bodies), top_k_));
    });
}

val RerankJob::fallback(const std::string& reason) const {
    return guarded([&] { return outcome_to_js(retrieval_order(candidates_, top_k_, reason)); });
}

}  // namespace vitrine::wasm
