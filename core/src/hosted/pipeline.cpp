// hosted/pipeline.cpp — the hosted pipeline's stages: query vector, retrieval, photos,
// rerank batches with their merge or fallback, the answer. See vitrine/hosted/pipeline.hpp.
#include "vitrine/hosted/pipeline.hpp"

#include <algorithm>

#include "vitrine/base/error.hpp"
#include "vitrine/catalogue/product_text.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/keyword/tokens.hpp"
#include "vitrine/hosted/chat_api.hpp"
#include "vitrine/hosted/image_embeddings_api.hpp"
#include "vitrine/hosted/rerank_plan.hpp"
#include "vitrine/search/text_page.hpp"
#include "vitrine/search/text_search.hpp"

namespace vitrine {
namespace {

constexpr std::string_view embeddings_path = "embeddings";
constexpr std::string_view rerank_path = "rerank";
constexpr std::string_view chat_path = "chat/completions";

[[noreturn]] void refuse(const std::string& what) { throw Error(ErrorKind::invalid_argument, "hosted search: " + what); }

std::vector<RankedProduct> hits(const std::vector<SearchHit>& found) {
    std::vector<RankedProduct> out;
    for (const SearchHit& hit : found) out.push_back({hit.position, hit.score});
    return out;
}

// A product id's warning, once: "<id>: <problem>; sent as text alone".
void warn_text_only(std::vector<std::string>& warnings, std::string_view id, const std::string& problem) {
    if (problem.empty()) return;
    const std::string prefix = std::string(id) + ": ";
    if (std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) { return w.rfind(prefix, 0) == 0; }))
        return;
    warnings.push_back(prefix + problem + "; sent as text alone");
}

// The image field, when a hosted model embeds its queries.
const ImageFieldSpec* hosted_image_field(const Index& index) {
    const ImageFieldSpec* image = index.image_field();
    return image && image->embedder == EmbedderKind::hosted ? image : nullptr;
}

// The image model as a query embedding reads it: its name, stored and model dims.
IndexSpec image_query_spec(const ImageFieldSpec& image) {
    IndexSpec spec;
    spec.model = image.model;
    spec.dims = image.dims;
    spec.model_dims = image.model_dims;
    spec.embedder = EmbedderKind::hosted;
    return spec;
}

}  // namespace

SearchDepths resolve_depths(std::optional<std::size_t> top_k, std::optional<std::size_t> retrieve_k) {
    SearchDepths depths;
    depths.top_k = top_k.value_or(default_top_k);
    depths.retrieve_k = retrieve_k.value_or(std::max(min_default_retrieve_k, depths.top_k));
    if (depths.top_k == 0 || depths.retrieve_k == 0)
        throw Error(ErrorKind::invalid_argument, "top_k and retrieve_k must be at least 1");
    if (depths.retrieve_k < depths.top_k)
        throw Error(ErrorKind::invalid_argument, "retrieve_k (" + std::to_string(depths.retrieve_k) +
                                                     ") must be at least top_k (" + std::to_string(depths.top_k) + ")");
    return depths;
}

HostedPipeline::HostedPipeline(const Index& index, HostedRequest request)
    : index_(index), request_(std::move(request)), depths_(resolve_depths(request_.top_k, request_.retrieve_k)) {
    if (request_.query.empty() && !request_.query_image_url && !request_.query_vector && !request_.image_query_vector)
        refuse("there is neither a query text nor a photo");
    const bool photo_has_a_field = request_.image_query_vector || (hosted_image_field(index_) && request_.query_image_url);
    if (request_.query.empty() && !request_.query_vector && !photo_has_a_field)
        refuse("a photo alone retrieves by the index's image field, and this request has no vector for it (an index "
               "built with --image-embedder local, --image-vectors or --image-embed-model has one), or a query text");
    ask_image_field_query();
    ask_text_query();
    if (pending_.empty())
        embeddings_received();
    else
        stage_ = Stage::embedding;
}

// The image field's query from its hosted model: the photo, or the text in a joint space
// (unless the text field is that same space: field_query then searches both with the text's vector).
void HostedPipeline::ask_image_field_query() {
    const ImageFieldSpec* image = hosted_image_field(index_);
    if (!image || request_.image_query_vector) return;
    if (request_.query_image_url)
        send(std::string(embeddings_path), build_image_embedding_request(image->model, *request_.query_image_url));
    else if (image->joint_space && !request_.query.empty() && !fields_share_space(index_))
        send(std::string(embeddings_path), build_query_embedding_request(image_query_spec(*image), request_.query));
    else
        return;
    image_call_ = pending_.back().id;
}

// The text field's query: a given vector, the local embedder's, or a call to the index's model.
void HostedPipeline::ask_text_query() {
    if (request_.query_vector || request_.query.empty()) {
        text_vector_ = request_.query_vector;
    } else if (index_.spec().embedder != EmbedderKind::hosted) {
        if (!retrieves_a_page()) text_vector_ = local_text_query(index_, request_.query);  // a page embeds its own
    } else if (retrieves_a_page() && tokens(request_.query).empty()) {
        // No word: the page matches nothing, and the model is not asked.
    } else {
        IndexSpec spec = index_.spec();  // a server may name the model otherwise; the template follows the name sent
        if (request_.embedding_model) spec.model = *request_.embedding_model;
        send(std::string(embeddings_path), build_query_embedding_request(spec, request_.query, request_.embedding));
        text_call_ = pending_.back().id;
    }
}

// A text alone: the storefront's own ranking (keywords and the text's vector), so reranking
// reorders what plain search finds.
bool HostedPipeline::retrieves_a_page() const {
    return !request_.query.empty() && !request_.query_vector && !request_.image_query_vector && !image_call_;
}

// Every query vector is in: a storefront page, or one search over the fields they are for.
void HostedPipeline::embeddings_received() {
    for (Pending& p : pending_) {
        if (p.id == text_call_) {
            text_vector_ = parse_query_embedding_response(*p.response, index_.spec());
            continue;
        }
        try {
            request_.image_query_vector = parse_query_embedding_response(*p.response, image_query_spec(*index_.image_field()));
        } catch (const Error& e) {
            throw Error(e.kind(), "the image model's query embedding: " + std::string(e.what()));
        }
    }
    pending_.clear();
    if (!retrieves_a_page()) return retrieve_by(std::move(text_vector_));
    PageOptions page = request_.page;
    page.filters = retrieval_options();
    const std::span<const float> vector = text_vector_ ? std::span<const float>(*text_vector_) : std::span<const float>{};
    SearchPage found = search_text_page(index_, request_.query, page, vector);
    if (!request_.rerank) {  // a reranked list is the reranker's top, not a page of the matches
        outcome_.total = found.total;
        outcome_.facets = std::move(found.facets);
    }
    retrieved(hits(found.hits));
}

SearchOptions HostedPipeline::retrieval_options() const {
    SearchOptions options = request_.filters;
    options.top_k = request_.rerank ? depths_.retrieve_k : depths_.top_k;
    return options;
}

// Retrieval by the text's vector, the photo's, or both (one fused search over the fields).
void HostedPipeline::retrieve_by(std::optional<std::vector<float>> text_vector) {
    const FieldQuery query = field_query(index_, std::move(text_vector), request_.image_query_vector);
    retrieved(hits(search_fields(index_, query, retrieval_options(), request_.weights)));
}

// The candidates, in retrieval order: ranked as they are, or on to the reranker.
void HostedPipeline::retrieved(std::vector<RankedProduct> candidates) {
    retrieved_ = std::move(candidates);
    if (request_.answer && retrieved_.empty()) refuse("no products match the filters: there is nothing to answer from");
    if (!request_.rerank) return rank({retrieved_, false, {}});
    if (retrieved_.empty()) return rank({{}, false, "there were no candidates to rerank"});
    stage_ = Stage::rerank_images;
    if (missing_images().empty()) after_images();
}

std::vector<std::uint32_t> HostedPipeline::missing_images() const {
    std::vector<std::uint32_t> missing;
    const auto want = [&](std::uint32_t position) {
        if (!given(position)) missing.push_back(position);
    };
    if (stage_ == Stage::rerank_images)
        for (const RankedProduct& r : retrieved_) want(r.position);
    if (stage_ == Stage::answer_images)
        for (const RankedProduct& r : outcome_.ranking.results) want(r.position);
    return missing;
}

const GivenImage* HostedPipeline::given(std::uint32_t position) const {
    const auto it = std::find_if(images_.begin(), images_.end(), [&](const auto& entry) { return entry.first == position; });
    return it == images_.end() ? nullptr : &it->second;
}

std::vector<WantedImage> HostedPipeline::wanted_images() const {
    std::vector<WantedImage> wanted;
    for (const std::uint32_t position : missing_images()) {
        const PhotoToSend photo = photo_to_send(index_.record(position));
        wanted.push_back({position, photo.reference, photo.prepared});
    }
    return wanted;
}

void HostedPipeline::give_image(std::uint32_t position, GivenImage image) {
    const std::vector<std::uint32_t> missing = missing_images();
    if (std::find(missing.begin(), missing.end(), position) == missing.end())
        refuse("the photo of record " + std::to_string(position) + " was not asked for");
    images_.emplace_back(position, std::move(image));
    if (missing.size() == 1) after_images();
}

// Every photo wanted is in: the rerank batches go out, or the answer's call.
void HostedPipeline::after_images() {
    if (stage_ == Stage::answer_images) return ask_chat();
    for (const RankedProduct& r : retrieved_) {
        const RecordView record = index_.record(r.position);
        const GivenImage& image = *given(r.position);
        warn_text_only(outcome_.warnings, record.id, image.problem);
        candidates_.push_back({r.position, r.retrieval_score, rerank_document_text(record), image.data_uri});
    }
    RerankPlanOptions plan{request_.rerank_model,  request_.query,  request_.query_image_url, request_.instruction,
                           depths_.top_k,          request_.max_images_per_request};
    batches_ = plan_rerank(candidates_, plan);
    stage_ = Stage::reranking;
    for (const RerankBatch& batch : batches_) send(std::string(rerank_path), batch.request_body);
}

void HostedPipeline::rank(RerankOutcome ranking) {
    if (ranking.results.size() > depths_.top_k) ranking.results.resize(depths_.top_k);
    outcome_.ranking = std::move(ranking);
    pending_.clear();
    if (!request_.answer) {
        stage_ = Stage::finished;
        return;
    }
    stage_ = Stage::answer_images;
    if (missing_images().empty()) ask_chat();
}

void HostedPipeline::ask_chat() {
    std::vector<ChatContextItem> sources;
    for (const RankedProduct& r : outcome_.ranking.results) {
        const RecordView record = index_.record(r.position);
        const GivenImage& image = *given(r.position);
        warn_text_only(outcome_.warnings, record.id, image.problem);
        sources.push_back({answer_source_text(record), image.data_uri});
    }
    AnswerOptions options = *request_.answer;
    if (options.model.empty()) options.model = std::string(default_chat_model);
    stage_ = Stage::answering;
    send(std::string(chat_path), build_answer_request(options, request_.query, sources));
}

void HostedPipeline::send(std::string path, std::string body) {
    pending_.push_back({next_id_++, std::move(path), std::move(body)});
}

std::vector<HostedCall> HostedPipeline::calls() const {
    std::vector<HostedCall> out;
    for (const Pending& p : pending_)
        if (!p.response) out.push_back({p.id, p.path, p.body, stage_ == Stage::reranking});
    return out;
}

HostedPipeline::Pending* HostedPipeline::outstanding(std::size_t id) {
    if (id >= next_id_) refuse("call " + std::to_string(id) + " was never asked for");
    const auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.id == id; });
    return it == pending_.end() || it->response ? nullptr : &*it;
}

void HostedPipeline::receive(std::size_t id, std::string_view body) {
    Pending* call = outstanding(id);
    if (call == nullptr) return;
    if (stage_ == Stage::embedding) {
        call->response = std::string(body);
        if (calls().empty()) embeddings_received();
        return;
    }
    if (stage_ == Stage::answering) {
        std::string text = parse_chat_response(body);
        for (const std::size_t i : cited_sources(text, outcome_.ranking.results.size()))
            outcome_.cited.push_back(outcome_.ranking.results[i].position);
        outcome_.answer = std::move(text);
        pending_.clear();
        stage_ = Stage::finished;
        return;
    }
    call->response = std::string(body);
    if (!calls().empty()) return;
    std::vector<std::string> bodies;
    for (Pending& p : pending_) bodies.push_back(std::move(*p.response));
    try {
        rank(merge_rerank_responses(candidates_, batches_, bodies, depths_.top_k));
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::bad_response && e.kind() != ErrorKind::limit_exceeded) throw;
        rank(retrieval_order(candidates_, depths_.top_k, e.what()));
    }
}

void HostedPipeline::fail(std::size_t id, std::string_view reason) {
    if (outstanding(id) == nullptr) return;
    if (stage_ != Stage::reranking) refuse("only a rerank call falls back; report this failure instead");
    rank(retrieval_order(candidates_, depths_.top_k, reason.empty() ? "the rerank call failed" : reason));
}

const HostedOutcome& HostedPipeline::outcome() const {
    if (!finished()) refuse("the pipeline has not finished");
    return outcome_;
}

}  // namespace vitrine
