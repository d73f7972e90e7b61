// CSV feeds (RFC 4180): quoting, line breaks, BOMs, ragged rows, and where errors point.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "require_error.hpp"
#include "vitrine/catalogue/feed.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

std::vector<Product> csv(std::string_view text, FieldMap fields = {}) {
    return parse_feed(text, {.format = FeedFormat::csv, .fields = std::move(fields), .source = "shop.csv"});
}

nlohmann::json metadata(const Product& p) { return nlohmann::json::parse(p.metadata_json); }

}  // namespace

TEST_CASE("reads a CSV feed with a header row into products", "[feed][csv]") {
    const auto products = csv("id,title,price,category\nlamp-1,Desk lamp,12.50,lighting\nmug-2,Mug,3,kitchen\n");
    REQUIRE(products.size() == 2);
    CHECK(products[0].id == "lamp-1");
    CHECK(products[0].title == "Desk lamp");
    CHECK(products[0].price == 12.5);
    CHECK(products[1].category == "kitchen");
    CHECK(products[1].metadata_json == "{}");
}

TEST_CASE("reads quoted CSV fields with commas, doubled quotes and line breaks", "[feed][csv]") {
    const auto products = csv("id,title,description\r\n"
                              "a,\"Lamp, brass\",\"The \"\"Arc\"\"\r\nsecond line\"\r\n"
                              "b,Mug,\"\"\r\n");
    REQUIRE(products.size() == 2);
    CHECK(products[0].title == "Lamp, brass");
    CHECK(products[0].description == "The \"Arc\"\r\nsecond line");
    CHECK(products[1].description.empty());
}

TEST_CASE("a CSV with a UTF-8 byte-order mark reads the same as without", "[feed][csv]") {
    const std::string body = "id,title\nx,Caf\xC3\xA9 table\n";
    const auto with_bom = csv("\xEF\xBB\xBF" + body);
    REQUIRE(with_bom.size() == 1);
    CHECK(with_bom[0].id == "x");
    CHECK(with_bom[0].title == csv(body)[0].title);
}

TEST_CASE("columns the index has no field for go into metadata, empty cells are left out", "[feed][csv]") {
    const auto products = csv("id,title,brand,tags\na,Lamp,Acme,\n");
    REQUIRE(products.size() == 1);
    CHECK(metadata(products[0]) == nlohmann::json{{"brand", "Acme"}});
}

TEST_CASE("an empty price cell is no price, not 0", "[feed][csv]") {
    const auto products = csv("id,title,price\na,Lamp,\nb,Mug,0\n");
    CHECK_FALSE(products[0].price.has_value());
    CHECK(products[1].price == 0.0);
}

TEST_CASE("refuses a CSV row with an unclosed quote, naming the line and column where it opened", "[feed][csv]") {
    require_error([] { csv("id,title\na,Lamp\nb,\"Mug\nc,Cup\n"); }, ErrorKind::bad_catalogue,
                  {"shop.csv: line 3, column 2", "never closed"});
}

TEST_CASE("refuses a CSV field with text after its closing quote", "[feed][csv]") {
    require_error([] { csv("id,title\na,\"Lamp\"x\n"); }, ErrorKind::bad_catalogue,
                  {"line 2, column 2", "after the closing quote"});
}

TEST_CASE("refuses a quote inside an unquoted CSV field", "[feed][csv]") {
    require_error([] { csv("id,title\na,12\" lamp\n"); }, ErrorKind::bad_catalogue,
                  {"line 2, column 2", "quote inside an unquoted field"});
}

TEST_CASE("refuses ragged CSV rows, naming the line", "[feed][csv]") {
    require_error([] { csv("id,title,price\na,Lamp,3\nb,Mug\n"); }, ErrorKind::bad_catalogue,
                  {"shop.csv: line 3", "2 fields, the header has 3"});
    require_error([] { csv("id,title\na,Lamp,3\n"); }, ErrorKind::bad_catalogue, {"line 2", "3 fields"});
}

TEST_CASE("refuses a CSV header with a repeated or empty name", "[feed][csv]") {
    require_error([] { csv("id,title,id\na,b,c\n"); }, ErrorKind::bad_catalogue, {"line 1, column 3 (id)", "repeats column 1"});
    require_error([] { csv("id,,title\na,b,c\n"); }, ErrorKind::bad_catalogue, {"line 1, column 2", "names no field"});
    require_error([] { csv(""); }, ErrorKind::bad_catalogue, {"no header row"});
}

TEST_CASE("refuses ill-formed UTF-8 in a CSV, naming the line", "[feed][csv]") {
    require_error([] { csv("id,title\na,Lamp\nb,M\xFFg\n"); }, ErrorKind::bad_catalogue, {"line 3", "not valid UTF-8"});
    require_error([] { csv("id,title\na,\xED\xA0\x80\n"); }, ErrorKind::bad_catalogue, {"line 2", "not valid UTF-8"});
}

TEST_CASE("a CSV error about a product names line, column, column name and product", "[feed][csv]") {
    require_error([] { csv("sku,title,price\nlamp-1,Lamp,twelve\n", {{"id", "sku"}}); }, ErrorKind::bad_catalogue,
                  {"shop.csv: line 2, column 3 (price), product 1 ('lamp-1')", "\"twelve\" is not a number"});
    require_error([] { csv("id,title,price\na,Lamp,1\n\"b\nc\",,2\n"); }, ErrorKind::bad_catalogue,
                  {"line 3, column 2 (title), product 2", "title is missing"});
}

TEST_CASE("a 10 MB quoted CSV field is read whole", "[feed][csv]") {
    const std::string big(10u << 20, 'x');
    const auto products = csv("id,title,description\na,Lamp,\"" + big + "\"\n");
    REQUIRE(products.size() == 1);
    CHECK(products[0].description.size() == big.size());
}

TEST_CASE("reads a Google Merchant feed by its header alone", "[feed][csv]") {
    const auto products = csv("id,title,description,link,image_link,price,brand,availability\n"
                              "4711,Lamp,Brass,https://shop.example/l,https://cdn.example/l.jpg,15.00 USD,Acme,in stock\n");
    REQUIRE(products.size() == 1);
    const Product& p = products[0];
    CHECK(p.id == "4711");
    CHECK(p.image == "https://cdn.example/l.jpg");
    CHECK(p.price == 15.0);
    CHECK(metadata(p) == nlohmann::json{{"availability", "in stock"},
                                        {"brand", "Acme"},
                                        {"currency", "USD"},
                                        {"link", "https://shop.example/l"}});
}

TEST_CASE("a field map reads a feed's own column names", "[feed][csv]") {
    const auto products = csv("sku,name,price_eur,image_link\nA1,Lamp,\"12,50\",l.jpg\n",
                              parse_field_map("id=sku,title=name,price=price_eur,image=image_link"));
    REQUIRE(products.size() == 1);
    CHECK(products[0].id == "A1");
    CHECK(products[0].title == "Lamp");
    CHECK(products[0].price == 12.5);
    CHECK(products[0].image == "l.jpg");
    CHECK(products[0].metadata_json == "{}");
}
