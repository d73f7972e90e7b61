// vitrine/search/merge_pages.hpp — storefront pages of a catalogue's shards merged into the
// page its whole index gives.
//
//   std::vector<vitrine::ShardPage> pages = ...;   // shard i's first offset + top_k hits, total, facets
//   vitrine::MergedPage page = vitrine::merge_pages(pages, order, offset, top_k);
//   page.hits[0].page, page.hits[0].hit;              // which shard's which hit comes first
//
// Exact when every score is a product's own (vector similarity: a hit's score does not
// depend on the rest of the catalogue; keyword BM25 does, through corpus statistics a shard
// lacks) and each page holds its shard's first offset + top_k hits in `order` (asked at
// offset 0), with hits' positions the catalogue's (Index::catalogue_position). Hits merge by
// sorts_before (sort_order.hpp: the key, then score, then catalogue position) — the whole
// index's order; totals add up; facet counts add up per value and rank as count_facets
// ranks them; numeric ranges widen. Pages must facet the same fields in the same order.
// Refuses (ErrorKind::invalid_argument): pages faceting different fields.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "vitrine/search/facet_counts.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/sort_order.hpp"

namespace vitrine {

struct ShardHit {
    SearchHit hit;  // its position: the catalogue's
    double key = std::numeric_limits<double>::quiet_NaN();  // the number it sorts by (sort_keys)
};

struct ShardPage {
    std::vector<ShardHit> hits = {};
    std::size_t total = 0;
    std::vector<FacetCounts> facets = {};
};

struct MergedHit {
    std::size_t page = 0;  // index into the pages given
    std::size_t hit = 0;   // index into that page's hits
};

struct MergedPage {
    std::vector<MergedHit> hits = {};
    std::size_t total = 0;
    std::vector<FacetCounts> facets = {};
};

MergedPage merge_pages(std::span<const ShardPage> pages, const SortOrder& order, std::size_t offset, std::size_t top_k);

}  // namespace vitrine
