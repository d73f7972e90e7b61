// data_uri_test.cpp — Base64 against RFC 4648's test vectors, and the data URI around it.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "vitrine/image/data_uri.hpp"

using namespace vitrine;

namespace {

std::vector<std::uint8_t> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

}  // namespace

TEST_CASE("encodes the RFC 4648 Base64 test vectors") {
    CHECK(base64_encode(bytes_of("")) == "");
    CHECK(base64_encode(bytes_of("f")) == "Zg==");
    CHECK(base64_encode(bytes_of("fo")) == "Zm8=");
    CHECK(base64_encode(bytes_of("foo")) == "Zm9v");
    CHECK(base64_encode(bytes_of("foob")) == "Zm9vYg==");
    CHECK(base64_encode(bytes_of("fooba")) == "Zm9vYmE=");
    CHECK(base64_encode(bytes_of("foobar")) == "Zm9vYmFy");
}

TEST_CASE("uses the standard alphabet with + and /, not the URL-safe one") {
    CHECK(base64_encode(std::vector<std::uint8_t>{0xFB, 0xFF}) == "+/8=");
    CHECK(base64_encode(std::vector<std::uint8_t>{0x00, 0x00, 0x00}) == "AAAA");
    CHECK(base64_encode(std::vector<std::uint8_t>{0xFF, 0xFF, 0xFF}) == "////");
}

TEST_CASE("encodes every byte value, four characters for every three bytes") {
    std::vector<std::uint8_t> all(256);
    for (int i = 0; i < 256; ++i) all[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
    const std::string encoded = base64_encode(all);
    CHECK(encoded.size() == 344);  // ceil(256 / 3) * 4
    CHECK(encoded.substr(0, 8) == "AAECAwQF");
    CHECK(encoded.substr(encoded.size() - 8) == "/P3+/w==");
}

TEST_CASE("builds a JPEG data URI by default") {
    CHECK(to_data_uri(bytes_of("foo")) == "data:image/jpeg;base64,Zm9v");
}

TEST_CASE("builds a data URI with the MIME type given") {
    CHECK(to_data_uri(bytes_of("fooba"), "image/png") == "data:image/png;base64,Zm9vYmE=");
    CHECK(to_data_uri({}, "image/png") == "data:image/png;base64,");
}
