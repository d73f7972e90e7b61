// fuzz_chat_response.cpp — fuzz target: parse_chat_response on a fuzzed body.
//
// The input is a /v1/chat/completions response body. Accepted or refused, the
// only exception allowed out is vitrine::Error, whose message (quoting the body)
// must be printable UTF-8.
#include <string_view>

#include "harness.hpp"
#include "vitrine/hosted/chat_api.hpp"
#include "vitrine/base/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        vitrine::parse_chat_response(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const vitrine::Error& error) {
        FUZZ_REQUIRE(vitrine::test::is_printable_utf8(error.what()));
    }
    return 0;
}
