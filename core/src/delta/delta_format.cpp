// delta/delta_format.cpp — see vitrine/delta/delta_format.hpp.
#include "vitrine/delta/delta_format.hpp"

#include <cstring>
#include <string>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

using bytes::load;
using bytes::store;

constexpr char magic[8] = {'V', 'T', 'X', 'D', 'E', 'L', 'T', 'A'};
constexpr std::size_t checked_bytes = 72;  // the header before its own checksum

DeltaContentHash load_hash(const std::uint8_t* at) noexcept { return {load<std::uint64_t>(at), load<std::uint64_t>(at + 8)}; }

void store_hash(std::uint8_t* at, const DeltaContentHash& hash) noexcept {
    store(at, hash.high);
    store(at + 8, hash.low);
}

}  // namespace

DeltaHeader read_delta_header(std::span<const std::uint8_t> delta) {
    if (delta.size() < delta_header_bytes)
        throw Error(ErrorKind::bad_delta, "delta: " + std::to_string(delta.size()) + " bytes is shorter than its " +
                                              std::to_string(delta_header_bytes) + "-byte header (truncated?)");
    const std::uint8_t* at = delta.data();
    if (std::memcmp(at, magic, sizeof magic) != 0)
        throw Error(ErrorKind::bad_delta, "delta: not a Vitrine delta file (bad magic)");
    if (load<std::uint64_t>(at + checked_bytes) != checksum64(at, checked_bytes))
        throw Error(ErrorKind::bad_delta, "delta: header checksum mismatch (the header is corrupted)");
    const std::uint32_t version = load<std::uint32_t>(at + 8);
    if (version != delta_format_version)
        throw Error(ErrorKind::unsupported, "delta: format version " + std::to_string(version) +
                                                " is not supported (this build reads version " +
                                                std::to_string(delta_format_version) + ")");
    if (load<std::uint32_t>(at + 12) != 0) throw Error(ErrorKind::unsupported, "delta: unknown flags are set");
    DeltaHeader header;
    header.base_bytes = load<std::uint64_t>(at + 16);
    header.base_hash = load_hash(at + 24);
    header.new_bytes = load<std::uint64_t>(at + 40);
    header.new_hash = load_hash(at + 48);
    header.frame_checksum = load<std::uint64_t>(at + 64);
    if (header.new_bytes > max_delta_result_bytes)
        throw Error(ErrorKind::limit_exceeded, "delta: the new index would be " + std::to_string(header.new_bytes) +
                                                   " bytes, over the limit of " +
                                                   std::to_string(max_delta_result_bytes) + " bytes");
    return header;
}

void write_delta_header(const DeltaHeader& header, std::span<std::uint8_t, delta_header_bytes> out) {
    std::uint8_t* at = out.data();
    std::memcpy(at, magic, sizeof magic);
    store(at + 8, delta_format_version);
    store(at + 12, std::uint32_t{0});
    store(at + 16, header.base_bytes);
    store_hash(at + 24, header.base_hash);
    store(at + 40, header.new_bytes);
    store_hash(at + 48, header.new_hash);
    store(at + 64, header.frame_checksum);
    store(at + checked_bytes, checksum64(at, checked_bytes));
}

}  // namespace vitrine
