// vitrine search — exact top-k over an index, as a table or as JSON.
// Scores in JSON carry 9 significant digits: exactly the float32 the core computed.
// --query-vectors runs a batch (a JSON array of vectors) and prints JSON Lines.
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/error.hpp"
#include "vitrine/index_reader.hpp"
#include "vitrine/local_embedder.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/search.hpp"

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

// The queries to run: one from the text or --query-vector, or a batch from --query-vectors.
std::vector<std::vector<float>> queries(const Index& index, const Arguments& args) {
    if (const auto path = args.option("query-vector"))
        return {to_query(read_json_file("query-vector", *path), "--query-vector " + *path)};
    if (const auto path = args.option("query-vectors")) {
        const json batch = read_json_file("query-vectors", *path);
        if (!batch.is_array()) throw UsageError("--query-vectors " + *path + " must hold a JSON array of arrays");
        std::vector<std::vector<float>> out;
        for (std::size_t i = 0; i < batch.size(); ++i)
            out.push_back(to_query(batch[i], "--query-vectors entry " + std::to_string(i)));
        return out;
    }
    if (args.positionals().size() < 2) throw UsageError("expected a query text or --query-vector FILE.json");
    if (index.spec().embedder != EmbedderKind::local_hashing)
        throw UsageError("this index was built with the hosted model '" + index.model() +
                         "': pass the query embedding with --query-vector FILE.json");
    return {embed_local(args.positionals()[1], index.dims())};
}

std::vector<std::string> split_ids(const std::string& list) {
    std::vector<std::string> ids;
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        if (end > start) ids.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return ids;
}

// A double whose shortest decimal form is the float's 9-significant-digit form,
// so the JSON printer writes a number that parses back to the same float32.
double round_trip_float(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
    return std::strtod(text, nullptr);
}

void print_json(const Index& index, const std::vector<SearchHit>& hits) {
    json results = json::array();
    for (std::size_t rank = 0; rank < hits.size(); ++rank) {
        const RecordView r = index.record(hits[rank].position);
        results.push_back({{"rank", rank + 1},
                           {"id", r.id},
                           {"score", round_trip_float(hits[rank].score)},
                           {"position", hits[rank].position},
                           {"title", r.title},
                           {"category", r.category},
                           {"price", r.price},
                           {"image", r.image}});
    }
    std::puts(json{{"results", results}}.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

void print_table(const Index& index, const std::vector<SearchHit>& hits) {
    std::printf("%4s  %-7s  %-12s  %9s  %-12s  %s\n", "rank", "score", "id", "price", "category", "title");
    for (std::size_t rank = 0; rank < hits.size(); ++rank) {
        const RecordView r = index.record(hits[rank].position);
        std::printf("%4zu  %7.4f  %-12.*s  %9.2f  %-12.*s  %.*s\n", rank + 1, static_cast<double>(hits[rank].score),
                    static_cast<int>(r.id.size()), r.id.data(), r.price, static_cast<int>(r.category.size()),
                    r.category.data(), static_cast<int>(r.title.size()), r.title.data());
    }
    if (hits.empty()) std::puts("(no matching products)");
}

}  // namespace

int run_search(const Args& raw) {
    const Arguments args(raw, {"top-k", "category", "min-price", "max-price", "ids", "query-vector", "query-vectors"},
                         {"json"});
    if (args.positionals().empty()) throw UsageError("expected an index file");
    if (args.positionals().size() > 2) throw UsageError("unexpected argument '" + args.positionals()[2] + "'");
    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());

    SearchOptions options;
    options.top_k = static_cast<std::size_t>(args.integer("top-k", 1, 1'000'000).value_or(10));
    options.category = args.option("category");
    options.min_price = args.number("min-price");
    options.max_price = args.number("max-price");
    if (const auto ids = args.option("ids")) options.ids = split_ids(*ids);

    // A batch prints one line of JSON per query (JSON Lines), in order.
    for (const auto& query : queries(index, args)) {
        const auto hits = search(index, query, options);
        if (args.has("json") || args.option("query-vectors"))
            print_json(index, hits);
        else
            print_table(index, hits);
    }
    return 0;
}

}  // namespace vitrine::cli
