#include <cstdlib>
#include <cstring>
#include <xsimd/xsimd.hpp>

#include "kernels.hpp"

namespace vitrine::kernels {
namespace {

const KernelTable& choose() noexcept {
#if defined(VITRINE_HAVE_AVX2_KERNELS)
    // VITRINE_KERNELS=baseline forces the portable kernels (tests compare the two).
    const char* forced = std::getenv("VITRINE_KERNELS");
    const bool baseline_forced = forced && std::strcmp(forced, "baseline") == 0;
    if (!baseline_forced && xsimd::available_architectures().avx2) return avx2_kernels();
#endif
    return baseline_kernels();
}

}  // namespace

const KernelTable& active_kernels() noexcept {
    static const KernelTable& table = choose();
    return table;
}

}  // namespace vitrine::kernels
