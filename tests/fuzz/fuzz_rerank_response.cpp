// fuzz_rerank_response.cpp — fuzz target: parse_rerank_response on a fuzzed body.
//
// The input is a response body, parsed as the answer to a request with 4
// documents and no top_n. Accepted: at most 4 results, distinct indices below 4,
// finite scores, best first with ties by lower index — and parsing again with
// top_n set to the number of results must give the same results. A refusal's
// message (quoting the body) must be printable UTF-8.
#include <cmath>
#include <set>
#include <string_view>
#include <vector>

#include "harness.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/hosted/rerank_api.hpp"

namespace {

constexpr std::size_t document_count = 4;

bool same(const std::vector<vitrine::RerankResult>& a, const std::vector<vitrine::RerankResult>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].index != b[i].index || a[i].relevance_score != b[i].relevance_score) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    std::vector<vitrine::RerankResult> results;
    try {
        results = vitrine::parse_rerank_response(body, document_count);
    } catch (const vitrine::Error& error) {
        FUZZ_REQUIRE(vitrine::test::is_printable_utf8(error.what()));
        return 0;
    }
    FUZZ_REQUIRE(results.size() <= document_count);
    std::set<std::size_t> indices;
    for (std::size_t i = 0; i < results.size(); ++i) {
        FUZZ_REQUIRE(results[i].index < document_count && indices.insert(results[i].index).second);
        FUZZ_REQUIRE(std::isfinite(results[i].relevance_score));
        if (i == 0) continue;
        const auto& a = results[i - 1];
        const auto& b = results[i];
        FUZZ_REQUIRE(a.relevance_score > b.relevance_score || (a.relevance_score == b.relevance_score && a.index < b.index));
    }
    if (!results.empty()) FUZZ_REQUIRE(same(vitrine::parse_rerank_response(body, document_count, results.size()), results));
    return 0;
}
