// Specification of query templates: per-model defaults and placeholder substitution.
#include <catch2/catch.hpp>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/query_template.hpp"

using namespace vitrine;

TEST_CASE("Qwen3-Embedding models get the instruction template, whatever the size, org or case", "[query_template]") {
    for (const char* model : {"Qwen/Qwen3-Embedding-8B", "Qwen3-Embedding-0.6B", "qwen/qwen3-embedding-4b"})
        CHECK(default_query_template(model) == "Instruct: {task}\nQuery:{query}");
    for (const char* model : {"text-embedding-3-small", "Qwen/Qwen2-7B", "vitrine-local-hash-v1"})
        CHECK(default_query_template(model) == "{query}");
}

TEST_CASE("format_query fills {task} and {query} exactly as Qwen3-Embedding expects", "[query_template]") {
    CHECK(format_query(qwen3_embedding_query_template, "Find products", "red shoe") ==
          "Instruct: Find products\nQuery:red shoe");
    CHECK(format_query("{query}", "ignored", "red shoe") == "red shoe");
}

TEST_CASE("substituted text is not rescanned for placeholders", "[query_template]") {
    CHECK(format_query("{task}: {query}", "{query}", "a {task} b") == "{query}: a {task} b");
}

TEST_CASE("braces that are not placeholders stay as they are", "[query_template]") {
    CHECK(format_query("{ {query} } {} {", "t", "q") == "{ q } {} {");
}

TEST_CASE("a template without {query} or with an unknown placeholder is refused", "[query_template]") {
    CHECK_THROWS_WITH(format_query("Instruct: {task}", "t", "q"), Catch::Contains("no {query}"));
    CHECK_THROWS_WITH(format_query("{querry}", "t", "q"), Catch::Contains("unknown placeholder {querry}"));
}
