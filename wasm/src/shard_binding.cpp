// shard_binding.cpp — index.shard and vitrine.mergePages (see shard_binding.hpp).
#include "shard_binding.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "failure.hpp"
#include "text_page_binding.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/shard.hpp"
#include "vitrine/search/merge_pages.hpp"

namespace vitrine::wasm {

using emscripten::val;

namespace {

// A shard answer ({results, total, facets, facetStats}) as the core's page, facets in `fields` order.
ShardPage page_from_js(const val& answer, const std::vector<std::string>& fields) {
    ShardPage page{.total = answer["total"].as<std::size_t>()};
    const val results = answer["results"];
    const std::size_t count = results["length"].as<std::size_t>();
    for (std::size_t i = 0; i < count; ++i) {
        const val hit = results[i];
        const val position = hit["cataloguePosition"];
        if (!position.isNumber())
            throw Error(ErrorKind::invalid_argument, "mergePages: a hit without a cataloguePosition (not a shard's page)");
        const val key = hit["sortKey"];
        page.hits.push_back({{position.as<std::uint32_t>(), hit["score"].as<float>()},
                             key.isNumber() ? key.as<double>() : std::numeric_limits<double>::quiet_NaN()});
    }
    const val facets = answer["facets"], stats = answer["facetStats"];
    for (const std::string& field : fields) {
        FacetCounts facet{.field = field};
        if (const val counts = facets[field]; !counts.isUndefined()) {
            const val values = val::global("Object").call<val>("keys", counts);
            for (std::size_t v = 0, n = values["length"].as<std::size_t>(); v < n; ++v) {
                const std::string value = values[v].as<std::string>();
                facet.counts.push_back({value, counts[value].as<std::size_t>()});
            }
        }
        if (const val range = stats[field]; !range.isUndefined()) {
            facet.min = range["min"].as<double>();
            facet.max = range["max"].as<double>();
        }
        page.facets.push_back(std::move(facet));
    }
    return page;
}

}  // namespace

val shard_js(const OpenedIndex& opened) {
    const ShardSpec* shard = opened.index().shard();
    if (!shard) return val::null();
    val out = val::object();
    out.set("shard", shard->shard);
    out.set("shards", shard->shards);
    out.set("catalogue", catalogue_id(shard->catalogue));
    out.set("catalogueCount", shard->catalogue_count);
    return out;
}

val merge_pages_js(const val& pages, const val& options) {
    return guarded([&] {
        const std::vector<std::string> fields =
            options["facets"].isUndefined() ? std::vector<std::string>{} : emscripten::vecFromJSArray<std::string>(options["facets"]);
        std::vector<ShardPage> shard_pages;
        for (std::size_t p = 0, n = pages["length"].as<std::size_t>(); p < n; ++p)
            shard_pages.push_back(page_from_js(pages[p], fields));
        const SortOrder order = parse_sort_order(options["sort"].isUndefined() ? "" : options["sort"].as<std::string>());
        const std::size_t offset = options["offset"].isUndefined() ? 0 : options["offset"].as<std::size_t>();
        const MergedPage merged = merge_pages(shard_pages, order, offset, options["topK"].as<std::size_t>());

        val results = val::array();
        for (std::size_t rank = 0; rank < merged.hits.size(); ++rank) {
            const val source = pages[merged.hits[rank].page]["results"][merged.hits[rank].hit];
            val hit = val::global("Object").call<val>("assign", val::object(), source);
            hit.set("rank", rank + 1);
            hit.set("position", source["cataloguePosition"]);
            hit.delete_("cataloguePosition");
            results.set(rank, hit);
        }
        val out = val::object();
        out.set("results", results);
        set_page_counts(out, merged.total, merged.facets);
        return out;
    });
}

}  // namespace vitrine::wasm
