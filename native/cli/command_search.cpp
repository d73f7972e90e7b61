// vitrine search — exact top-k over an index, as a table or as JSON, optionally
// reranked through a hosted endpoint (text, or a photo with --image).
// A photo (--image PHOTO, prepared and described by the index's image model; or
// --image-query-vector FILE.json) searches the image field, over the whole catalogue,
// with or without --rerank; with a text too, both fields, fused by --text-weight and
// --image-weight (vitrine/search/field_fusion.hpp).
// --query-vectors runs a batch (a JSON array of vectors) in one pass over the vectors
// (vitrine::search_batch, on all cores unless --threads N) and prints JSON Lines.
// Queries the endpoint embeds go through the core's hosted pipeline, with or without
// --rerank: a text on a hosted-model index, a photo for a hosted image field (sent to its
// model), and a text for a joint-space hosted image field (sent to both models when an
// endpoint is set, so "red shoes" finds red shoes by their photo). With --rerank,
// a failing reranker never loses the results: they come back in retrieval
// order with "reranked": false and the reason.
// A text query is a storefront page
// (vitrine::search_text_page): keywords and vectors fused (--keyword-weight W,
// --fusion convex|rrf), --filter FIELD=A,B / FIELD>=N (repeatable), --facet FIELD
// (repeatable), --sort price|-price|FIELD, --offset N with --top-k as the page size,
// --vector-floor F, and a total; a query with no word in it finds nothing, which is not an
// error. A text alone on a hosted-model index is the same page, by the model's vector.
#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <thread>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"
#include "query_options.hpp"
#include "search_output.hpp"
#include "vitrine/image/data_uri.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/hosted/pipeline.hpp"
#include "vitrine/native/hosted_search.hpp"
#include "vitrine/search/batch_search.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/photo_query.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/text_page.hpp"
#include "vitrine/search/text_search.hpp"

namespace vitrine::cli {
namespace {

using nlohmann::json;

json read_json_file(const std::string& option, const std::string& path) {
    try {
        return json::parse(native::read_text_file(path));
    } catch (const json::exception& e) {
        throw UsageError("--" + option + " " + path + " is not valid JSON: " + e.what());
    }
}

std::vector<float> to_query(const json& array, const std::string& where) {
    if (!array.is_array()) throw UsageError(where + " must be a JSON array of numbers");
    std::vector<float> query;
    for (const json& value : array) {
        if (!value.is_number()) throw UsageError(where + " holds a value that is not a number");
        query.push_back(value.get<float>());
    }
    return query;
}

bool hosted_image_field(const Index& index) {
    return index.image_field() && index.image_field()->embedder == EmbedderKind::hosted;
}

// The photo's vector in the image field's space: --image-query-vector, or --image described
// by the index's local image model (the core prepares the photo first). A hosted image
// model's is the pipeline's to ask for.
std::optional<std::vector<float>> photo_query(const Index& index, const Arguments& args) {
    if (const auto path = args.option("image-query-vector")) {
        if (args.option("image")) throw UsageError("--image and --image-query-vector are two photo queries: pass one");
        return to_query(read_json_file("image-query-vector", *path), "--image-query-vector " + *path);
    }
    const auto photo = args.option("image");
    if (!photo || hosted_image_field(index)) return std::nullopt;
    try {
        return local_photo_query(index, native::read_file(*photo));
    } catch (const std::exception& e) {
        throw std::runtime_error("--image " + *photo + ": " + e.what());
    }
}

void print(const Index& index, const SearchOutput& output, bool as_json) {
    for (const std::string& warning : output.warnings) std::fprintf(stderr, "vitrine search: note: %s\n", terminal_safe(warning).c_str());
    if (as_json)
        print_json(index, output);
    else
        print_table(index, output);
}

// The storefront options (filters, facets, sort, page, fusion); any given outside a page is refused.
constexpr const char* page_options[] = {"filter", "facet", "sort", "offset", "keyword-weight", "fusion", "vector-floor"};

PageOptions page_options_from(const Arguments& args, SearchOptions filters) {
    PageOptions options;
    options.filters = std::move(filters);
    try {
        for (const std::string& filter : args.all("filter")) options.field_filters.push_back(parse_field_filter(filter));
    } catch (const Error& e) {
        throw UsageError(std::string("--filter: ") + e.what());
    }
    options.facets = args.all("facet");
    options.sort = parse_sort_order(args.option("sort").value_or(""));
    options.offset = static_cast<std::size_t>(args.integer("offset", 0, 1'000'000'000).value_or(0));
    if (const auto weight = args.number("keyword-weight")) {
        if (*weight < 0 || *weight > 1) throw UsageError("--keyword-weight must be from 0 to 1");
        options.fusion.keyword_weight = *weight;
    }
    if (const auto floor = args.number("vector-floor")) {
        if (*floor < -1 || *floor > 1) throw UsageError("--vector-floor must be from -1 to 1");
        options.fusion.vector_floor = static_cast<float>(*floor);
    }
    if (const auto name = args.option("fusion")) {
        const auto fusion = fusion_from_string(*name);
        if (!fusion) throw UsageError("--fusion must be convex or rrf");
        options.fusion.fusion = *fusion;
    }
    return options;
}

// Plain retrieval: one query, or a batch printed as JSON Lines.
int run_plain(const Index& index, const Arguments& args) {
    SearchOptions options = search_filters(args);
    options.top_k = static_cast<std::size_t>(args.integer("top-k", 1, 1'000'000).value_or(10));
    const bool as_json = args.has("json") || args.option("query-vectors");
    if (args.option("query-vector") || args.option("query-vectors"))
        for (const char* option : page_options)
            if (args.option(option))
                throw UsageError(std::string("--") + option + " needs a text query, not a query vector");
    const auto show = [&](const std::vector<SearchHit>& hits) {
        SearchOutput output;
        output.results = ranked_hits(hits);
        print(index, output, as_json);
    };
    if (args.option("query-vectors") && (args.option("image") || args.option("image-query-vector")))
        throw UsageError("--query-vectors cannot be combined with a photo query");
    std::optional<std::vector<float>> photo = args.option("query-vectors") ? std::nullopt : photo_query(index, args);
    if (const auto path = args.option("query-vector")) {
        auto text = to_query(read_json_file("query-vector", *path), "--query-vector " + *path);
        if (!photo) show(search(index, text, options));
        else show(search_fields(index, field_query(index, std::move(text), std::move(photo)), options, field_weights(args)));
    } else if (const auto path = args.option("query-vectors")) {
        const json batch = read_json_file("query-vectors", *path);
        if (!batch.is_array()) throw UsageError("--query-vectors " + *path + " must hold a JSON array of arrays");
        std::vector<std::vector<float>> queries;  // all checked before any is searched
        for (std::size_t i = 0; i < batch.size(); ++i)
            queries.push_back(to_query(batch[i], "--query-vectors entry " + std::to_string(i)));
        // One pass over the vectors for the whole batch, on every core unless --threads says otherwise.
        if (!args.option("threads"))
            options.threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, max_search_threads);
        const std::vector<std::span<const float>> rows(queries.begin(), queries.end());
        for (const auto& hits : search_batch(index, rows, std::span<const SearchOptions>(&options, 1))) show(hits);
    } else if (photo) {
        std::optional<std::vector<float>> text;
        if (args.positionals().size() > 1) text = local_text_query(index, args.positionals()[1]);
        show(search_fields(index, field_query(index, std::move(text), std::move(photo)), options, field_weights(args)));
    } else {
        if (args.positionals().size() < 2) throw UsageError("expected a query text, --image PHOTO or --query-vector FILE.json");
        const SearchPage page = search_text_page(index, args.positionals()[1], page_options_from(args, options));
        SearchOutput output;
        output.results = ranked_hits(page.hits);
        output.total = page.total;
        output.facets = page.facets;
        print(index, output, as_json);
    }
    return 0;
}

// Whether a search without --rerank needs the endpoint's models for its query vectors, and so
// goes through the core's pipeline: a text on a hosted-model index, a photo for a hosted image
// field, or a text for a joint-space hosted image field of another model (with an endpoint set;
// offline, such a text searches the text field alone).
bool needs_pipeline(const Index& index, const Arguments& args, bool has_endpoint) {
    if (args.option("query-vectors")) return false;
    if (args.option("image")) return hosted_image_field(index) || (args.positionals().size() > 1 && index.spec().embedder == EmbedderKind::hosted);
    if (args.option("query-vector") || args.positionals().size() < 2) return false;
    if (index.spec().embedder == EmbedderKind::hosted) return true;
    return has_endpoint && hosted_image_field(index) && index.image_field()->joint_space && !fields_share_space(index);
}

// Through the core's hosted pipeline: retrieve (retrieve-k candidates with --rerank, else top-k;
// the query's vectors from the endpoint's models), and with --rerank rerank them and keep top-k.
int run_through_pipeline(const Index& index, const std::string& index_path, const Arguments& args,
                         std::unique_ptr<Endpoint> endpoint, bool rerank) {
    if (args.option("query-vectors")) throw UsageError("--query-vectors cannot be combined with --rerank");
    const std::string text = args.positionals().size() > 1 ? args.positionals()[1] : "";
    const auto photo = args.option("image");
    if (photo || args.option("image-query-vector"))
        for (const char* option : page_options)
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs a text query alone (no photo)");
    if (text.empty() && !photo && !args.option("image-query-vector")) throw UsageError("expected a query text or --image PHOTO");
    HostedRequest request = hosted_request(args, text, 1000);
    request.filters = search_filters(args);
    request.rerank = rerank;
    request.page = page_options_from(args, {});
    if (!rerank) request.top_k = static_cast<std::size_t>(args.integer("top-k", 1, 1'000'000).value_or(10));
    if (!endpoint && rerank)
        throw UsageError("--rerank needs an endpoint: set VITRINE_API_BASE (and VITRINE_API_KEY) or pass --api-base URL");
    if (!endpoint && index.spec().embedder == EmbedderKind::hosted)
        throw UsageError("this index was built with the hosted model '" + index.model() +
                         "': set VITRINE_API_BASE (and VITRINE_API_KEY) to embed the query, or pass --query-vector FILE.json");
    if (!endpoint)
        throw UsageError("this index's image field was built with the hosted model '" + index.image_field()->model +
                         "': set VITRINE_API_BASE (and VITRINE_API_KEY) to embed the photo, or pass --image-query-vector FILE.json");
    if (photo && request.max_images_per_request < 2)
        throw UsageError("--max-images must be at least 2 with --image: the photo takes one");
    if (photo) {
        try {
            request.query_image_url = to_data_uri(prepare_image(native::read_file(*photo)).bytes);
        } catch (const std::exception& e) {
            throw std::runtime_error("--image " + *photo + ": " + e.what());
        }
    }
    // Candidates: by the text (or a given vector) and the photo's vector, over both fields.
    if (const auto path = args.option("query-vector"))
        request.query_vector = to_query(read_json_file("query-vector", *path), "--query-vector " + *path);
    if (index.image_field() || args.option("image-query-vector")) request.image_query_vector = photo_query(index, args);
    request.weights = field_weights(args);

    const std::filesystem::path base =
        args.option("image-base").value_or(std::filesystem::absolute(index_path).parent_path().string());
    native::ProductImages images(index, base, &endpoint->client(), {}, image_paths(args));
    HostedPipeline pipeline(index, std::move(request));
    HostedOutcome outcome = native::run_pipeline(pipeline, endpoint->client(), images);
    SearchOutput output;
    output.rerank_requested = rerank;
    output.results = std::move(outcome.ranking.results);
    output.reranked = outcome.ranking.reranked;
    output.rerank_error = std::move(outcome.ranking.rerank_error);
    output.warnings = std::move(outcome.warnings);
    output.total = outcome.total;
    output.facets = std::move(outcome.facets);
    print(index, output, args.has("json"));
    return 0;
}

}  // namespace

int run_search(const Args& raw) {
    const Arguments args(raw,
                         with_endpoint_options({"top-k", "category", "min-price", "max-price", "ids", "query-vector",
                                                "query-vectors", "threads", "retrieve-k", "instruction", "image", "rerank-model",
                                                "max-images", "query-template", "query-task", "image-base",
                                                "image-query-vector", "text-weight", "image-weight", "filter", "facet",
                                                "sort", "offset", "keyword-weight", "fusion", "vector-floor"}),
                         {"json", "rerank", "any-image-path"});
    if (args.positionals().empty()) throw UsageError("expected an index file");
    if (args.positionals().size() > 2) throw UsageError("unexpected argument '" + args.positionals()[2] + "'");
    if (args.has("rerank"))
        for (const char* option : page_options)
            if (args.option(option)) throw UsageError(std::string("--") + option + " cannot be combined with --rerank");
    if (!args.has("rerank"))
        for (const char* option : {"retrieve-k", "instruction", "rerank-model", "max-images", "image-base"})
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs --rerank");

    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());
    if (args.has("rerank") || needs_pipeline(index, args, endpoint_configured(args)))
        return run_through_pipeline(index, args.positionals()[0], args, open_endpoint(args, "search"), args.has("rerank"));
    return run_plain(index, args);
}

}  // namespace vitrine::cli
