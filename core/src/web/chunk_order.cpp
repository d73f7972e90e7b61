// web/chunk_order.cpp — products grouped by nearest pivot. See web/chunk_order.hpp.
#include "web/chunk_order.hpp"

#include <algorithm>
#include <numeric>

#include "search/kernels/kernels.hpp"
#include "search/search_steps.hpp"

namespace vitrine::web {

std::vector<std::uint32_t> chunk_order(std::span<const std::int8_t> rows, std::span<const float> scales,
                                       std::uint32_t count, std::uint32_t dims) {
    constexpr std::uint32_t products_a_pivot = 64;
    const std::uint32_t pivots = std::max<std::uint32_t>(1, count / products_a_pivot);
    const std::uint32_t stride = count / pivots;
    const kernels::KernelTable& k = kernels::active_kernels();
    const auto row = [&](std::uint32_t i) { return rows.data() + static_cast<std::size_t>(i) * dims; };
    std::vector<std::uint32_t> pivot_of(count, 0);
    for (std::uint32_t i = 0; i < count; ++i) {
        float best = -2.0f;
        for (std::uint32_t p = 0; p < pivots; ++p) {
            const std::uint32_t at = p * stride + static_cast<std::uint32_t>(std::uint64_t{p} * 2654435761u % stride);
            // The pivot's row is the query here: an int8 query holds no -128, and neither does a first-pass row.
            const float score = int8_score(k.dot_i8(row(at), row(i), dims), scales[at], 1.0f);
            if (score > best) {
                best = score;
                pivot_of[i] = p;
            }
        }
    }
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return pivot_of[a] < pivot_of[b]; });
    return order;
}

}  // namespace vitrine::web
