// hosted_job.cpp — JS requests to HostedRequest, the pipeline's asks and outcome to JS
// values (see hosted_job.hpp).
#include "hosted_job.hpp"

#include "failure.hpp"
#include "js_arrays.hpp"
#include "js_fields.hpp"
#include "text_page_binding.hpp"
#include "vitrine/hosted/retry_policy.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/search/photo_query.hpp"

namespace vitrine::wasm {
namespace {

using emscripten::val;

template <typename T>
std::optional<std::size_t> count_field(const val& object, const char* name) {
    const auto value = field<T>(object, name);
    return value ? std::optional<std::size_t>(*value) : std::nullopt;
}

AnswerOptions answer_from(const val& js) {
    AnswerOptions answer;
    if (auto model = field<std::string>(js, "model")) answer.model = std::move(*model);
    if (auto prompt = field<std::string>(js, "systemPrompt")) answer.system_prompt = std::move(*prompt);
    if (auto tokens = field<int>(js, "maxTokens")) answer.max_tokens = tokens;
    return answer;
}

HostedRequest request_from(const Index& index, const val& js) {
    HostedRequest request;
    request.query = js["query"].as<std::string>();
    request.query_image_url = jpeg_data_uri_field(js, "queryImage");
    // The original photo retrieves by the image field too, when the index's image model is the
    // local descriptor (described as the CLI describes it: vitrine/search/photo_query.hpp).
    if (const val photo = js["queryPhoto"]; !photo.isUndefined() && index.image_field() &&
                                            index.image_field()->embedder == EmbedderKind::local_image)
        request.image_query_vector = local_photo_query(index, bytes_from_js(photo).view());
    if (auto weight = field<double>(js, "textWeight")) request.weights.text = static_cast<float>(*weight);
    if (auto weight = field<double>(js, "imageWeight")) request.weights.image = static_cast<float>(*weight);
    request.filters.category = field<std::string>(js, "category");
    request.filters.min_price = field<double>(js, "minPrice");
    request.filters.max_price = field<double>(js, "maxPrice");
    request.top_k = count_field<std::uint32_t>(js, "topK");
    request.retrieve_k = count_field<std::uint32_t>(js, "retrieveK");
    request.rerank = js["rerank"].as<bool>();
    if (auto model = field<std::string>(js, "rerankModel")) request.rerank_model = std::move(*model);
    request.instruction = field<std::string>(js, "instruction");
    if (auto images = count_field<std::uint32_t>(js, "maxImagesPerRequest")) request.max_images_per_request = *images;
    request.embedding_model = field<std::string>(js, "embeddingModel");
    request.embedding.query_template = field<std::string>(js, "queryTemplate");
    if (auto task = field<std::string>(js, "queryTask")) request.embedding.task = std::move(*task);
    if (const val answer = js["answer"]; !answer.isUndefined()) request.answer = answer_from(answer);
    request.page = page_options_from({}, js);
    return request;
}

}  // namespace

std::unique_ptr<HostedJob> HostedJob::start(const OpenedIndex& index, const val& request) {
    return guarded([&] {
        std::unique_ptr<HostedJob> job(new HostedJob(index));
        HostedRequest hosted = request_from(index.index(), request);
        job->sort_ = hosted.page.sort;
        job->pipeline_.emplace(index.index(), std::move(hosted));
        return job;
    });
}

val HostedJob::wanted_images() const {
    val out = val::array();
    for (const WantedImage& wanted : pipeline_->wanted_images()) {
        val js = val::object();
        js.set("position", wanted.position);
        js.set("reference", std::string(wanted.reference));
        js.set("prepared", wanted.prepared);
        out.call<void>("push", js);
    }
    return out;
}

val HostedJob::give_image(std::uint32_t position, const val& image) {
    return guarded([&] {
        pipeline_->give_image(position, {jpeg_data_uri_field(image, "jpeg"), field<std::string>(image, "problem").value_or("")});
        return val(true);
    });
}

val HostedJob::calls() const {
    val out = val::array();
    for (const HostedCall& call : pipeline_->calls()) {
        val js = val::object();
        js.set("id", call.id);
        js.set("path", std::string(call.path));
        js.set("body", to_js_utf8(std::string(call.body)));
        js.set("fallsBack", call.falls_back);
        out.call<void>("push", js);
    }
    return out;
}

val HostedJob::receive(std::uint32_t id, const std::string& body) {
    return guarded([&] {
        pipeline_->receive(id, body);
        return val(true);
    });
}

val HostedJob::fail(std::uint32_t id, const std::string& reason) {
    return guarded([&] {
        pipeline_->fail(id, reason);
        return val(true);
    });
}

val HostedJob::outcome() const {
    return guarded([&] {
        const HostedOutcome& outcome = pipeline_->outcome();
        val results = val::array();
        std::uint32_t rank = 0;
        for (const RankedProduct& product : outcome.ranking.results) {
            val result = index_.record(product.position);
            result.set("rank", ++rank);
            result.set("position", product.position);
            result.set("score", product.retrieval_score ? val(*product.retrieval_score) : val::null());
            if (product.relevance_score) result.set("relevanceScore", *product.relevance_score);
            results.call<void>("push", result);
        }
        val out = val::object();
        out.set("results", results);
        out.set("reranked", outcome.ranking.reranked);
        if (!outcome.ranking.rerank_error.empty()) out.set("rerankError", outcome.ranking.rerank_error);
        val warnings = val::array();
        for (const std::string& warning : outcome.warnings) warnings.call<void>("push", warning);
        out.set("warnings", warnings);
        if (outcome.total) {  // a storefront page: what merging shard pages needs, and the counts
            std::vector<SearchHit> hits;
            for (const RankedProduct& product : outcome.ranking.results)
                hits.push_back({product.position, product.retrieval_score.value_or(0.0f)});
            set_merge_fields(results, index_.index(), sort_, hits);
            set_page_counts(out, *outcome.total, outcome.facets);
        }
        if (outcome.answer) {
            out.set("answer", *outcome.answer);
            val cited = val::array();
            for (const std::uint32_t position : outcome.cited)
                cited.call<void>("push", std::string(index_.index().record(position).id));
            out.set("cited", cited);
        }
        return out;
    });
}

val resolve_depths(const val& top_k, const val& retrieve_k) {
    return guarded([&] {
        const auto optional = [](const val& js) {
            return js.isUndefined() || js.isNull() ? std::nullopt : std::optional<std::size_t>(js.as<std::uint32_t>());
        };
        const SearchDepths depths = vitrine::resolve_depths(optional(top_k), optional(retrieve_k));
        val out = val::object();
        out.set("topK", depths.top_k);
        out.set("retrieveK", depths.retrieve_k);
        return out;
    });
}

val hosted_defaults() {
    const RetryPolicy retry;
    const AnswerOptions answer;
    val out = val::object();
    out.set("rerankModel", std::string(default_rerank_model));
    out.set("chatModel", std::string(default_chat_model));
    out.set("topK", default_top_k);
    out.set("minRetrieveK", min_default_retrieve_k);
    out.set("maxImagesPerRequest", default_max_images_per_request);
    out.set("timeoutMs", default_timeout_seconds * 1000);
    out.set("maxPhotoFileBytes", static_cast<double>(max_photo_file_bytes));
    out.set("maxCallsInFlight", max_calls_in_flight);
    out.set("maxTokens", answer.max_tokens ? val(*answer.max_tokens) : val::null());
    out.set("retries", retry.max_retries);
    out.set("retryDelayMs", retry.base_delay * 1000);
    out.set("maxRetryDelayMs", retry.max_delay * 1000);
    out.set("maxRetryAfterMs", retry.max_retry_after * 1000);
    return out;
}

}  // namespace vitrine::wasm
