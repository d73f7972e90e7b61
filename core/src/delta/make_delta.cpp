// delta/make_delta.cpp — see vitrine/delta/make_delta.hpp. Native builds only (core/CMakeLists.txt).
#include "vitrine/delta/make_delta.hpp"

#include <zstd.h>

#include <memory>
#include <new>
#include <string>

#include "delta/content_hash.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/delta/delta_format.hpp"

namespace vitrine {
namespace {

struct FreeCCtx {
    void operator()(ZSTD_CCtx* context) const noexcept { ZSTD_freeCCtx(context); }
};

void check(std::size_t code) {
    if (ZSTD_isError(code)) throw Error(ErrorKind::invalid_argument, std::string("delta: zstd: ") + ZSTD_getErrorName(code));
}

// The smallest window (a power of two, zstd's minimum 2^10) that spans old + new, capped.
int window_log_for(std::uint64_t span) {
    int log = 10;  // ZSTD_WINDOWLOG_MIN (in zstd.h's static-linking-only part)
    while (log < delta_window_log_max && (std::uint64_t{1} << log) < span) ++log;
    return log;
}

}  // namespace

std::vector<std::uint8_t> make_delta(std::span<const std::uint8_t> old_index, std::span<const std::uint8_t> new_index,
                                     int level) {
    if (level < 1 || level > ZSTD_maxCLevel())
        throw Error(ErrorKind::invalid_argument, "delta: level " + std::to_string(level) + " is outside 1.." +
                                                     std::to_string(ZSTD_maxCLevel()));
    if (new_index.size() > max_delta_result_bytes)
        throw Error(ErrorKind::limit_exceeded, "delta: the new index is " + std::to_string(new_index.size()) +
                                                   " bytes, over the limit of " +
                                                   std::to_string(max_delta_result_bytes) + " bytes");
    const std::unique_ptr<ZSTD_CCtx, FreeCCtx> context(ZSTD_createCCtx());
    if (!context) throw std::bad_alloc();
    ZSTD_CCtx* cctx = context.get();
    check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level));
    check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, window_log_for(old_index.size() + new_index.size())));
    check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_enableLongDistanceMatching, 1));
    check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1));
    // The header's XXH3-128 of the result checks the content; zstd's own checksum would repeat it.
    check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0));
    check(ZSTD_CCtx_setPledgedSrcSize(cctx, new_index.size()));
    check(ZSTD_CCtx_refPrefix(cctx, old_index.data(), old_index.size()));

    std::vector<std::uint8_t> delta(delta_header_bytes + ZSTD_compressBound(new_index.size()));
    const std::size_t frame_size = ZSTD_compress2(cctx, delta.data() + delta_header_bytes,
                                                  delta.size() - delta_header_bytes, new_index.data(), new_index.size());
    check(frame_size);
    delta.resize(delta_header_bytes + frame_size);

    DeltaHeader header;
    header.base_bytes = old_index.size();
    header.base_hash = delta::content_hash(old_index);
    header.new_bytes = new_index.size();
    header.new_hash = delta::content_hash(new_index);
    header.frame_checksum = checksum64(delta.data() + delta_header_bytes, frame_size);
    write_delta_header(header, std::span<std::uint8_t, delta_header_bytes>(delta.data(), delta_header_bytes));
    return delta;
}

}  // namespace vitrine
