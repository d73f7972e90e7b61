// Storefront pages: hybrid matches, the relevance floor, filters, facets, sort and offset.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "index_editing.hpp"
#include "require_error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/search/fusion.hpp"
#include "vitrine/search/text_page.hpp"

using namespace vitrine;

namespace {

Product product(std::string id, std::string title, std::string category, std::optional<double> price, std::string metadata) {
    Product p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.description = p.title;
    p.category = std::move(category);
    p.price = price;
    p.metadata_json = std::move(metadata);
    return p;
}

const std::vector<std::uint8_t>& shop_bytes() {
    static const std::vector<std::uint8_t> bytes = [] {
        const std::vector<Product> products = {
            product("l1", "Brass floor lamp", "lighting", 120, R"({"brand":"Acme","in_stock":true,"rating":4.5,"tags":["brass","tall"]})"),
            product("l2", "Brass desk lamp", "lighting", 60, R"({"brand":"Zeta","in_stock":false,"rating":3.9,"tags":["brass"]})"),
            product("l3", "Paper pendant lamp", "lighting", std::nullopt, R"({"brand":"Acme","in_stock":true,"rating":4.1})"),
            product("k1", "Brass kettle", "kitchen", 45, R"({"brand":"Zeta","in_stock":true,"rating":4.8,"tags":["brass"]})"),
            product("k2", "Oak chopping board", "kitchen", 25, R"({"brand":"Nord","in_stock":true})"),
            product("t1", "Wool rug KX-4471", "", 300, R"({"brand":"Nord","in_stock":false,"rating":2.5})"),
        };
        return build_local_index(products, {.dims = 64});
    }();
    return bytes;
}

std::vector<std::string> ids(const Index& index, const SearchPage& page) {
    std::vector<std::string> out;
    for (const SearchHit& hit : page.hits) out.emplace_back(index.record(hit.position).id);
    return out;
}

PageOptions top(std::size_t k) {
    PageOptions options;
    options.filters.top_k = k;
    return options;
}

}  // namespace

TEST_CASE("a query with no word in it matches nothing, without an error") {
    const Index index = Index::open(shop_bytes());
    for (const char* text : {"???", "-", "", " \xe2\x80\x94 "}) {
        const SearchPage page = search_text_page(index, text, top(5));
        CHECK(page.total == 0);
        CHECK(page.hits.empty());
    }
}

TEST_CASE("a query matching no keyword and no vector closely gets no results") {
    const Index index = Index::open(shop_bytes());
    CHECK(search_text_page(index, "zzzz", top(5)).total == 0);
}

TEST_CASE("an exact product code comes first") {
    const Index index = Index::open(shop_bytes());
    CHECK(ids(index, search_text_page(index, "kx-4471", top(3))).front() == "t1");
}

TEST_CASE("facet counts cover every match, not only the page") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(1);
    options.facets = {"category", "brand", "price", "rating"};
    options.fusion.keyword_weight = 1;  // keyword matches only: the three brass products
    const SearchPage page = search_text_page(index, "brass", options);
    CHECK(page.hits.size() == 1);
    CHECK(page.total == 3);
    REQUIRE(page.facets.size() == 4);
    CHECK(page.facets[0].counts.size() == 2);
    CHECK(page.facets[0].counts[0].value == "lighting");
    CHECK(page.facets[0].counts[0].count == 2);
    CHECK(page.facets[1].counts[0].value == "Zeta");
    CHECK(page.facets[1].counts[0].count == 2);
    CHECK(page.facets[2].min == 45);
    CHECK(page.facets[2].max == 120);
    CHECK(page.facets[3].min == 3.9);
    CHECK(page.facets[3].max == 4.8);
}

TEST_CASE("filters are OR within a field and AND across fields") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(10);
    options.fusion.keyword_weight = 1;
    options.field_filters = {parse_field_filter("brand=Acme,Zeta"), parse_field_filter("in_stock=true")};
    auto page = search_text_page(index, "lamp kettle", options);
    std::vector<std::string> found = ids(index, page);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"k1", "l1", "l3"});
    options.field_filters = {parse_field_filter("rating>=4"), parse_field_filter("category=lighting,kitchen")};
    found = ids(index, search_text_page(index, "lamp kettle", options));
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"k1", "l1", "l3"});
    options.field_filters = {parse_field_filter("tags=tall")};
    CHECK(ids(index, search_text_page(index, "lamp", options)) == std::vector<std::string>{"l1"});
}

TEST_CASE("a missing price matches no price range") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(10);
    options.fusion.keyword_weight = 1;
    options.field_filters = {parse_field_filter("price>=0")};
    const auto found = ids(index, search_text_page(index, "lamp", options));
    CHECK(std::find(found.begin(), found.end(), "l3") == found.end());
    CHECK(found.size() == 2);
}

TEST_CASE("sort by price either way puts products without a price last") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(10);
    options.fusion.keyword_weight = 1;
    options.sort = parse_sort_order("price");
    CHECK(ids(index, search_text_page(index, "lamp", options)) == std::vector<std::string>{"l2", "l1", "l3"});
    options.sort = parse_sort_order("-price");
    CHECK(ids(index, search_text_page(index, "lamp", options)) == std::vector<std::string>{"l1", "l2", "l3"});
}

TEST_CASE("offset pages through one order") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(10);
    const SearchPage all = search_text_page(index, "brass lamp", options);
    REQUIRE(all.total >= 3);
    options.filters.top_k = 2;
    options.offset = 1;
    const SearchPage second = search_text_page(index, "brass lamp", options);
    CHECK(second.total == all.total);
    const auto every = ids(index, all);
    CHECK(ids(index, second) == std::vector<std::string>(every.begin() + 1, every.begin() + 3));
    options.offset = 100;
    CHECK(search_text_page(index, "brass lamp", options).hits.empty());
}

TEST_CASE("unknown filter, facet and sort fields are refused naming the fields there are") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(3);
    options.field_filters = {parse_field_filter("colour=red")};
    test::require_error([&] { search_text_page(index, "lamp", options); }, ErrorKind::invalid_argument,
                        {"unknown field 'colour'", "category, price, brand"});
    options = top(3);
    options.facets = {"size"};
    test::require_error([&] { search_text_page(index, "???", options); }, ErrorKind::invalid_argument, {"unknown field 'size'"});
    options = top(3);
    options.sort = parse_sort_order("brand");
    test::require_error([&] { search_text_page(index, "lamp", options); }, ErrorKind::invalid_argument, {"not a numeric field"});
    test::require_error([&] { parse_field_filter("rating>=high"); }, ErrorKind::invalid_argument, {"not a number"});
    test::require_error([&] { parse_field_filter("brand"); }, ErrorKind::invalid_argument, {"field=value"});
}

TEST_CASE("convex fusion combines normalised scores, rrf combines ranks") {
    const std::vector<SearchHit> keyword = {{0, 4.0f}, {1, 2.0f}};
    const std::vector<float> vector = {0.3f, 0.9f, 0.6f, 0.1f};
    FusionOptions options{.keyword_weight = 0.5, .fusion = Fusion::convex, .vector_floor = 0.3f};
    const auto fused = fuse(keyword, vector, {}, options);
    REQUIRE(fused.size() == 3);  // position 3: under the floor, no keyword
    CHECK(fused[0].score == static_cast<float>(0.5 * 1.0 + 0.5 * 0.0));
    CHECK(fused[1].score == static_cast<float>(0.5 * 0.5 + 0.5 * ((double{0.9f} - 0.3f) / (1 - double{0.3f}))));
    CHECK(fused[2].score == static_cast<float>(0.5 * 0.0 + 0.5 * ((double{0.6f} - 0.3f) / (1 - double{0.3f}))));
    options.fusion = Fusion::rrf;
    const auto ranked = fuse(keyword, vector, {}, options);
    CHECK(ranked[1].score == static_cast<float>(0.5 / 62 + 0.5 / 61));
    test::require_error([&] { fuse(keyword, vector, {}, {.keyword_weight = 1.5}); }, ErrorKind::invalid_argument, {"0..1"});
}

TEST_CASE("rejects a facet columns section that refers to a value it does not have") {
    auto bytes = shop_bytes();
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    std::uint8_t* section = nullptr;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t* e = test::section_entry(bytes, i);
        if (bytes::load<std::uint32_t>(e + layout::entry::type) == static_cast<std::uint32_t>(layout::SectionType::facet_columns))
            section = bytes.data() + bytes::load<std::uint64_t>(e + layout::entry::offset);
    }
    REQUIRE(section);
    const std::uint64_t fields = bytes::load<std::uint32_t>(section), values = bytes::load<std::uint32_t>(section + 4);
    const std::uint8_t* refs = section + layout::facet_header_size + fields * layout::facet_field_entry_size +
                               values * layout::facet_value_entry_size + fields * (6 + 1) * 4;
    bytes::store<std::uint32_t>(const_cast<std::uint8_t*>(refs), 999);
    test::reseal(bytes);
    test::require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"facet columns", "value it does not have"});
}

TEST_CASE("a hosted model's vector joins the keywords; no floor unless the caller sets one") {
    IndexSpec spec;
    spec.dims = spec.model_dims = 2;
    spec.model = "hosted-test";
    spec.embedder = EmbedderKind::hosted;
    const std::vector<Product> products = {product("a", "Brass lamp", "lighting", 10, "{}"),
                                           product("b", "Oak board", "kitchen", 20, "{}"),
                                           product("c", "Wool rug", "", 30, "{}")};
    const std::vector<float> vectors = {1, 0, 0, 1, -1, 0};  // a, b, and c pointing away from a
    const auto bytes = write_index(spec, products, vectors);
    const Index index = Index::open(bytes);
    // "lamp" matches a by keyword; every product by vector, normalised from -1 (no floor).
    const std::vector<float> like_b = {0, 1};
    const SearchPage page = search_text_page(index, "lamp", top(5), like_b);
    CHECK(ids(index, page) == std::vector<std::string>{"a", "b", "c"});
    CHECK(page.hits[0].score == static_cast<float>(default_keyword_weight + (1 - default_keyword_weight) * 0.5));
    const std::vector<float> like_a = {1, 0};
    CHECK(ids(index, search_text_page(index, "board", top(5), like_a)) == std::vector<std::string>{"b", "a", "c"});
    PageOptions strict = top(5);
    strict.fusion.vector_floor = 0.99f;
    CHECK(ids(index, search_text_page(index, "zzzz", strict, like_a)) == std::vector<std::string>{"a"});
    CHECK(ids(index, search_text_page(index, "lamp", top(5))) == std::vector<std::string>{"a"});  // keywords alone
    const std::vector<float> wrong = {1, 0, 0};
    test::require_error([&] { search_text_page(index, "lamp", top(5), wrong); }, ErrorKind::invalid_argument, {"3 dims"});
}

TEST_CASE("a page without a query is the filtered catalogue, with counts, sorts and offsets") {
    const Index index = Index::open(shop_bytes());
    PageOptions options = top(10);
    const SearchPage all = browse_page(index, options);
    CHECK(all.total == 6);
    REQUIRE(all.hits.size() == 6);
    for (std::uint32_t i = 0; i < 6; ++i) CHECK(all.hits[i].position == i);  // relevance: catalogue order

    options = top(2);
    options.field_filters = {parse_field_filter("brand=Acme,Nord")};
    options.filters.max_price = 200;  // l1 (Acme, 120) and k2 (Nord, 25); l3 has no price
    options.facets = {"brand", "price"};
    options.sort = parse_sort_order("price");
    SearchPage page = browse_page(index, options);
    CHECK(page.total == 2);
    CHECK(ids(index, page) == std::vector<std::string>{"k2", "l1"});
    REQUIRE(page.facets.size() == 2);
    CHECK(page.facets[0].counts.size() == 2);
    CHECK(page.facets[1].min == 25);
    CHECK(page.facets[1].max == 120);
    options.offset = 1;
    CHECK(ids(index, browse_page(index, options)) == std::vector<std::string>{"l1"});

    options = top(3);
    options.sort = parse_sort_order("brand");
    options.filters.category = "no such category";
    test::require_error([&] { browse_page(index, options); }, ErrorKind::invalid_argument, {"not a numeric field"});
    options = top(3);
    options.facets = {"size"};
    test::require_error([&] { browse_page(index, options); }, ErrorKind::invalid_argument, {"unknown field 'size'"});
}
