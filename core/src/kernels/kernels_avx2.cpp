// AVX2 kernels (compiled with -mavx2, chosen at run time only on CPUs that have it).
#include "dot_kernels.hpp"
#include "kernels.hpp"

namespace vitrine::kernels {

const KernelTable& avx2_kernels() noexcept {
    static const KernelTable table{"avx2", &dot_f32<xsimd::avx2>, &dot_i8<xsimd::avx2>};
    return table;
}

}  // namespace vitrine::kernels
