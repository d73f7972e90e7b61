// Keyword search: folding, tokens, typos, BM25F ranking and the keywords section.
#include <catch2/catch.hpp>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "index_editing.hpp"
#include "require_error.hpp"
#include "test_catalogue.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/keyword/edit_distance.hpp"
#include "vitrine/keyword/fold.hpp"
#include "vitrine/keyword/keyword_search.hpp"
#include "vitrine/keyword/tokens.hpp"

using namespace vitrine;

namespace {

Product product(std::string id, std::string title, std::string description, std::string category,
                std::string metadata = "{}") {
    Product p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.description = std::move(description);
    p.category = std::move(category);
    p.metadata_json = std::move(metadata);
    return p;
}

std::vector<Product> shop() {
    return {product("tea-1", "Théière en fonte", "Cast iron teapot, 1.2 l", "kitchen"),
            product("lamp-1", "Brass floor lamp", "A tall lamp for reading", "lighting", R"({"brand":"Lumo","sku":"KX-4471"})"),
            product("lamp-2", "Desk lamp", "Brass and steel", "lighting"),
            product("mues-1", "Müsli bowl", "Stoneware bowl", "kitchen"),
            product("rug-1", "Wool rug 160x80", "Hand woven", "textiles")};
}

std::vector<std::uint8_t> shop_bytes() {
    const auto products = shop();
    return write_index(test::spec_for(Storage::f32, 4), products, test::random_vectors(products.size(), 4, 7));
}

std::vector<std::string> ids(const Index& index, std::vector<SearchHit> hits) {
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    std::vector<std::string> out;
    for (const SearchHit& hit : hits) out.emplace_back(index.record(hit.position).id);
    return out;
}

// The keywords section's entry and bytes, for hostile edits.
std::pair<std::uint8_t*, std::size_t> keyword_section(std::vector<std::uint8_t>& bytes) {
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t* e = test::section_entry(bytes, i);
        if (bytes::load<std::uint32_t>(e + layout::entry::type) == static_cast<std::uint32_t>(layout::SectionType::keywords))
            return {bytes.data() + bytes::load<std::uint64_t>(e + layout::entry::offset),
                    bytes::load<std::uint64_t>(e + layout::entry::length)};
    }
    return {nullptr, 0};
}

}  // namespace

TEST_CASE("fold removes case and accents") {
    CHECK(fold("Théière") == "theiere");
    CHECK(fold("MÜSLI Straße Œuvre") == "musli strasse oeuvre");
    CHECK(fold("Łódź ΚΑΦΕΣ Ёлка") == "lodz καφεσ елка");
    CHECK(fold("e\xcc\x81t\xc3\xa9") == "ete");           // decomposed and composed accents
    CHECK(fold("a\xe2\x80\x94" "b \xff") == "a b  ");  // an em dash and a stray byte separate
}

TEST_CASE("tokens keep codes, sizes and decimals whole") {
    CHECK(tokens("Théière KX-4471, 160x80 cm 1.2 l e-bike") ==
          std::vector<std::string>{"theiere", "kx-4471", "160x80", "cm", "1.2", "l", "e", "bike"});
    CHECK(tokens("??? - !") .empty());
    CHECK(code_parts("kx-4471") == std::vector<std::string>{"kx", "4471"});
    CHECK(is_code("160x80"));
    CHECK_FALSE(is_code("lamp"));
}

TEST_CASE("edit distance counts swaps as one edit and stops past its bound") {
    CHECK(edit_distance("teapot", "taepot", 2) == 1);
    CHECK(edit_distance("lamp", "lamps", 2) == 1);
    CHECK(edit_distance("kitchen", "chicken", 1) == 2);
    CHECK(edit_distance("abc", "xyzxyz", 1) == 2);
    CHECK(edit_distance("café", "cafe", 1) == 1);  // code points, not bytes
}

TEST_CASE("typo budget grows with the term and spares codes") {
    CHECK(typo_budget("lamp") == 0);
    CHECK(typo_budget("lampe") == 1);
    CHECK(typo_budget("stoneware") == 2);
    CHECK(typo_budget("kx-44710") == 0);
}

TEST_CASE("keyword search finds accents, typos, codes and prefixes") {
    const auto bytes = shop_bytes();
    const Index index = Index::open(bytes);
    REQUIRE(index.keywords());
    CHECK(ids(index, keyword_search(index, "theiere")) == std::vector<std::string>{"tea-1"});
    CHECK(ids(index, keyword_search(index, "musli")) == std::vector<std::string>{"mues-1"});
    CHECK(ids(index, keyword_search(index, "stonewar bowl")).front() == "mues-1");
    CHECK(ids(index, keyword_search(index, "KX-4471")) == std::vector<std::string>{"lamp-1"});
    CHECK(ids(index, keyword_search(index, "4471")) == std::vector<std::string>{"lamp-1"});
    CHECK(keyword_search(index, "KX-4472").empty());
    CHECK(ids(index, keyword_search(index, "160x80")) == std::vector<std::string>{"rug-1"});
    CHECK(ids(index, keyword_search(index, "lumo")) == std::vector<std::string>{"lamp-1"});
    CHECK(ids(index, keyword_search(index, "woo")) == std::vector<std::string>{"rug-1"});  // as you type
    CHECK(keyword_search(index, "zzzz").empty());
    CHECK(keyword_search(index, "???").empty());
}

TEST_CASE("keyword search ranks a title match above a description match") {
    const auto bytes = shop_bytes();
    const Index index = Index::open(bytes);
    CHECK(ids(index, keyword_search(index, "brass")) == std::vector<std::string>{"lamp-1", "lamp-2"});
}

TEST_CASE("an index written without keywords has no keywords section") {
    IndexSpec spec = test::spec_for(Storage::f32, 4);
    spec.search_fields.keywords = false;
    const auto products = shop();
    const auto bytes = write_index(spec, products, test::random_vectors(products.size(), 4, 7));
    const Index index = Index::open(bytes);
    CHECK_FALSE(index.keywords());
    CHECK_FALSE(index.spec().search_fields.keywords);
    CHECK(keyword_search(index, "lamp").empty());
}

TEST_CASE("the keywords section names the metadata fields it indexes") {
    const auto bytes = shop_bytes();
    CHECK(Index::open(bytes).spec().search_fields.keyword_fields == SearchFields{}.keyword_fields);
}

TEST_CASE("rejects a keywords section whose terms are out of order") {
    auto bytes = shop_bytes();
    const auto [section, length] = keyword_section(bytes);
    REQUIRE(section);
    std::uint8_t* text = section + length - bytes::load<std::uint32_t>(section + 16) - bytes::load<std::uint32_t>(section + 12);
    text[0] = 'z';  // the first term now sorts after the second
    test::reseal(bytes);
    test::require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"not in strictly ascending order"});
}

TEST_CASE("rejects a keywords section with a posting past the record count") {
    auto bytes = shop_bytes();
    const auto [section, length] = keyword_section(bytes);
    REQUIRE(section);
    const auto terms = bytes::load<std::uint32_t>(section + 4);
    std::uint8_t* postings = section + layout::keyword_header_size + 5 * 8 + terms * layout::keyword_term_entry_size;
    bytes::store<std::uint32_t>(postings, 99);
    test::reseal(bytes);
    test::require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"position out of range"});
}

TEST_CASE("rejects a keywords section whose size disagrees with its header") {
    auto bytes = shop_bytes();
    const auto [section, length] = keyword_section(bytes);
    REQUIRE(section);
    bytes::store<std::uint32_t>(section + 4, bytes::load<std::uint32_t>(section + 4) + 1);
    test::reseal(bytes);
    test::require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"its header describes"});
}
