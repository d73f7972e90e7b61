// hosted/json_response.hpp — shared pieces for the hosted-endpoint JSON layer (internal).
//
// Parsing: parse_response_object() refuses bodies over max_response_bytes
// (limit_exceeded), empty bodies, nesting deeper than max_response_depth,
// anything nlohmann cannot parse (syntax, truncation, ill-formed UTF-8, number
// overflow), non-object roots and error objects sent with a 200
// ({"error":{"message":…}}, {"error":"…"} or vLLM's {"object":"error","message":…}).
// Every refusal is a vitrine::Error(bad_response) that names the endpoint and
// what is wrong, followed by a printable snippet of the body.
//
// Building: dump_request() serialises with invalid UTF-8 replaced (U+FFFD), so
// it never throws; invalid_request() reports an out-of-contract request.
//
// nlohmann stays inside core/src: public headers use std types only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vitrine::detail {

// Rerank responses echo every document, images included, so this is sized for
// a few dozen base64 images; anything larger is not a response we asked for.
inline constexpr std::size_t max_response_bytes = std::size_t{64} << 20;  // 64 MiB
// Real responses nest about six levels; nlohmann parses and destroys without
// recursion, but copying, comparing and dumping recurse, so keep trees shallow.
inline constexpr int max_response_depth = 64;
inline constexpr std::size_t max_snippet_chars = 120;

// Whether brackets outside strings nest deeper than `limit`: a scan that refuses a
// hostile document before any tree (and any recursion over it) exists.
bool nests_deeper_than(std::string_view json, int limit);

// text as valid, printable UTF-8: control characters and ill-formed bytes
// escaped (\n, \x1b, ...), cut to at most max_chars characters ending in "...".
std::string printable_snippet(std::string_view text, std::size_t max_chars);

// One response being validated: which endpoint it came from and its raw body.
struct Response {
    std::string_view endpoint;  // e.g. "rerank response"
    std::string_view body;

    // Throws Error(bad_response, "<endpoint>: <what> — body: <snippet>").
    [[noreturn]] void fail(const std::string& what) const;
};

nlohmann::json parse_response_object(const Response& response);

// object[key], or a failure saying "<where> has no `key`".
const nlohmann::json& member(const Response& response, const nlohmann::json& object,
                             const char* key, const std::string& where);
// object[key], which must be an array.
const nlohmann::json& array_member(const Response& response, const nlohmann::json& object,
                                   const char* key, const std::string& where);
// entry must be a JSON object.
void require_object(const Response& response, const nlohmann::json& entry,
                    const std::string& where);
// entry["index"], which must be an integer in [0, count).
std::size_t index_member(const Response& response, const nlohmann::json& entry,
                         std::size_t count, const std::string& where);
// "a string (\"0.9\")", "an array", ...: a value's type and, for scalars, a short rendering.
std::string describe_value(const nlohmann::json& value);

std::string dump_request(const nlohmann::json& body);
[[noreturn]] void invalid_request(std::string_view endpoint, const std::string& what);

}  // namespace vitrine::detail
