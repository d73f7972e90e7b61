// delta/apply_delta.cpp — see vitrine/delta/apply_delta.hpp.
#include "vitrine/delta/apply_delta.hpp"

#include <zstd.h>

#include <memory>
#include <new>
#include <string>

#include "delta/content_hash.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/delta/delta_format.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::bad_delta, "delta: " + message); }

struct FreeDCtx {
    void operator()(ZSTD_DCtx* context) const noexcept { ZSTD_freeDCtx(context); }
};

void check(std::size_t code, const char* doing) {
    if (ZSTD_isError(code)) refuse(std::string(doing) + ": " + ZSTD_getErrorName(code));
}

}  // namespace

std::vector<std::uint8_t> apply_delta(std::span<const std::uint8_t> base, std::span<const std::uint8_t> delta) {
    const DeltaHeader header = read_delta_header(delta);
    const DeltaContentHash base_hash = delta::content_hash(base);
    if (base.size() != header.base_bytes || base_hash != header.base_hash)
        refuse("made for base index " + delta::describe(header.base_hash, header.base_bytes) + ", not for this one, " +
               delta::describe(base_hash, base.size()));

    const std::span<const std::uint8_t> frame = delta.subspan(delta_header_bytes);
    if (checksum64(frame.data(), frame.size()) != header.frame_checksum)
        refuse("checksum mismatch in the compressed part (truncated or corrupted)");
    const unsigned long long content_size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN)
        refuse("the compressed part is truncated or corrupted (no zstd frame with its size)");
    if (content_size != header.new_bytes)
        refuse("the compressed part holds " + std::to_string(content_size) + " bytes, the header says " +
               std::to_string(header.new_bytes));
    const std::size_t frame_size = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
    if (ZSTD_isError(frame_size)) refuse("the compressed part is truncated or corrupted");
    if (frame_size != frame.size())
        refuse(std::to_string(frame.size() - frame_size) + " unexpected bytes after the compressed part");

    const std::unique_ptr<ZSTD_DCtx, FreeDCtx> context(ZSTD_createDCtx());
    if (!context) throw std::bad_alloc();
    check(ZSTD_DCtx_refPrefix(context.get(), base.data(), base.size()), "base");
    std::vector<std::uint8_t> result(static_cast<std::size_t>(header.new_bytes));
    const std::size_t written =
        ZSTD_decompressDCtx(context.get(), result.data(), result.size(), frame.data(), frame.size());
    check(written, "the compressed part is corrupted");
    if (written != result.size())
        refuse("decoded " + std::to_string(written) + " bytes, the header says " + std::to_string(result.size()));
    const DeltaContentHash result_hash = delta::content_hash(result);
    if (result_hash != header.new_hash)
        refuse("the result's hash " + to_hex({result_hash.high, result_hash.low}) + " is not the new index's " +
               to_hex({header.new_hash.high, header.new_hash.low}) + " (corrupted)");
    return result;
}

}  // namespace vitrine
