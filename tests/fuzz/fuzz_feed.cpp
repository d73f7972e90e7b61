// fuzz_feed.cpp — fuzz target: the feed readers (parse_feed: JSON, JSON Lines, CSV, the
// field mapping and prices as text) and the index writer behind them.
//
// The first byte picks the format (its value mod 3: json, jsonl, csv) and, when odd
// past that, the field map id=sku,title=name,price=cost; the rest is the feed. A feed
// that parses must give products the writer accepts — a non-empty id and title, ids
// that differ, a price that is finite and not negative, metadata that is a JSON
// object — and an index built from them (the local embedder may refuse a product whose
// text has no feature it counts) must read every product back unchanged.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "harness.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/feed.hpp"
#include "vitrine/index/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace vitrine;
    if (size == 0) return 0;
    constexpr FeedFormat formats[] = {FeedFormat::json, FeedFormat::jsonl, FeedFormat::csv};
    FeedOptions options{.format = formats[data[0] % 3], .source = "fuzz"};
    if ((data[0] / 3) % 2) options.fields = parse_field_map("id=sku,title=name,price=cost");
    std::vector<Product> products;
    try {
        products = parse_feed({reinterpret_cast<const char*>(data) + 1, size - 1}, options);
    } catch (const Error& e) {
        FUZZ_REQUIRE(e.kind() == ErrorKind::bad_catalogue);
        return 0;
    }
    std::unordered_set<std::string> ids;
    for (const Product& p : products) {
        FUZZ_REQUIRE(!p.id.empty() && !p.title.empty() && ids.insert(p.id).second);
        FUZZ_REQUIRE(!p.price || (std::isfinite(*p.price) && *p.price >= 0));
        FUZZ_REQUIRE(nlohmann::json::parse(p.metadata_json, nullptr, false).is_object());
    }
    std::vector<std::uint8_t> bytes;
    try {
        bytes = build_local_index(products, {.dims = 8});
    } catch (const Error& e) {  // text the local embedder finds no feature in ("\r") embeds to zero
        FUZZ_REQUIRE(e.kind() == ErrorKind::bad_catalogue);
        return 0;
    }
    const Index index = Index::open(bytes);
    FUZZ_REQUIRE(index.count() == products.size());
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const RecordView r = index.record(i);
        FUZZ_REQUIRE(r.id == products[i].id && r.title == products[i].title && r.price == products[i].price &&
                     r.metadata_json == products[i].metadata_json && r.description == products[i].description);
    }
    return 0;
}
