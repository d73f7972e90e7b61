// search/category_round_robin.cpp — the fixed candidate rule for queries without text.
// See vitrine/search/category_round_robin.hpp.
#include "vitrine/search/category_round_robin.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& what) {
    throw Error(ErrorKind::invalid_argument, "round robin by category: " + what);
}

// The filters with search()'s meaning: exact category, inclusive prices, id allow-list.
bool passes(const RecordView& r, const SearchOptions& options, const std::unordered_set<std::string_view>& ids) {
    if (options.category && r.category != *options.category) return false;
    if (options.min_price && r.price < *options.min_price) return false;
    if (options.max_price && r.price > *options.max_price) return false;
    return !options.ids || ids.contains(r.id);
}

}  // namespace

std::vector<std::uint32_t> round_robin_by_category(const Index& index, const SearchOptions& options) {
    if (options.top_k == 0) refuse("top_k must be at least 1");
    for (const auto price : {options.min_price, options.max_price})
        if (price && std::isnan(*price)) refuse("price bounds must be numbers");
    if (options.min_price && options.max_price && *options.min_price > *options.max_price)
        refuse("min_price is greater than max_price");

    std::unordered_set<std::string_view> ids;
    if (options.ids) ids.insert(options.ids->begin(), options.ids->end());
    std::vector<std::vector<std::uint32_t>> queues;  // one per category, first-appearance order
    std::unordered_map<std::string_view, std::size_t> queue_of;
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const RecordView r = index.record(i);
        if (!passes(r, options, ids)) continue;
        const auto [it, added] = queue_of.emplace(r.category, queues.size());
        if (added) queues.emplace_back();
        queues[it->second].push_back(i);
    }

    std::vector<std::uint32_t> picked;
    for (std::size_t round = 0; picked.size() < options.top_k; ++round) {
        const std::size_t before = picked.size();
        for (const auto& queue : queues)
            if (round < queue.size() && picked.size() < options.top_k) picked.push_back(queue[round]);
        if (picked.size() == before) break;
    }
    return picked;
}

}  // namespace vitrine
