// search/text_page.cpp — a page of hybrid results with total and facets (see vitrine/search/text_page.hpp).
#include "vitrine/search/text_page.hpp"

#include <algorithm>
#include <cmath>

#include "search/search_steps.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/keyword/keyword_search.hpp"
#include "vitrine/keyword/tokens.hpp"

namespace vitrine {
namespace {

// One flag per record: passes every filter.
std::vector<std::uint8_t> eligible_records(const Index& index, const PageOptions& options) {
    std::vector<std::uint8_t> flags(index.count(), 1);
    if (const auto positions = filtered_positions(index, options.filters)) {
        std::fill(flags.begin(), flags.end(), 0);
        for (const std::uint32_t p : *positions) flags[p] = 1;
    }
    apply_field_filters(index, options.field_filters, flags);
    return flags;
}

bool is_zero(std::span<const float> vector) {
    return std::all_of(vector.begin(), vector.end(), [](float v) { return v == 0.0f; });
}

// The matches of one signal alone, with its own scores.
std::vector<SearchHit> single_signal(std::span<const SearchHit> keyword, std::span<const float> vector,
                                     std::span<const std::uint8_t> eligible, float floor) {
    std::vector<SearchHit> out;
    if (vector.empty()) {
        for (const SearchHit& hit : keyword)
            if (eligible[hit.position]) out.push_back(hit);
        return out;
    }
    for (std::uint32_t i = 0; i < vector.size(); ++i)
        if (eligible[i] && vector[i] >= floor) out.push_back({i, vector[i]});
    return out;
}

// The page of a match set: its total and facets, then [offset, offset + top_k) in sort order.
SearchPage page_of(const Index& index, const PageOptions& options, std::vector<SearchHit> matches) {
    SearchPage page;
    page.total = matches.size();
    page.facets = count_facets(index, options.facets, matches);
    sort_hits(index, options.sort, matches);
    const std::size_t begin = std::min(options.offset, matches.size());
    const std::size_t end = begin + std::min(options.filters.top_k, matches.size() - begin);
    page.hits.assign(matches.begin() + static_cast<std::ptrdiff_t>(begin), matches.begin() + static_cast<std::ptrdiff_t>(end));
    return page;
}

}  // namespace

SearchPage search_text_page(const Index& index, std::string_view text, const PageOptions& options,
                            std::span<const float> text_vector) {
    if (options.filters.top_k == 0) throw Error(ErrorKind::invalid_argument, "search: top_k must be at least 1");
    const double weight = options.fusion.keyword_weight;
    if (!(weight >= 0 && weight <= 1)) throw Error(ErrorKind::invalid_argument, "search: keyword weight must be in 0..1");
    if (!text_vector.empty() && text_vector.size() != index.dims())
        throw Error(ErrorKind::invalid_argument, "search: the text's vector has " + std::to_string(text_vector.size()) +
                                                     " dims and the index " + std::to_string(index.dims()));
    FusionOptions fusion = options.fusion;
    if (!fusion.vector_floor) fusion.vector_floor = text_vector.empty() ? default_vector_floor : hosted_vector_floor;
    const bool has_vectors = !text_vector.empty() || index.spec().embedder == EmbedderKind::local_hashing;
    if (!has_vectors && !index.keywords())
        throw Error(ErrorKind::invalid_argument,
                    "search: this index was built with the hosted model '" + index.model() +
                        "' and has no keywords: embed the query with that model (the hosted client) and search by vector");
    check_facet_fields(index, options.facets);
    const std::vector<std::uint8_t> eligible = eligible_records(index, options);
    // Checked now, so a bad sort field is refused whatever the query matches.
    std::vector<SearchHit> none;
    sort_hits(index, options.sort, none);

    std::vector<SearchHit> matches;
    if (!tokens(text).empty() && index.count() > 0) {
        const bool use_keywords = index.keywords() && (weight > 0 || !has_vectors);
        const bool use_vectors = has_vectors && (weight < 1 || !index.keywords());
        const std::vector<SearchHit> keyword = use_keywords ? keyword_search(index, text) : std::vector<SearchHit>{};
        std::vector<float> vector;
        if (use_vectors) {
            const std::vector<float> local = text_vector.empty() ? embed_local(text, index.dims()) : std::vector<float>{};
            const std::span<const float> query = text_vector.empty() ? std::span<const float>(local) : text_vector;
            if (!is_zero(query)) vector = score_all(index, query, options.filters);
        }
        if (use_keywords && use_vectors)
            matches = fuse(keyword, vector, eligible, fusion);
        else
            matches = single_signal(keyword, vector, eligible, *fusion.vector_floor);
    }

    return page_of(index, options, std::move(matches));
}

SearchPage browse_page(const Index& index, const PageOptions& options) {
    if (options.filters.top_k == 0) throw Error(ErrorKind::invalid_argument, "search: top_k must be at least 1");
    check_facet_fields(index, options.facets);
    const std::vector<std::uint8_t> eligible = eligible_records(index, options);
    std::vector<SearchHit> none;
    sort_hits(index, options.sort, none);  // a bad sort field is refused even when nothing passes the filters
    std::vector<SearchHit> matches;
    for (std::uint32_t i = 0; i < index.count(); ++i)
        if (eligible[i]) matches.push_back({i, 0.0f});
    return page_of(index, options, std::move(matches));
}

}  // namespace vitrine
