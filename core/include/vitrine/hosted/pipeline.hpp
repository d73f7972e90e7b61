// vitrine/hosted/pipeline.hpp — the hosted search pipeline as a sans-I/O state machine:
// embed the query, retrieve candidates, rerank them in image-capped batches (all in flight
// at once), merge the scores or fall back to retrieval order, and answer a question from
// the products. It says what to send next and takes the answers back; a driver (libcurl
// natively, fetch in JS) only moves bytes, so both take every decision here.
//
//   vitrine::HostedPipeline pipeline(index, {.query = "red trail shoe"});
//   while (!pipeline.finished()) {
//       for (const vitrine::WantedImage& w : pipeline.wanted_images())     // photos first
//           pipeline.give_image(w.position, load_and_prepare(w.reference));
//       for (const vitrine::HostedCall& call : pipeline.calls())          // then calls, concurrently
//           try { pipeline.receive(call.id, post(call.path, call.body)); }
//           catch (const TransportError& e) { if (!call.falls_back) throw; pipeline.fail(call.id, e.what()); }
//   }
//   const vitrine::HostedOutcome& out = pipeline.outcome();  // results, reranked, rerank_error, warnings
//
// Steps, in order, each only when it applies:
// - the query: query_vector if given; else the text through /embeddings for a
//   hosted-model index (query_embedding.hpp), search_text for a local one (text_search.hpp);
//   image_query_vector (the photo's vector in the image field's space, photo_query.hpp) joins
//   the text's in one fused search over both fields (field_fusion.hpp, weights). An image
//   field of a hosted model gets its query from that model, beside the text's call: the
//   photo (query_image_url, in the chat form: image_embeddings_api.hpp) or, when the field
//   is a joint space of another model than the text's, the text (so "red shoes" finds red
//   shoes by their photo). A photo with no vector, no text and no hosted image field is
//   refused (there is no rule without one);
// - retrieval: retrieve_k candidates with rerank, top_k without (defaults.hpp). A text
//   alone (no photo, no vector given, no joint-space image call) retrieves a storefront page
//   (text_page.hpp: keywords and its vector fused, `page`'s options; total and facets in the
//   outcome), by the local embedder's vector or the hosted model's; else one search by vectors;
// - rerank: the candidates' photos (wanted_images), then one call per batch
//   (rerank_plan.hpp), every call out at once (at most max_calls_in_flight at a time,
//   defaults.hpp; a driver stops sending after a fallback). The first transport failure handed to
//   fail(), or a response the core refuses (bad_response, limit_exceeded) once all are
//   in, gives the retrieval order with reranked = false and the reason (rerank_merge.hpp);
//   no candidates: "there were no candidates to rerank";
// - answer (when `answer` is set): the ranked products' photos not yet given, then one
//   /chat/completions call (answer_request.hpp); the sources are the ranked products.
// A product whose photo could not be had (GivenImage::problem) goes as text alone and
// adds "<id>: <problem>; sent as text alone" to warnings, once per product, in retrieval
// order (then the answer's sources). The views in calls() and wanted_images() stay valid
// until the next give_image, receive or fail (ids and flags are plain values). An answer
// for a call no longer outstanding (after a fallback) is ignored.
//
// Throws (Error): invalid_argument for a request out of contract (resolve_depths, the
// query embedding's and plan_rerank's refusals, no text and no photo) and for an answer
// with no product to answer from; bad_response / limit_exceeded for an embeddings or chat
// response refused (there is nothing to fall back to there). A transport failure of a
// call that does not fall back is the driver's to report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vitrine/embed/query_embedding.hpp"
#include "vitrine/hosted/answer_request.hpp"
#include "vitrine/hosted/defaults.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/text_page.hpp"

namespace vitrine {

struct HostedRequest {
    std::string query = {};                               // the text; the question, for an answer
    std::optional<std::string> query_image_url = {};      // a prepared photo as a data URI (search by photo)
    std::optional<std::vector<float>> query_vector = {};  // retrieve by this instead of the text
    std::optional<std::vector<float>> image_query_vector = {};  // the photo, in the image field's space
    FieldWeights weights = {};                                  // of the fields, when both are searched
    SearchOptions filters = {};                           // category, prices, ids; top_k is the depths'
    PageOptions page = {};  // a text's storefront page: field filters, facets, sort, offset, fusion (its filters unused)
    std::optional<std::size_t> top_k = {};
    std::optional<std::size_t> retrieve_k = {};
    bool rerank = true;
    std::string rerank_model = std::string(default_rerank_model);
    std::optional<std::string> instruction = {};
    std::size_t max_images_per_request = default_max_images_per_request;
    std::optional<std::string> embedding_model = {};  // the name sent to /embeddings; unset: the index's
    QueryEmbeddingOptions embedding = {};
    std::optional<AnswerOptions> answer = {};  // set: answer the query from the ranked products
};

struct HostedCall {
    std::size_t id = 0;
    std::string_view path = {};  // after the base URL: "embeddings", "rerank" or "chat/completions"
    std::string_view body = {};  // JSON
    bool falls_back = false;     // a transport failure goes to fail() (the rerank's), not to the caller
};

struct WantedImage {
    std::uint32_t position = 0;
    std::string_view reference = {};  // which of the record's photos (image/product_photos.hpp: photo_to_send)
    bool prepared = false;            // the build-time photo: checked and sent as it is, not prepared again
};

struct GivenImage {
    std::optional<std::string> data_uri = {};  // the prepared photo, usually data:image/jpeg;base64,...
    std::string problem = {};                  // why there is none, when the product has a reference
};

struct HostedOutcome {
    RerankOutcome ranking = {};           // results best first; reranked; rerank_error when it fell back
    std::vector<std::string> warnings = {};
    std::optional<std::size_t> total = {};   // a storefront page's, without rerank: every match
    std::vector<FacetCounts> facets = {};    // and its facet counts, over every match
    std::optional<std::string> answer = {};  // the answer's text, with `answer` set
    std::vector<std::uint32_t> cited = {};   // positions the answer cites, in order of first citation
};

class HostedPipeline {
public:
    HostedPipeline(const Index& index, HostedRequest request);

    bool finished() const noexcept { return stage_ == Stage::finished; }
    std::vector<WantedImage> wanted_images() const;
    void give_image(std::uint32_t position, GivenImage image);
    std::vector<HostedCall> calls() const;
    void receive(std::size_t id, std::string_view body);
    void fail(std::size_t id, std::string_view reason);
    const HostedOutcome& outcome() const;  // refuses (invalid_argument) before finished()

private:
    enum class Stage { embedding, rerank_images, reranking, answer_images, answering, finished };
    struct Pending {
        std::size_t id;
        std::string path;
        std::string body;
        std::optional<std::string> response = {};
    };

    SearchOptions retrieval_options() const;
    void ask_image_field_query();
    void ask_text_query();
    bool retrieves_a_page() const;
    void embeddings_received();
    void retrieve_by(std::optional<std::vector<float>> text_vector);
    void retrieved(std::vector<RankedProduct> candidates);
    void after_images();
    void rank(RerankOutcome ranking);
    void ask_chat();
    void send(std::string path, std::string body);
    Pending* outstanding(std::size_t id);
    const GivenImage* given(std::uint32_t position) const;
    std::vector<std::uint32_t> missing_images() const;

    const Index& index_;
    HostedRequest request_;
    SearchDepths depths_;
    Stage stage_ = Stage::finished;
    std::vector<RankedProduct> retrieved_;
    std::vector<std::pair<std::uint32_t, GivenImage>> images_;
    std::vector<RerankCandidate> candidates_;
    std::vector<RerankBatch> batches_;
    std::vector<Pending> pending_;
    std::size_t next_id_ = 0;
    // The embedding stage's calls: the text field's query and the image field's.
    std::optional<std::size_t> text_call_, image_call_;
    std::optional<std::vector<float>> text_vector_;
    HostedOutcome outcome_;
};

}  // namespace vitrine
