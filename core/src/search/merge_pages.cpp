// search/merge_pages.cpp — shard pages merged (see vitrine/search/merge_pages.hpp).
#include "vitrine/search/merge_pages.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

std::vector<FacetCounts> merge_facets(std::span<const ShardPage> pages) {
    if (pages.empty()) return {};
    const std::vector<FacetCounts>& first = pages.front().facets;
    for (const ShardPage& page : pages)
        if (page.facets.size() != first.size())
            throw Error(ErrorKind::invalid_argument, "merge pages: shard pages facet different fields");
    std::vector<FacetCounts> merged;
    for (std::size_t f = 0; f < first.size(); ++f) {
        FacetCounts facet{.field = first[f].field};
        std::map<std::string, std::size_t, std::less<>> counts;
        for (const ShardPage& page : pages) {
            if (page.facets[f].field != first[f].field)
                throw Error(ErrorKind::invalid_argument, "merge pages: shard pages facet different fields");
            const FacetCounts& part = page.facets[f];
            for (const FacetValueCount& value : part.counts) counts[value.value] += value.count;
            if (part.min) facet.min = facet.min ? std::min(*facet.min, *part.min) : *part.min;
            if (part.max) facet.max = facet.max ? std::max(*facet.max, *part.max) : *part.max;
        }
        for (auto& [value, count] : counts) facet.counts.push_back({value, count});
        facet.counts = rank_facet_values(std::move(facet.counts));
        merged.push_back(std::move(facet));
    }
    return merged;
}

}  // namespace

MergedPage merge_pages(std::span<const ShardPage> pages, const SortOrder& order, std::size_t offset, std::size_t top_k) {
    MergedPage merged{.facets = merge_facets(pages)};
    std::vector<MergedHit> all;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        merged.total += pages[p].total;
        for (std::size_t h = 0; h < pages[p].hits.size(); ++h) all.push_back({p, h});
    }
    const auto hit = [&](const MergedHit& m) -> const ShardHit& { return pages[m.page].hits[m.hit]; };
    std::sort(all.begin(), all.end(), [&](const MergedHit& a, const MergedHit& b) {
        return sorts_before(order, hit(a).key, hit(a).hit, hit(b).key, hit(b).hit);
    });
    const std::size_t first = std::min(offset, all.size());
    const std::size_t last = first + std::min(top_k, all.size() - first);
    merged.hits.assign(all.begin() + static_cast<std::ptrdiff_t>(first), all.begin() + static_cast<std::ptrdiff_t>(last));
    return merged;
}

}  // namespace vitrine
