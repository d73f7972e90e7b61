// JSON and JSON Lines feeds, prices written as text, field maps, and ids that repeat.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "index_editing.hpp"
#include "require_error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/feed.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

std::vector<Product> feed(FeedFormat format, std::string_view text, FieldMap fields = {}) {
    return parse_feed(text, {.format = format, .fields = std::move(fields), .source = "shop"});
}
std::vector<Product> json_feed(std::string_view text) { return feed(FeedFormat::json, text); }
std::vector<Product> jsonl_feed(std::string_view text) { return feed(FeedFormat::jsonl, text); }

std::optional<double> price_of(std::string_view price_json) {
    return json_feed(R"([{"id":"a","title":"t","price":)" + std::string(price_json) + "}]")[0].price;
}

}  // namespace

TEST_CASE("reads {\"products\": [...]} as it reads the array", "[feed][json]") {
    const auto wrapped = json_feed(R"({"shop":"x","products":[{"id":"a","title":"Lamp"},{"id":"b","title":"Mug"}]})");
    REQUIRE(wrapped.size() == 2);
    CHECK(wrapped[1].id == "b");
    require_error([] { json_feed(R"({"items":[]})"); }, ErrorKind::bad_catalogue, {"shop: expected a JSON array of products or an object with a \"products\" array"});
    require_error([] { json_feed("42"); }, ErrorKind::bad_catalogue, {"shop: expected a JSON array of products"});
}

TEST_CASE("a JSON error about a product names the line it starts on", "[feed][json]") {
    require_error([] { json_feed("[\n  {\"id\": \"a\", \"title\": \"x\"},\n  {\"id\": \"b\",\n   \"title\": 7}\n]"); },
                  ErrorKind::bad_catalogue, {"shop: line 3, product 2 ('b'), field \"title\"", "must be a string"});
    require_error([] { json_feed("{\"products\": [\n{\"id\":\"a\",\"title\":\"x\",\"note\":\"[{,\"},\n{\"title\":\"y\"}]}"); },
                  ErrorKind::bad_catalogue, {"shop: line 3, product 2, field \"id\"", "id is missing"});
}

TEST_CASE("a JSON syntax error names its line and points JSON Lines to the jsonl format", "[feed][json]") {
    require_error([] { json_feed("{\"id\":\"a\",\"title\":\"x\"}\n{\"id\":\"b\",\"title\":\"y\"}\n"); },
                  ErrorKind::bad_catalogue, {"shop is not valid JSON", "line 2", "jsonl format"});
}

TEST_CASE("numeric ids are taken as their decimal text; other id types are refused", "[feed][json]") {
    const auto products = json_feed(R"([{"id":4711,"title":"a"},{"id":-3,"title":"b"},{"id":18446744073709551615,"title":"c"}])");
    CHECK(products[0].id == "4711");
    CHECK(products[1].id == "-3");
    CHECK(products[2].id == "18446744073709551615");
    require_error([] { json_feed(R"([{"id":1.5,"title":"a"}])"); }, ErrorKind::bad_catalogue, {"string or a whole number"});
    require_error([] { json_feed(R"([{"id":true,"title":"a"}])"); }, ErrorKind::bad_catalogue, {"string or a whole number"});
}

TEST_CASE("top-level fields without an index column go into metadata beside its own keys", "[feed][json]") {
    const auto products = json_feed(R"([{"id":"a","title":"t","brand":"Acme","tags":["x","y"],"images":["1.jpg","2.jpg"],
                                         "metadata":{"rating":4.5}}])");
    CHECK(nlohmann::json::parse(products[0].metadata_json) ==
          nlohmann::json::parse(R"({"brand":"Acme","tags":["x","y"],"images":["1.jpg","2.jpg"],"rating":4.5})"));
    require_error([] { json_feed(R"([{"id":"a","title":"t","brand":"A","metadata":{"brand":"B"}}])"); },
                  ErrorKind::bad_catalogue, {"field \"brand\"", "both a field of the product and a key of its metadata"});
}

TEST_CASE("a missing or null price is no price", "[feed][price]") {
    CHECK_FALSE(json_feed(R"([{"id":"a","title":"t"}])")[0].price.has_value());
    CHECK_FALSE(price_of("null").has_value());
    CHECK_FALSE(price_of(R"("")").has_value());
    CHECK(price_of("0") == 0.0);
}

TEST_CASE("prices written as text are read where unambiguous", "[feed][price]") {
    CHECK(price_of(R"("12.50 EUR")") == 12.5);
    CHECK(price_of(R"("12,50 EUR")") == 12.5);
    CHECK(price_of(R"("EUR 7")") == 7.0);
    CHECK(price_of(R"("€1.234,50")") == 1234.5);
    CHECK(price_of(R"("$1,234.50")") == 1234.5);
    CHECK(price_of(R"("1,234,567")") == 1234567.0);
    CHECK(price_of(R"("0.1")") == 0.1);
    CHECK(nlohmann::json::parse(json_feed(R"([{"id":"a","title":"t","price":"9.99 GBP"}])")[0].metadata_json) ==
          nlohmann::json{{"currency", "GBP"}});
}

TEST_CASE("refuses a negative, non-numeric or ambiguous price, naming product and line", "[feed][price]") {
    const auto refused = [](std::string_view price, std::string_view why) {
        require_error([&] { price_of(price); }, ErrorKind::bad_catalogue, {"shop: line 1, product 1 ('a'), field \"price\"", why});
    };
    refused("-1", "is negative");
    refused(R"("-12.50 EUR")", "is negative");
    refused(R"("NaN")", "is not a number");
    refused(R"("twelve")", "is not a number");
    refused(R"("1,234")", "ambiguous");
    refused(R"("1.234")", "ambiguous");
    refused(R"("1.2.3,4")", "is not a number");
    refused(R"("1e999")", "is not a number");
    refused(R"([12])", "must be a number or a text");
    refused(("\"" + std::string(400, '9') + "\"").c_str(), "is too large");
}

TEST_CASE("reads JSON Lines, skipping blank lines, and names the line of a bad one", "[feed][jsonl]") {
    const auto products = jsonl_feed("\xEF\xBB\xBF{\"id\":\"a\",\"title\":\"x\"}\r\n\n{\"id\":2,\"title\":\"y\",\"price\":\"3,5\"}\n");
    REQUIRE(products.size() == 2);
    CHECK(products[1].id == "2");
    CHECK(products[1].price == 3.5);
    require_error([] { jsonl_feed("{\"id\":\"a\",\"title\":\"x\"}\n\n{\"id\":\"b\",\n"); }, ErrorKind::bad_catalogue,
                  {"shop: line 3: not valid JSON"});
    require_error([] { jsonl_feed("[{\"id\":\"a\",\"title\":\"x\"}]\n"); }, ErrorKind::bad_catalogue,
                  {"line 1: not a JSON object"});
    require_error([] { jsonl_feed("{\"id\":\"a\",\"title\":\"x\",\"price\":-2}\n"); }, ErrorKind::bad_catalogue,
                  {"shop: line 1, product 1 ('a'), field \"price\"", "negative"});
}

TEST_CASE("refuses an id used twice, in every format, naming both lines", "[feed]") {
    require_error([] { json_feed("[{\"id\":\"a\",\"title\":\"x\"},\n{\"id\":\"a\",\"title\":\"y\"}]"); },
                  ErrorKind::bad_catalogue, {"shop: line 2, product 2 repeats the id 'a' of line 1"});
    require_error([] { json_feed(R"([{"id":"7","title":"x"},{"id":7,"title":"y"}])"); }, ErrorKind::bad_catalogue,
                  {"repeats the id '7'"});
    require_error([] { jsonl_feed("{\"id\":1,\"title\":\"x\"}\n{\"id\":\"1\",\"title\":\"y\"}\n"); },
                  ErrorKind::bad_catalogue, {"line 2, product 2 repeats the id '1' of line 1"});
    require_error([] { feed(FeedFormat::csv, "id,title\nq,x\n\"q\",y\n"); }, ErrorKind::bad_catalogue,
                  {"line 3, product 2 repeats the id 'q' of line 2"});
}

TEST_CASE("a field map is refused when it names an unknown field or a name twice", "[feed]") {
    CHECK(parse_field_map("id=sku,title=name").at("id") == "sku");
    require_error([] { parse_field_map("sku=id"); }, ErrorKind::invalid_argument, {"'sku' is not a product field"});
    require_error([] { parse_field_map("id=sku,id=ref"); }, ErrorKind::invalid_argument, {"'id' is mapped twice"});
    require_error([] { parse_field_map("id=sku,title=sku"); }, ErrorKind::invalid_argument, {"'sku' is mapped twice"});
    require_error([] { parse_field_map("id"); }, ErrorKind::invalid_argument, {"not field=name"});
    require_error([] { parse_field_map("id="); }, ErrorKind::invalid_argument, {"empty name"});
}

TEST_CASE("feed formats are chosen by extension or by name", "[feed]") {
    CHECK(feed_format_for_path("shop/feed.CSV") == FeedFormat::csv);
    CHECK(feed_format_for_path("a.ndjson") == FeedFormat::jsonl);
    CHECK(feed_format_for_path("a.json") == FeedFormat::json);
    CHECK_FALSE(feed_format_for_path("a.json/feed").has_value());
    CHECK_FALSE(feed_format_for_path("feed.xml").has_value());
    CHECK(feed_format_from_string("jsonl") == FeedFormat::jsonl);
    CHECK_FALSE(feed_format_from_string("tsv").has_value());
}

TEST_CASE("a product with no price keeps no price through the index, and price filters skip it", "[feed][index]") {
    const auto products = json_feed(R"([{"id":"a","title":"lamp"},{"id":"b","title":"lamp","price":5}])");
    const auto bytes = build_local_index(products, {.dims = 16});
    const Index index = Index::open(bytes);
    CHECK_FALSE(index.record(0).price.has_value());
    CHECK(index.record(1).price == 5.0);

    const auto query = embed_local("lamp", 16);
    CHECK(search(index, query, {.top_k = 5}).size() == 2);
    for (const SearchOptions& filter : {SearchOptions{.top_k = 5, .min_price = 0.0}, SearchOptions{.top_k = 5, .max_price = 1e9}}) {
        const auto hits = search(index, query, filter);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].position == 1);
    }
}

TEST_CASE("refuses an index record flagged as having no price whose price field is not 0", "[feed][index]") {
    auto bytes = build_local_index(json_feed(R"([{"id":"a","title":"lamp"}])"), {.dims = 16});
    std::uint8_t* records = nullptr;
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t* entry = test::section_entry(bytes, i);
        if (bytes::load<std::uint32_t>(entry + layout::entry::type) == static_cast<std::uint32_t>(layout::SectionType::records))
            records = bytes.data() + bytes::load<std::uint64_t>(entry + layout::entry::offset);
    }
    REQUIRE(records);
    CHECK(bytes::load<std::uint32_t>(records + layout::record_flags) == layout::record_flag_no_price);
    bytes::store<double>(records + layout::record_price, 3.0);
    test::reseal(bytes);
    require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"record 0 has no price but a price field of 3"});
}

TEST_CASE("a JSON text cut short is refused without the JSON Lines hint", "[feed][json]") {
    try {
        json_feed(R"([{"id": "a",)");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("shop is not valid JSON"));
        CHECK_THAT(e.what(), !Catch::Matchers::Contains("jsonl"));
    }
}

TEST_CASE("a 10 MB field in a JSON Lines product is read whole", "[feed][jsonl]") {
    const std::string big(10u << 20, 'y');
    const auto products = jsonl_feed("{\"id\":\"a\",\"title\":\"t\",\"notes\":\"" + big + "\"}\n");
    REQUIRE(products.size() == 1);
    CHECK(nlohmann::json::parse(products[0].metadata_json)["notes"].get<std::string>().size() == big.size());
}

TEST_CASE("an empty feed in any format has no products", "[feed]") {
    CHECK(json_feed("[]").empty());
    CHECK(json_feed(R"({"products":[]})").empty());
    CHECK(jsonl_feed("\n\n").empty());
    CHECK(feed(FeedFormat::csv, "id,title\r\n").empty());
}

TEST_CASE("a number too large for a double is a bad feed, not an escaping exception", "[feed][json]") {
    require_error([] { json_feed(R"([{"id":471e309,"title":"Lamp"}])"); }, ErrorKind::bad_catalogue, {"shop is not valid JSON", "number overflow"});
    require_error([] { jsonl_feed("{\"id\":\"a\",\"title\":\"t\",\"price\":1e999}\n"); }, ErrorKind::bad_catalogue,
                  {"shop: line 1: not valid JSON", "number overflow"});
}
