// vitrine — command-line tool over the Vitrine core: build, inspect and search
// catalogue indexes, and prepare images for multimodal rerank calls.
#include <cstdio>
#include <exception>
#include <string>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/error.hpp"

namespace {

constexpr const char* usage = R"(usage: vitrine <command> [options]

commands:
  build  --catalogue FILE.json --out FILE.vtx [--storage f32|int8] [--dims N]
         [--vectors FILE.jsonl --model NAME]
  info   FILE.vtx
  search FILE.vtx "query text" [--top-k K] [--category C] [--min-price X] [--max-price Y]
         [--ids ID,ID,...] [--query-vector FILE.json | --query-vectors BATCH.json] [--json]
  resize IN OUT [--max-edge 1024] [--quality 85] [--max-pixels 50000000] [--data-uri]
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
        if (command == "resize") return run_resize(args);
        throw UsageError("unknown command '" + command + "' (try vitrine --help)");
    } catch (const UsageError& e) {
        std::fprintf(stderr, "vitrine %s: %s\n", command.c_str(), e.what());
        return 2;
    } catch (const vitrine::Error& e) {
        std::fprintf(stderr, "vitrine %s: %s\n", command.c_str(), e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vitrine %s: %s\n", command.c_str(), e.what());
        return 1;
    }
}
