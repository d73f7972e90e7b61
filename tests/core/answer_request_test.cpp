// Specification of answers from products: source text, the chat body, citations.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_catalogue.hpp"
#include "vitrine/catalogue/product_text.hpp"
#include "vitrine/hosted/answer_request.hpp"
#include "vitrine/base/error.hpp"

using namespace vitrine;
using nlohmann::json;

TEST_CASE("a source's text gives title, description, category, price and id", "[answer]") {
    RecordView r;
    r.id = "lig-7";
    r.title = "Brass lamp";
    r.description = "A floor lamp.";
    r.category = "lighting";
    r.price = 129.5;
    CHECK(answer_source_text(r) == "Brass lamp\nA floor lamp.\nCategory: lighting\nPrice: 129.50\nProduct id: lig-7");
}

TEST_CASE("the chat body numbers the products, images at low detail, question last", "[answer]") {
    const std::vector<ChatContextItem> sources = {{"Brass lamp", "data:image/jpeg;base64,/9j/"}, {"Oak lamp", std::nullopt}};
    const json body = json::parse(build_answer_request({.model = "vlm"}, "Which is brass?", sources));
    CHECK(body["model"] == "vlm");
    CHECK(body["max_tokens"] == 512);
    CHECK(body["messages"][0]["role"] == "system");
    CHECK(body["messages"][0]["content"] == std::string(default_answer_system_prompt));
    const json& parts = body["messages"][1]["content"];
    REQUIRE(parts.size() == 4);
    CHECK(parts[0]["text"] == "[1] Brass lamp");
    CHECK(parts[1]["image_url"]["detail"] == "low");
    CHECK(parts[2]["text"] == "[2] Oak lamp");
    CHECK(parts[3]["text"] == "Which is brass?");
}

TEST_CASE("an empty system prompt is left out; no sources is refused", "[answer]") {
    const std::vector<ChatContextItem> sources = {{"Lamp", std::nullopt}};
    const json body = json::parse(build_answer_request({.model = "vlm", .system_prompt = ""}, "q", sources));
    CHECK(body["messages"].size() == 1);
    CHECK_THROWS_WITH(build_answer_request({.model = "vlm"}, "q", {}), Catch::Contains("no products"));
}

TEST_CASE("citations are read as [n] and [n, m], in order of first mention, within range", "[answer]") {
    CHECK(cited_sources("Take [2]; or [1, 3]. [2] again.", 3) == std::vector<std::size_t>{1, 0, 2});
    CHECK(cited_sources("[4] and [0] do not exist, [1] does", 3) == std::vector<std::size_t>{0});
    CHECK(cited_sources("[see below] [1a] [] [ 2 ] [2,]", 3) == std::vector<std::size_t>{1});
    CHECK(cited_sources("no citations [", 3).empty());
}
