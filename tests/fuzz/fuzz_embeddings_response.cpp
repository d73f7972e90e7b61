// fuzz_embeddings_response.cpp — fuzz target: parse_embeddings_response on a fuzzed body.
//
// The input is a response body, parsed as the answer to a request for 2 inputs
// with no dimensions requested. Accepted: exactly 2 rows of one common, non-zero
// length of finite floats — and parsing again with that length as expected_dims
// must give the same rows. A refusal's message (quoting the body) must be printable UTF-8.
#include <cmath>
#include <string_view>
#include <vector>

#include "harness.hpp"
#include "vitrine/hosted/embeddings_api.hpp"
#include "vitrine/base/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    std::vector<std::vector<float>> rows;
    try {
        rows = vitrine::parse_embeddings_response(body, 2);
    } catch (const vitrine::Error& error) {
        FUZZ_REQUIRE(vitrine::test::is_printable_utf8(error.what()));
        return 0;
    }
    FUZZ_REQUIRE(rows.size() == 2 && !rows[0].empty() && rows[0].size() == rows[1].size());
    for (const auto& row : rows)
        for (const float value : row) FUZZ_REQUIRE(std::isfinite(value));
    FUZZ_REQUIRE(vitrine::parse_embeddings_response(body, 2, rows[0].size()) == rows);
    return 0;
}
