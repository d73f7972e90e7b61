// search/scan_ranges.hpp — splits a scan into contiguous ranges run on threads (internal).
//
//   for_each_range(count, threads, [&](std::size_t part, std::size_t begin, std::size_t end) { ... });
//
// Part p covers [p * count / parts, (p + 1) * count / parts); part 0 runs on the calling
// thread, the others on their own std::thread, all joined before it returns; the first
// exception thrown by any part is rethrown. `parts` is min(threads, count), at least 1.
// Under Emscripten (no pthreads in this build) every range runs on the calling thread.
#pragma once

#include <cstddef>
#include <functional>

namespace vitrine {

std::size_t range_parts(std::size_t count, std::size_t threads) noexcept;
void for_each_range(std::size_t count, std::size_t threads,
                    const std::function<void(std::size_t part, std::size_t begin, std::size_t end)>& scan);

}  // namespace vitrine
