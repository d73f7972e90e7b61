// fuzz_delta.cpp — fuzz target: apply_delta on a fuzzed delta over a fixed base index.
//
// The base is the int8 3 x 8 index of the seed corpus (test_catalogue.hpp); the input is a
// delta. It is applied twice: as given, so the header, the checksums and the base check see
// the raw mutation; then resealed (the base's length and hash, the frame's checksum and the
// header's recomputed), so mutations reach zstd's decoder and the result's hash check. A delta
// that applies must give bytes whose length and XXH3-128 are the header's; they are then
// opened as an index (refusing them is fine: any bytes can be a delta's result).
#include <span>
#include <vector>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "harness.hpp"
#include "test_catalogue.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/delta/apply_delta.hpp"
#include "vitrine/delta/delta_format.hpp"
#include "vitrine/index/reader.hpp"

namespace {

using namespace vitrine;

void apply(const std::vector<std::uint8_t>& base, std::span<const std::uint8_t> delta) {
    try {
        const std::vector<std::uint8_t> result = apply_delta(base, delta);
        const DeltaHeader header = read_delta_header(delta);
        FUZZ_REQUIRE(result.size() == header.new_bytes);
        const Hash128 hash = content_hash128(result.data(), result.size());
        FUZZ_REQUIRE(hash.high == header.new_hash.high && hash.low == header.new_hash.low);
        Index::open(result);
    } catch (const Error& error) {
        FUZZ_REQUIRE(vitrine::test::is_printable_utf8(error.what()));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::uint8_t> base = vitrine::test::build_random_index(Storage::int8, 3, 8, 2).bytes;
    const std::span<const std::uint8_t> input(data, size);
    apply(base, input);
    if (size < delta_header_bytes) return 0;

    std::vector<std::uint8_t> resealed(input.begin(), input.end());
    std::uint8_t* at = resealed.data();
    const Hash128 base_hash = content_hash128(base.data(), base.size());
    bytes::store(at + 16, std::uint64_t{base.size()});
    bytes::store(at + 24, base_hash.high);
    bytes::store(at + 32, base_hash.low);
    bytes::store(at + 64, checksum64(at + delta_header_bytes, size - delta_header_bytes));
    bytes::store(at + 72, checksum64(at, 72));
    apply(base, resealed);
    return 0;
}
