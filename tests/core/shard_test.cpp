// Shards: shard_of, the shard section written and read back, and shard pages merged into
// exactly the whole catalogue's page.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "index_editing.hpp"
#include "require_error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/shard.hpp"
#include "vitrine/search/merge_pages.hpp"
#include "vitrine/search/text_page.hpp"

using namespace vitrine;

namespace {

constexpr std::uint32_t shards = 4;

// Few words, so titles repeat: products with the same text tie exactly on score, and only
// the catalogue position can order them as the whole index does.
std::vector<Product> shop(std::size_t count) {
    static const char* words[] = {"brass", "lamp", "oak", "table", "wool", "rug", "linen", "chair"};
    static const char* brands[] = {"Acme", "Zeta", "Nord"};
    std::vector<Product> products(count);
    for (std::size_t i = 0; i < count; ++i) {
        Product& p = products[i];
        p.id = "sku-" + std::to_string(i * 7919 % 1000);
        p.title = std::string(words[i % 8]) + " " + words[(i / 3) % 8];
        p.description = p.title;
        p.category = i % 5 == 0 ? "" : (i % 2 ? "home" : "garden");
        if (i % 9 != 0) p.price = 10.0 + static_cast<double>(i % 37);
        p.metadata_json = R"({"brand":")" + std::string(brands[i % 3]) + R"(")" +
                          (i % 4 ? R"(,"rating":)" + std::to_string(1 + i % 5) : std::string()) + "}";
    }
    return products;
}

struct Split {
    std::vector<std::uint8_t> whole = {};
    std::vector<std::vector<std::uint8_t>> shards = {};
};

// As vitrine build --shards does: each shard built from its products with the whole's fields.
const Split& split() {
    static const Split built = [] {
        const std::vector<Product> products = shop(240);
        const LocalIndexOptions options{.storage = Storage::int8, .dims = 64};
        Split s{.whole = build_local_index(products, options)};
        const std::uint64_t catalogue = catalogue_fingerprint(s.whole);
        const LocalIndexOptions same{.storage = Storage::int8, .dims = 64,
                                     .search_fields = Index::open(s.whole).spec().search_fields};
        for (std::uint32_t shard = 0; shard < shards; ++shard) {
            std::vector<Product> part;
            std::vector<std::uint32_t> positions;
            for (std::uint32_t i = 0; i < products.size(); ++i)
                if (shard_of(products[i].id, shards) == shard) part.push_back(products[i]), positions.push_back(i);
            s.shards.push_back(mark_shard(build_local_index(part, same),
                                          {.shard = shard, .shards = shards, .catalogue = catalogue,
                                           .catalogue_count = 240, .positions = positions}));
        }
        return s;
    }();
    return built;
}

ShardPage shard_page(const Index& shard, std::string_view text, PageOptions options) {
    options.filters.top_k += options.offset;
    options.offset = 0;
    const SearchPage page = search_text_page(shard, text, options);
    const std::vector<double> keys = sort_keys(shard, options.sort, page.hits);
    ShardPage out{.total = page.total, .facets = page.facets};
    for (std::size_t i = 0; i < page.hits.size(); ++i)
        out.hits.push_back({{shard.catalogue_position(page.hits[i].position), page.hits[i].score}, keys[i]});
    return out;
}

}  // namespace

TEST_CASE("shard_of is a stable hash of the id") {
    CHECK(shard_of("sku-1", 1) == 0);
    std::vector<int> sizes(shards);
    for (int i = 0; i < 4000; ++i) ++sizes[shard_of("id-" + std::to_string(i), shards)];
    for (const int size : sizes) CHECK(size > 850);  // about 1000 each
    // Pinned: shards built by one version are found by the next.
    CHECK(shard_of("sku-123", 4) == 2);
    CHECK(shard_of("sku-123", 256) == 10);
}

TEST_CASE("a shard index says which shard of which catalogue it is") {
    const Index whole = Index::open(split().whole);
    std::uint32_t products = 0;
    for (std::uint32_t s = 0; s < shards; ++s) {
        const Index shard = Index::open(split().shards[s]);
        REQUIRE(shard.shard());
        CHECK(shard.shard()->shard == s);
        CHECK(shard.shard()->shards == shards);
        CHECK(shard.shard()->catalogue == catalogue_fingerprint(split().whole));
        CHECK(shard.shard()->catalogue_count == whole.count());
        for (std::uint32_t i = 0; i < shard.count(); ++i)
            CHECK(whole.record(shard.catalogue_position(i)).id == shard.record(i).id);
        products += shard.count();
    }
    CHECK(products == whole.count());
    CHECK_FALSE(whole.shard());
    CHECK(whole.catalogue_position(7) == 7);
}

TEST_CASE("merged shard pages are the whole catalogue's page, ties, sorts, offsets and facets included") {
    const Index whole = Index::open(split().whole);
    std::vector<Index> parts;
    for (const auto& bytes : split().shards) parts.push_back(Index::open(bytes));
    for (const char* text : {"brass lamp", "oak", "wool chair", "linen rug table"}) {
        for (const char* sort : {"", "price", "-rating"}) {
            for (const std::size_t offset : {0, 7}) {
                PageOptions options;
                options.filters.top_k = 10;
                options.offset = offset;
                options.sort = parse_sort_order(sort);
                options.facets = {"category", "brand", "price", "rating"};
                options.fusion.keyword_weight = 0;  // vector scores: a product's own
                INFO(text << " sort '" << sort << "' offset " << offset);
                const SearchPage expected = search_text_page(whole, text, options);
                std::vector<ShardPage> pages;
                for (const Index& part : parts) pages.push_back(shard_page(part, text, options));
                const MergedPage merged = merge_pages(pages, options.sort, offset, 10);

                CHECK(merged.total == expected.total);
                REQUIRE(merged.hits.size() == expected.hits.size());
                for (std::size_t i = 0; i < merged.hits.size(); ++i) {
                    const ShardHit& hit = pages[merged.hits[i].page].hits[merged.hits[i].hit];
                    CHECK(hit.hit.position == expected.hits[i].position);
                    CHECK(hit.hit.score == expected.hits[i].score);
                }
                REQUIRE(merged.facets.size() == expected.facets.size());
                for (std::size_t f = 0; f < merged.facets.size(); ++f) {
                    CHECK(merged.facets[f].field == expected.facets[f].field);
                    CHECK(merged.facets[f].min == expected.facets[f].min);
                    CHECK(merged.facets[f].max == expected.facets[f].max);
                    REQUIRE(merged.facets[f].counts.size() == expected.facets[f].counts.size());
                    for (std::size_t v = 0; v < merged.facets[f].counts.size(); ++v) {
                        CHECK(merged.facets[f].counts[v].value == expected.facets[f].counts[v].value);
                        CHECK(merged.facets[f].counts[v].count == expected.facets[f].counts[v].count);
                    }
                }
            }
        }
    }
}

TEST_CASE("the sample of ties is real: some scores of a page tie exactly") {
    // Guards the test above: without ties it would not prove the position tie-break.
    const Index whole = Index::open(split().whole);
    PageOptions options;
    options.filters.top_k = 30;
    options.fusion.keyword_weight = 0;
    const SearchPage page = search_text_page(whole, "brass lamp", options);
    bool tie = false;
    for (std::size_t i = 1; i < page.hits.size(); ++i) tie |= page.hits[i].score == page.hits[i - 1].score;
    CHECK(tie);
}

TEST_CASE("pages faceting different fields are refused") {
    ShardPage a{.facets = {FacetCounts{.field = "brand"}}}, b{.facets = {FacetCounts{.field = "category"}}};
    const std::vector<ShardPage> pages = {a, b};
    test::require_error([&] { merge_pages(pages, {}, 0, 10); }, ErrorKind::invalid_argument, {"different fields"});
    const std::vector<ShardPage> fewer = {a, ShardPage{}};
    test::require_error([&] { merge_pages(fewer, {}, 0, 10); }, ErrorKind::invalid_argument, {"different fields"});
}

TEST_CASE("mark_shard refuses a shard section that does not describe the index") {
    const std::vector<std::uint8_t>& bytes = split().shards[1];
    const Index shard = Index::open(bytes);
    const std::vector<std::uint32_t> positions(shard.shard()->positions.begin(), shard.shard()->positions.end());
    const ShardSpec good{.shard = 1, .shards = shards, .catalogue = 9, .catalogue_count = 240, .positions = positions};
    CHECK(Index::open(mark_shard(bytes, good)).shard()->catalogue == 9);  // replaces the earlier section

    ShardSpec spec = good;
    spec.shard = 2;
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"belongs to shard 1, not 2"});
    spec = good;
    spec.shards = 1;
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"2..256 shards"});
    spec = good;
    spec.shard = 4;
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"shard 4 is not one of 4"});
    spec = good;
    spec.catalogue_count = positions.back();
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"past the catalogue"});
    std::vector<std::uint32_t> swapped = positions;
    std::swap(swapped[0], swapped[1]);
    spec = good;
    spec.positions = swapped;
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"not ascending"});
    spec = good;
    spec.positions = std::span(positions).first(3);
    test::require_error([&] { mark_shard(bytes, spec); }, ErrorKind::invalid_argument, {"3 catalogue positions"});
}

TEST_CASE("a shard section that lies is a corrupt index, even with its checksums resealed") {
    const auto edited = [](std::size_t at, std::uint32_t value) {
        std::vector<std::uint8_t> bytes = split().shards[1];
        std::uint64_t offset = 0;
        const Index index = Index::open(bytes);
        for (const SectionInfo& s : index.sections())
            if (s.type == static_cast<std::uint32_t>(layout::SectionType::shard)) offset = s.offset;
        REQUIRE(offset > 0);
        bytes::store<std::uint32_t>(bytes.data() + offset + at, value);
        test::reseal(bytes);
        return bytes;
    };
    const auto opening = [](std::vector<std::uint8_t> bytes) { return [bytes] { Index::open(bytes); }; };
    test::require_error(opening(edited(layout::shard_section::shard, 3)), ErrorKind::corrupt_index,
                        {"shard section", "belongs to shard 1, not 3"});
    test::require_error(opening(edited(layout::shard_section::shards, 300)), ErrorKind::corrupt_index, {"2..256 shards"});
    test::require_error(opening(edited(layout::shard_section::header, 4000)), ErrorKind::corrupt_index, {"past the catalogue"});
}
