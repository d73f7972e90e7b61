// vitrine answer — answers a question from the catalogue: retrieves the top-k
// products (optionally reranked), sends their text and photos with the question
// to the endpoint's /chat/completions, and prints the answer and its sources.
// --json prints {"answer", "sources": [ids], "cited": [ids]} (and "reranked",
// "rerank_error", "warnings" as search does).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"
#include "vitrine/hosted/pipeline.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/hosted_search.hpp"

namespace vitrine::cli {
namespace {

using nlohmann::json;

std::vector<std::uint32_t> sources_of(const HostedOutcome& outcome) {
    std::vector<std::uint32_t> positions;
    for (const RankedProduct& r : outcome.ranking.results) positions.push_back(r.position);
    return positions;
}

void print_text(const Index& index, const HostedOutcome& answer, bool reranking) {
    std::printf("%s\n\nsources:\n", answer.answer->c_str());
    const std::vector<std::uint32_t> sources = sources_of(answer);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const RecordView r = index.record(sources[i]);
        const bool cited = std::find(answer.cited.begin(), answer.cited.end(), sources[i]) != answer.cited.end();
        std::printf("  [%zu] %-12.*s  %.*s%s\n", i + 1, static_cast<int>(r.id.size()), r.id.data(),
                    static_cast<int>(r.title.size()), r.title.data(), cited ? "  (cited)" : "");
    }
    if (reranking && !answer.ranking.reranked)
        std::printf("note: not reranked, answered from retrieval order: %s\n", answer.ranking.rerank_error.c_str());
}

void print_json(const Index& index, const HostedOutcome& answer, bool reranking) {
    const auto ids = [&](const std::vector<std::uint32_t>& positions) {
        json list = json::array();
        for (const std::uint32_t p : positions) list.push_back(index.record(p).id);
        return list;
    };
    json out = {{"answer", *answer.answer}, {"sources", ids(sources_of(answer))}, {"cited", ids(answer.cited)}};
    if (reranking) {
        out["reranked"] = answer.ranking.reranked;
        if (!answer.ranking.reranked) out["rerank_error"] = answer.ranking.rerank_error;
    }
    if (!answer.warnings.empty()) out["warnings"] = answer.warnings;
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
    const bool reranking = args.has("rerank");
    if (!reranking)
        for (const char* option : {"retrieve-k", "instruction", "rerank-model", "max-images"})
            if (args.option(option)) throw UsageError(std::string("--") + option + " needs --rerank");
    HostedRequest request = hosted_request(args, question, 50);
    request.rerank = reranking;
    AnswerOptions& answer = request.answer.emplace();
    answer.model = model_setting(args, "chat-model", "VITRINE_CHAT_MODEL", default_chat_model);
    if (const auto tokens = args.integer("max-tokens", 1, 1 << 20)) answer.max_tokens = static_cast<int>(*tokens);

    const auto endpoint = open_endpoint(args, "answer");
    if (!endpoint) throw UsageError("answer needs an endpoint: set VITRINE_API_BASE (and VITRINE_API_KEY) or pass --api-base URL");
    native::EndpointClient& client = endpoint->client();

    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());
    const std::filesystem::path base =
        args.option("image-base").value_or(std::filesystem::absolute(args.positionals()[0]).parent_path().string());
    native::ProductImages images(index, base, &client, {}, image_paths(args));
    HostedPipeline pipeline(index, std::move(request));
    const HostedOutcome outcome = native::run_pipeline(pipeline, client, images);
    for (const std::string& warning : outcome.warnings) std::fprintf(stderr, "vitrine answer: note: %s\n", warning.c_str());
    if (args.has("json"))
        print_json(index, outcome, reranking);
    else
        print_text(index, outcome, reranking);
    return 0;
}

}  // namespace vitrine::cli
