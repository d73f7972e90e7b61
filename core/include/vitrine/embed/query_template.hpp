// vitrine/embed/query_template.hpp — how a search query is worded for an embedding model.
//
//   std::string t = vitrine::default_query_template("Qwen/Qwen3-Embedding-8B");  // "Instruct: {task}\nQuery:{query}"
//   std::string text = vitrine::format_query(t, vitrine::default_query_task, "red trail shoe");
//
// Instruction-tuned embedders want queries wrapped in an instruction and
// documents left bare (Qwen3-Embedding: "Instruct: {task}\nQuery:{query}").
// A template is text with the placeholders {query} (required) and {task}; both
// are replaced wherever they appear, and the substituted text is not rescanned.
// Models without a known template embed the query as it is ("{query}").
//
// Refuses (Error, kind invalid_argument): a template without {query}, and one
// naming any other {placeholder} (a typo such as {querry} would otherwise be sent).
#pragma once

#include <string>
#include <string_view>

namespace vitrine {

inline constexpr std::string_view qwen3_embedding_query_template = "Instruct: {task}\nQuery:{query}";
inline constexpr std::string_view plain_query_template = "{query}";
inline constexpr std::string_view default_query_task =
    "Given a shopper's search query, retrieve the products that match it";

// The template for a model name: Qwen3-Embedding (any size, any "org/" prefix,
// any case) gets the instruction template, every other model the plain one.
std::string default_query_template(std::string_view model);

std::string format_query(std::string_view query_template, std::string_view task, std::string_view query);

}  // namespace vitrine
