// fuzz_catalogue.cpp — fuzz target: the catalogue JSON reader (parse_catalogue,
// parse_vectors_jsonl) and the index writer behind it.
//
// The input is a catalogue JSON, optionally followed by a NUL byte and vectors
// JSON Lines (JSON text holds no raw NUL). A catalogue that parses is built into
// an index — from the vectors when given (f32 as stored, and int8 truncated to
// the first value), else with the local embedder (int8, 16 dims) — and whatever
// the writer accepts must open again with every product read back unchanged.
#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include "harness.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"

namespace {

using namespace vitrine;

void require_round_trip(const std::vector<std::uint8_t>& bytes, const std::vector<Product>& products) {
    const Index index = Index::open(bytes);  // a refusal here escapes: the writer's output must open
    FUZZ_REQUIRE(index.count() == products.size());
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const RecordView r = index.record(i);
        const Product& p = products[i];
        FUZZ_REQUIRE(r.id == p.id && r.title == p.title && r.description == p.description && r.image == p.image &&
                     r.category == p.category && r.metadata_json == p.metadata_json && r.price == p.price);
        FUZZ_REQUIRE(index.find(p.id) == i);
    }
}

// Builds from the vectors, truncated to `dims` (0: as stored); a refusal is fine.
void build_from_vectors(std::string_view jsonl, const std::vector<Product>& products, Storage storage,
                        std::uint32_t dims) {
    std::vector<std::uint8_t> bytes;
    try {
        const LoadedVectors vectors = parse_vectors_jsonl(jsonl, products, dims);
        FUZZ_REQUIRE(vectors.dims >= 1 || products.empty());
        FUZZ_REQUIRE(vectors.values.size() == products.size() * vectors.dims);
        if (products.empty()) return;
        const IndexSpec spec{.storage = storage,
                             .dims = vectors.dims,
                             .model = "fuzz-model",
                             .model_dims = vectors.model_dims,
                             .embedder = EmbedderKind::hosted};
        bytes = write_index(spec, products, vectors.values);
    } catch (const Error&) {
        return;
    }
    require_round_trip(bytes, products);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = std::min(input.find('\0'), input.size());
    std::vector<Product> products;
    try {
        products = parse_catalogue(input.substr(0, nul));
    } catch (const Error&) {
        return 0;
    }
    if (nul < input.size()) {
        const std::string_view jsonl = input.substr(nul + 1);
        build_from_vectors(jsonl, products, Storage::f32, 0);
        build_from_vectors(jsonl, products, Storage::int8, 1);
        return 0;
    }
    std::vector<std::uint8_t> bytes;
    try {
        bytes = build_local_index(products, {.storage = Storage::int8, .dims = 16});
    } catch (const Error&) {
        return 0;
    }
    require_round_trip(bytes, products);
    return 0;
}
