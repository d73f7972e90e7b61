// Every documented limit, hit: index size, record count, dims, section count and
// model name; image pixels and decompression; endpoint body size and nesting;
// catalogue vector length and nesting. Each is refused with its error kind and a
// message that names it, and the value at the limit itself is still accepted.
// (docs/limits.md lists them all, with the limits that cannot be hit cheaply.)
#include <catch2/catch.hpp>

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "index_editing.hpp"
#include "png_builder.hpp"
#include "test_catalogue.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/hosted/chat_api.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"

using namespace vitrine;
using Catch::Matchers::Contains;

namespace {

template <class Call>
std::optional<Error> refusal_of(Call&& call) {
    try {
        call();
    } catch (const Error& error) {
        return error;
    }
    return std::nullopt;
}

std::optional<Error> open_refusal(const std::vector<std::uint8_t>& bytes) {
    return refusal_of([&] { Index::open(bytes); });
}

void store_u32(std::vector<std::uint8_t>& bytes, std::size_t field, std::uint32_t value) {
    bytes::store<std::uint32_t>(bytes.data() + field, value);
}

// Address space for an index larger than memory: only the pages written are backed.
struct SparseBytes {
    explicit SparseBytes(std::size_t n) : size(n) {
        void* mapped = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        data = mapped == MAP_FAILED ? nullptr : static_cast<std::uint8_t*>(mapped);
    }
    ~SparseBytes() {
        if (data) ::munmap(data, size);
    }
    std::uint8_t* data;
    std::size_t size;
};

// A chat completion answering "ok", with a "pad" member nested `depth` - 1 arrays deep
// (so the body nests `depth` levels) and whitespace up to `size` bytes.
std::string chat_body(int depth, std::size_t size = 0) {
    std::string body = R"({"pad":)" + std::string(depth - 1, '[') + std::string(depth - 1, ']') +
                       R"(,"choices":[{"message":{"content":"ok"}}]})";
    body.resize(std::max(size, body.size()), ' ');
    return body;
}

}  // namespace

TEST_CASE("an index of exactly max_dims dims is written and opens; the writer refuses one dim more", "[limits]") {
    const auto at_limit = test::build_random_index(Storage::f32, 1, IndexLimits::max_dims, 1);
    CHECK(Index::open(at_limit.bytes).dims() == IndexLimits::max_dims);

    const auto error = refusal_of([] {
        write_index(test::spec_for(Storage::f32, IndexLimits::max_dims + 1), test::numbered_products(1),
                    test::random_vectors(1, IndexLimits::max_dims + 1, 2));
    });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::limit_exceeded);
    CHECK_THAT(error->what(), Contains("dims 16385 exceed the limit of 16384"));
}

TEST_CASE("the reader refuses an index of more than max_dims dims as a limit", "[limits]") {
    auto built = test::build_random_index(Storage::f32, 1, 8, 3);
    store_u32(built.bytes, layout::header::dims, IndexLimits::max_dims + 1);
    store_u32(built.bytes, layout::header::model_dims, IndexLimits::max_dims + 1);
    test::reseal(built.bytes);
    const auto error = open_refusal(built.bytes);
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::limit_exceeded);
    CHECK_THAT(error->what(), Contains("dims 16385 exceed the limit of 16384"));
}

TEST_CASE("the reader refuses a record count over max_records as a limit, and max_records itself only as inconsistent",
          "[limits]") {
    auto built = test::build_random_index(Storage::f32, 1, 8, 4);
    store_u32(built.bytes, layout::header::count, IndexLimits::max_records + 1);
    test::reseal(built.bytes);
    auto error = open_refusal(built.bytes);
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::limit_exceeded);
    CHECK_THAT(error->what(), Contains("record count 50000001 exceeds the limit of 50000000"));

    store_u32(built.bytes, layout::header::count, IndexLimits::max_records);
    test::reseal(built.bytes);
    error = open_refusal(built.bytes);
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::corrupt_index);
    CHECK_THAT(error->what(), Contains("the vectors section is"));
}

TEST_CASE("the reader refuses a section table of more than max_sections entries", "[limits]") {
    auto built = test::build_random_index(Storage::f32, 1, 8, 5);
    store_u32(built.bytes, layout::header::section_count, IndexLimits::max_sections + 1);
    const auto error = open_refusal(built.bytes);
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::corrupt_index);
    CHECK_THAT(error->what(), Contains("section count 257 is outside 1..256"));
}

TEST_CASE("the reader refuses an index over max_file_bytes as a limit, before reading past its header", "[limits]") {
    SparseBytes huge(IndexLimits::max_file_bytes + 64);
    REQUIRE(huge.data != nullptr);
    auto built = test::build_random_index(Storage::f32, 1, 8, 6);
    test::reseal(built.bytes, huge.size);  // a valid index but for its size: everything past it is zeros
    std::memcpy(huge.data, built.bytes.data(), built.bytes.size());
    const auto error = refusal_of([&] { Index::open({huge.data, huge.size}); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::limit_exceeded);
}

TEST_CASE("the writer accepts a model name of max_model_name_bytes and refuses one byte more", "[limits]") {
    auto spec = test::spec_for(Storage::f32, 4);
    spec.model = std::string(IndexLimits::max_model_name_bytes, 'm');
    const auto products = test::numbered_products(1);
    const auto vectors = test::random_vectors(1, 4, 7);
    CHECK(Index::open(write_index(spec, products, vectors)).model() == spec.model);

    spec.model += 'm';
    const auto error = refusal_of([&] { write_index(spec, products, vectors); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::invalid_argument);
    CHECK_THAT(error->what(), Contains("model name is longer than 63 bytes"));
}

TEST_CASE("refuses a PNG whose image data inflates far past the size its header declares (a zlib bomb)", "[limits]") {
    // 1x1 RGB needs 4 bytes of image data; this IDAT holds 64 MiB of zeros in 423 KB.
    const auto bomb = test::png_file({.width = 1, .height = 1}, test::zlib_zeros(std::size_t{64} << 20));
    const auto error = refusal_of([&] { prepare_image(bomb); });
    REQUIRE(error);
    CHECK((error->kind() == ErrorKind::limit_exceeded || error->kind() == ErrorKind::bad_image));
}

TEST_CASE("an endpoint body of exactly 64 MiB is still parsed", "[limits]") {
    CHECK(parse_chat_response(chat_body(2, std::size_t{64} << 20)) == "ok");
}

TEST_CASE("an endpoint body nested exactly 64 levels is parsed, and 65 levels are refused", "[limits]") {
    CHECK(parse_chat_response(chat_body(64)) == "ok");
    const auto error = refusal_of([] { parse_chat_response(chat_body(65)); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::bad_response);
    CHECK_THAT(error->what(), Contains("JSON nests deeper than 64 levels"));
}

TEST_CASE("refuses precomputed vectors longer than max_dims unless truncated to max_dims", "[limits]") {
    const auto products = parse_catalogue(R"([{"id":"a","title":"lamp"}])");
    std::string line = R"({"id":"a","embedding":[1)";
    for (std::uint32_t i = 1; i <= IndexLimits::max_dims; ++i) line += ",0";
    line += "]}";
    const auto error = refusal_of([&] { parse_vectors_jsonl(line, products); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::bad_catalogue);
    CHECK_THAT(error->what(), Contains("embedding is longer than the dims limit"));

    const LoadedVectors truncated = parse_vectors_jsonl(line, products, IndexLimits::max_dims);
    CHECK(truncated.dims == IndexLimits::max_dims);
    CHECK(truncated.model_dims == IndexLimits::max_dims + 1);
}

TEST_CASE("refuses a catalogue nested deeper than 64 levels instead of overflowing the stack", "[limits]") {
    const std::size_t depth = 1'000'000;
    const std::string deep = R"([{"id":"a","title":"lamp","metadata":{"x":)" + std::string(depth, '[') +
                             std::string(depth, ']') + "}}]";
    const auto error = refusal_of([&] { parse_catalogue(deep); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::bad_catalogue);
    CHECK_THAT(error->what(), Contains("nests deeper than 64 levels"));
}
