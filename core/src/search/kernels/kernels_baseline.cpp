// The baseline kernels: SSE2 on any x86-64, SSE4.1 lowered to WASM SIMD128 under Emscripten.
#include "dot_kernels.hpp"
#include "kernels.hpp"

namespace vitrine::kernels {

const KernelTable& baseline_kernels() noexcept {
    using arch = xsimd::default_arch;
    static const KernelTable table{arch::name(), &dot_f32<arch>, &dot_i8<arch>, &dot_i8_x4<arch>, &hamming<arch>,
                                   &dot_f32_i8<arch>, &dot_f32_many<arch>, &dot_i8_many<arch>, &hamming_many<arch>};
    return table;
}

}  // namespace vitrine::kernels
