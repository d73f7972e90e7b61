// search/scan_ranges.cpp — see scan_ranges.hpp.
#include "search/scan_ranges.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace vitrine {

std::size_t range_parts(std::size_t count, std::size_t threads) noexcept {
    return std::max<std::size_t>(1, std::min(threads, count));
}

void for_each_range(std::size_t count, std::size_t threads,
                    const std::function<void(std::size_t part, std::size_t begin, std::size_t end)>& scan) {
    const std::size_t parts = range_parts(count, threads);
    const auto bounds = [&](std::size_t part) { return part * count / parts; };
#if defined(__EMSCRIPTEN__)
    for (std::size_t part = 0; part < parts; ++part) scan(part, bounds(part), bounds(part + 1));
#else
    std::exception_ptr failure;
    std::mutex failure_lock;
    const auto run = [&](std::size_t part) {
        try {
            scan(part, bounds(part), bounds(part + 1));
        } catch (...) {
            const std::lock_guard lock(failure_lock);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(parts - 1);
    for (std::size_t part = 1; part < parts; ++part) {
        try {
            workers.emplace_back(run, part);
        } catch (const std::system_error&) {
            run(part);  // no thread to be had: the same range, on this one
        }
    }
    run(0);
    for (std::thread& worker : workers) worker.join();
    if (failure) std::rethrow_exception(failure);
#endif
}

}  // namespace vitrine
