// vitrine — command-line tool over the Vitrine core: build, inspect and search
// catalogue indexes (locally or through a hosted endpoint), answer questions
// from them, pack them for lazy loading on the web, make and apply delta updates between
// indexes, and prepare images for multimodal rerank calls. A failure ends in one stderr
// line and a non-zero exit; the API key is redacted from all output.
#include <cstdio>
#include <exception>
#include <string>

#include "arguments.hpp"
#include "commands.hpp"
#include "endpoint_options.hpp"

namespace {

constexpr const char* usage = R"(usage: vitrine <command> [options]

commands:
  build  --catalogue FILE.json|.jsonl|.csv --out FILE.vtx [--format json|jsonl|csv]
         [--map id=sku,title=name,...] [--storage f32|int8|binary] [--rescore]
         [--rescore-with f32|int8] [--dims N] [--images-out DIR [--strict]]
         [--vectors FILE.jsonl --model NAME]
         [--image-embedder local | --image-vectors FILE.jsonl --image-model NAME [--image-dims N]
          | --image-embed-model M [--image-dims N] [--image-embed-cache DIR] [--image-embed-concurrency 4]
            [--image-joint-space]]  (image embedders need --images-out)
         [--image-storage f32|int8]
         [--embed-model M [--embed-url BASE] [--embed-batch 32] [--embed-cache DIR]]
         [--shards N]  (also FILE.shard-I-of-N.vtx: the catalogue split by a hash of the id)
  info   FILE.vtx
  search FILE.vtx "query text" [--top-k K] [--category C] [--min-price X] [--max-price Y]
         [--ids ID,ID,...] [--query-vector FILE.json | --query-vectors BATCH.json] [--threads N] [--json]
         [--filter FIELD=A,B | --filter FIELD>=N ...] [--facet FIELD ...] [--sort price|-price|FIELD]
         [--offset N] [--keyword-weight 0.7] [--fusion convex|rrf] [--vector-floor F]
         [--image PHOTO | --image-query-vector FILE.json] [--text-weight 1] [--image-weight 1]
         [--rerank [--retrieve-k N] [--instruction TEXT] [--rerank-model M]
                   [--max-images 5] [--image-base DIR] [--any-image-path]]
  similar FILE.vtx PRODUCT_ID [--top-k K] [--category C] [--min-price X] [--max-price Y] [--ids ...]
         [--text-weight 1] [--image-weight 1] [--json]
  answer FILE.vtx "question" [--top-k 3] [--rerank [--retrieve-k N] ...] [--chat-model M]
         [--max-tokens 512] [--json]
  resize IN OUT [--max-edge 1024] [--quality 85] [--max-pixels 50000000] [--data-uri]
  web-pack FILE.vtx --out DIR [--first-pass-dims 64] [--chunk-products 16] [--single-file]
         (a lazily loaded web layout: manifest.json, an int8 first pass, content-named chunks)
  delta  OLD.vtx NEW.vtx --out DELTA [--level 19]   (a delta update: NEW's bytes against OLD's)
  apply-delta BASE.vtx DELTA --out NEW.vtx          (refuses a delta made for another base)

hosted endpoint (search, answer, build --embed-model / --image-embed-model):
  VITRINE_API_BASE=https://host/v1  VITRINE_API_KEY=...  (or --api-base URL)
  [--timeout 30] [--retries 3] [--query-template T] [--query-task TEXT]
  models: VITRINE_RERANK_MODEL, VITRINE_CHAT_MODEL (or --rerank-model, --chat-model)
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace vitrine::cli;
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const Args args(argv + 2, argv + argc);
    try {
        if (command == "build") return run_build(args);
        if (command == "info") return run_info(args);
        if (command == "search") return run_search(args);
        if (command == "similar") return run_similar(args);
        if (command == "answer") return run_answer(args);
        if (command == "resize") return run_resize(args);
        if (command == "web-pack") return run_web_pack(args);
        if (command == "delta") return run_delta(args);
        if (command == "apply-delta") return run_apply_delta(args);
        throw UsageError("unknown command '" + command + "' (try vitrine --help)");
    } catch (const UsageError& e) {
        std::fprintf(stderr, "vitrine %s: %s\n", command.c_str(), redact_api_key(e.what()).c_str());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vitrine %s: %s\n", command.c_str(), redact_api_key(e.what()).c_str());
        return 1;
    }
}
