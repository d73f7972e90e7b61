// vitrine answer — answers a question from the catalogue: retrieves the top-k
// products (optionally reranked), sends their text and photos with the question
// to the endpoint's /chat/completions, and prints the answer and its sources.
// --json prints {"answer", "sources": [ids], "cited": [ids]} (and "reranked",
// "rerank_error", "warnings" as search does).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"
#include "vitrine/hosted/answer_request.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/hosted_answer.hpp"
#include "vitrine/native/hosted_search.hpp"

namespace vitrine::cli {
namespace {

using nlohmann::json;

void print_text(const Index& index, const native::HostedAnswer& answer, const RerankOutcome* rerank) {
    std::printf("%s\n\nsources:\n", answer.text.c_str());
    for (std::size_t i = 0; i < answer.sources.size(); ++i) {
        const RecordView r = index.record(answer.sources[i]);
        const bool cited = std::find(answer.cited.begin(), answer.cited.end(), answer.sources[i]) != answer.cited.end();
        std::printf("  [%zu] %-12.*s  %.*s%s\n", i + 1, static_cast<int>(r.id.size()), r.id.data(),
                    static_cast<int>(r.title.size()), r.title.data(), cited ? "  (cited)" : "");
    }
    if (rerank && !rerank->reranked)
        std::printf("note: not reranked, answered from retrieval order: %s\n", rerank->rerank_error.c_str());
}

void print_json(const Index& index, const native::HostedAnswer& answer, const RerankOutcome* rerank,
                const std::vector<std::string>& warnings) {
    const auto ids = [&](const std::vector<std::uint32_t>& positions) {
        json list = json::array();
        for (const std::uint32_t p : positions) list.push_back(index.record(p).id);
        return list;
    };
    json out = {{"answer", answer.text}, {"sources", ids(answer.sources)}, {"cited", ids(answer.cited)}};
    if (rerank) {
        out["reranked"] = rerank->reranked;
        if (!rerank->reranked) out["rerank_error"] = rerank->rerank_error;
    }
    if (!warnings.empty()) out["warnings"] = warnings;
    std::puts(out.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

}  // namespace

int run_answer(const Args& raw) {
    const Arguments args(raw,
                         with_endpoint_options({"top-k", "retrieve-k", "category", "min-price", "max-price",
                                                "instruction", "rerank-model", "chat-model", "max-images",
                                                "max-tokens", "query-template", "query-task", "image-base"}),
                         {"json", "rerank", "any-image-path"});
    if (args.positionals().size() != 2) throw UsageError("expected an index file and a question");
    const std::string question = args.positionals()[1];
    if (question.empty()) throw UsageError("the question is empty");
    if (!args.has("rerank"))
        for (const char* option : {"retrieve-k", "instruction", "rerank-model", "max-images"})
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs --rerank");
    const auto top_k = static_cast<std::size_t>(args.integer("top-k", 1, 50).value_or(3));
    const auto retrieve_k = static_cast<std::size_t>(
        args.integer("retrieve-k", 1, 1000).value_or(static_cast<long long>(std::max<std::size_t>(10, top_k))));
    if (retrieve_k < top_k) throw UsageError("--retrieve-k must be at least --top-k");
    AnswerOptions answer_options;
    answer_options.model = model_setting(args, "chat-model", "VITRINE_CHAT_MODEL", default_chat_model);
    answer_options.max_tokens = static_cast<int>(args.integer("max-tokens", 1, 1 << 20).value_or(512));

    const auto endpoint = open_endpoint(args, "answer");
    if (!endpoint) throw UsageError("answer needs an endpoint: set VITRINE_API_BASE (and VITRINE_API_KEY) or pass --api-base URL");
    native::EndpointClient& client = endpoint->client();

    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());
    QueryEmbeddingOptions query_options;
    query_options.query_template = args.option("query-template");
    if (auto task = args.option("query-task")) query_options.task = *task;
    SearchOptions options;
    options.category = args.option("category");
    options.min_price = args.number("min-price");
    options.max_price = args.number("max-price");
    options.top_k = args.has("rerank") ? retrieve_k : top_k;
    const auto retrieved = native::retrieve(index, native::embed_query(index, question, &client, query_options), options);
    if (retrieved.empty()) throw std::runtime_error("no products match the filters: there is nothing to answer from");

    const std::filesystem::path base =
        args.option("image-base").value_or(std::filesystem::absolute(args.positionals()[0]).parent_path().string());
    native::ProductImages images(index, base, &client, {},
                                 args.has("any-image-path") ? native::ImagePaths::anywhere : native::ImagePaths::under_base);
    std::vector<std::string> warnings;
    std::optional<RerankOutcome> rerank;
    std::vector<std::uint32_t> positions;
    if (args.has("rerank")) {
        const native::RerankSettings settings = rerank_settings(args, question, top_k);
        rerank = native::rerank_products(index, retrieved, settings, client, images, warnings);
        for (const RankedProduct& r : rerank->results) positions.push_back(r.position);
    } else {
        for (const native::Retrieved& r : retrieved) positions.push_back(r.position);
    }

    const native::HostedAnswer answer =
        native::answer_question(index, question, positions, answer_options, client, images, warnings);
    for (const std::string& warning : warnings) std::fprintf(stderr, "vitrine answer: note: %s\n", warning.c_str());
    const RerankOutcome* rerank_state = rerank ? &*rerank : nullptr;
    if (args.has("json"))
        print_json(index, answer, rerank_state, warnings);
    else
        print_text(index, answer, rerank_state);
    return 0;
}

}  // namespace vitrine::cli
