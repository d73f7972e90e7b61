// search/kernels/kernel_dispatch.cpp — which kernel table search uses: the best the CPU has,
// unless the caller chose the portable baseline with vitrine::set_kernels.
#include <atomic>
#include <xsimd/xsimd.hpp>

#include "kernels.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {
namespace kernels {
namespace {

const KernelTable& best_kernels() noexcept {
#if defined(VITRINE_HAVE_AVX2_KERNELS)
    if (xsimd::available_architectures().avx2) return avx2_kernels();
#endif
    return baseline_kernels();
}

std::atomic<const KernelTable*>& chosen() noexcept {
    static std::atomic<const KernelTable*> table{&best_kernels()};
    return table;
}

}  // namespace

const KernelTable& active_kernels() noexcept { return *chosen().load(std::memory_order_relaxed); }

}  // namespace kernels

void set_kernels(KernelChoice choice) noexcept {
    kernels::chosen().store(choice == KernelChoice::baseline ? &kernels::baseline_kernels() : &kernels::best_kernels(),
                            std::memory_order_relaxed);
}

}  // namespace vitrine
