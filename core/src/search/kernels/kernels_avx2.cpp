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

// One row against four queries with vpmaddubsw: |row| is taken once a chunk, each
// query gets the row's signs (the same exact products as dot_i8_maddubs).
void dot_i8_maddubs_group4(const std::int8_t* row, const std::int8_t* const* queries, std::size_t n, std::int32_t* out) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;
    const std::int8_t *q0 = queries[0], *q1 = queries[1], *q2 = queries[2], *q3 = queries[3];
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + i));
        const __m256i magnitude = _mm256_abs_epi8(vb);
        const auto add_query = [&](__m256i sums, const std::int8_t* q) {
            const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + i));
            const __m256i pairs = _mm256_maddubs_epi16(magnitude, _mm256_sign_epi8(va, vb));
            return _mm256_add_epi32(sums, _mm256_madd_epi16(pairs, ones));
        };
        s0 = add_query(s0, q0);
        s1 = add_query(s1, q1);
        s2 = add_query(s2, q2);
        s3 = add_query(s3, q3);
    }
    const __m256i sums[4] = {s0, s1, s2, s3};
    for (int g = 0; g < 4; ++g) {
        std::int32_t sum = xsimd::hadd(xsimd::batch<std::int32_t, xsimd::avx2>(sums[g]));
        for (std::size_t j = i; j < n; ++j) sum += std::int32_t{queries[g][j]} * std::int32_t{row[j]};
        out[g] = sum;
    }
}

void dot_i8_maddubs_many(const std::int8_t* row, const std::int8_t* const* queries, std::size_t count, std::size_t n,
                         std::int32_t* out) {
    std::size_t q = 0;
    for (; q + 4 <= count; q += 4) dot_i8_maddubs_group4(row, queries + q, n, out + q);
    for (; q < count; ++q) out[q] = dot_i8_maddubs(queries[q], row, n);
}

}  // namespace

const KernelTable& avx2_kernels() noexcept {
    static const KernelTable table{"avx2",
                                   &dot_f32<xsimd::avx2>,
                                   &dot_i8_maddubs,
                                   &dot_i8_maddubs_x4,
                                   &hamming<xsimd::avx2>,
                                   &dot_f32_i8<xsimd::avx2>,
                                   &dot_f32_many<xsimd::avx2>,
                                   &dot_i8_maddubs_many,
                                   &hamming_many<xsimd::avx2>};
    return table;
}

}  // namespace vitrine::kernels
