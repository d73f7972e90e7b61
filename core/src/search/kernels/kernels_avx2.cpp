// AVX2 kernels (compiled with -mavx2, chosen at run time only on CPUs that have it).
#include <immintrin.h>

#include "dot_kernels.hpp"
#include "kernels.hpp"

namespace vitrine::kernels {
namespace {

// int8 dot with vpmaddubsw, which multiplies unsigned by signed bytes: |b| x sign(a, b)
// keeps each product's value and sign (|-128| is 128 as an unsigned byte). Negating a
// is safe because the query (a) is quantised to [-127, 127]; pair sums stay within
// 2 x 128 x 127 < 32767, so nothing saturates and the result is exact, the same as
// every other variant, whatever bytes a stored vector (b) holds.
std::int32_t dot_i8_maddubs(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i sums = _mm256_setzero_si256();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i));
        const __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i));
        const __m256i pairs = _mm256_maddubs_epi16(_mm256_abs_epi8(vb), _mm256_sign_epi8(va, vb));
        sums = _mm256_add_epi32(sums, _mm256_madd_epi16(pairs, ones));
    }
    std::int32_t sum = xsimd::hadd(xsimd::batch<std::int32_t, xsimd::avx2>(sums));
    for (; i < n; ++i) sum += std::int32_t{a[i]} * std::int32_t{b[i]};
    return sum;
}

// vpmaddubsw needs each row's sign applied to the query, so rows share nothing: one at a time.
void dot_i8_maddubs_x4(const std::int8_t* a, const std::int8_t* const rows[4], std::size_t n, std::int32_t out[4]) {
    for (int r = 0; r < 4; ++r) out[r] = dot_i8_maddubs(a, rows[r], n);
}

}  // namespace

const KernelTable& avx2_kernels() noexcept {
    static const KernelTable table{"avx2", &dot_f32<xsimd::avx2>, &dot_i8_maddubs, &dot_i8_maddubs_x4, &hamming<xsimd::avx2>};
    return table;
}

}  // namespace vitrine::kernels
