#include "vitrine/search/search.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_set>

#include "search/kernels/kernels.hpp"
#include "search/scan_ranges.hpp"
#include "search/search_steps.hpp"
#include "search/top_k.hpp"
#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::invalid_argument, "search: " + message); }

// The record positions a search scores: all, or those passing the filters, found
// from the index's filter columns before any vector is read.
class Candidates {
public:
    Candidates(const Index& index, const SearchOptions& options) : count_(index.count()) {
        filtered_ = options.category || options.min_price || options.max_price || options.ids;
        if (!filtered_) return;
        std::optional<std::uint32_t> category;
        if (options.category) {
            category = index.find_category(*options.category);
            if (!category) return;  // a category no record has matches nothing
        }
        std::unordered_set<std::string_view> ids;
        if (options.ids) ids.insert(options.ids->begin(), options.ids->end());
        for (std::uint32_t i = 0; i < index.count(); ++i) {
            if (category && index.category_number(i) != *category) continue;
            // Written so a product with no price (NaN) fails any price bound.
            if (options.min_price && !(index.price(i) >= *options.min_price)) continue;
            if (options.max_price && !(index.price(i) <= *options.max_price)) continue;
            if (options.ids && !ids.contains(index.record(i).id)) continue;
            positions_.push_back(i);
        }
    }

    bool filtered() const noexcept { return filtered_; }
    const std::vector<std::uint32_t>& positions() const noexcept { return positions_; }
    std::size_t size() const noexcept { return filtered_ ? positions_.size() : count_; }
    // The j-th candidate's record position, ascending in j.
    std::uint32_t at(std::size_t j) const noexcept {
        return filtered_ ? positions_[j] : static_cast<std::uint32_t>(j);
    }

    // Both visits take the range [begin, end) of candidates (a thread's share).
    template <class Visit>
    void for_each(std::size_t begin, std::size_t end, Visit&& visit) const {
        for (std::size_t j = begin; j < end; ++j) visit(at(j));
    }

    // Visits the candidates four at a time, one from each quarter of the list, then
    // the remainder one at a time. Four far-apart rows read in lockstep are four
    // sequential streams to the hardware prefetchers; four adjacent rows read in
    // lockstep are not, and ran at a third of the speed (scalar SSE2, 100k x 1024 int8).
    template <class VisitFour, class VisitOne>
    void for_each_quartet(std::size_t begin, std::size_t end, VisitFour&& visit_four, VisitOne&& visit_one) const {
        const std::size_t quarter = (end - begin) / 4;
        for (std::size_t j = begin; j < begin + quarter; ++j)
            visit_four({at(j), at(j + quarter), at(j + 2 * quarter), at(j + 3 * quarter)});
        for (std::size_t j = begin + 4 * quarter; j < end; ++j) visit_one(at(j));
    }

private:
    std::size_t count_ = 0;
    bool filtered_ = false;
    std::vector<std::uint32_t> positions_;
};

}  // namespace

void check_search_options(const SearchOptions& options) {
    if (options.top_k == 0) refuse("top_k must be at least 1");
    for (const auto price : {options.min_price, options.max_price})
        if (price && std::isnan(*price)) refuse("price bounds must be numbers");
    if (options.min_price && options.max_price && *options.min_price > *options.max_price)
        refuse("min_price is greater than max_price");
    if (options.rescore_factor && *options.rescore_factor == 0) refuse("rescore_factor must be at least 1");
    if (options.threads == 0 || options.threads > max_search_threads)
        refuse("threads must be in 1.." + std::to_string(max_search_threads));
}

namespace {

void validate(const Index& index, std::span<const float> query, const SearchOptions& options) {
    if (query.size() != index.dims())
        refuse("query has " + std::to_string(query.size()) + " dims, the index has " + std::to_string(index.dims()));
    check_search_options(options);
}

// Scores candidates [begin, end) with the index's own storage into `best` (offer(position, score)).
template <class Sink>
void score_candidates(const Index& index, const Candidates& candidates, std::span<const float> unit, std::size_t begin,
                      std::size_t end, Sink& best) {
    const kernels::KernelTable& k = kernels::active_kernels();
    const std::size_t dims = index.dims();
    switch (index.storage()) {
        case Storage::f32:
            candidates.for_each(begin, end, [&](std::uint32_t i) {
                best.offer(i, k.dot_f32(unit.data(), reinterpret_cast<const float*>(index.vector_row(i)), dims));
            });
            break;
        case Storage::int8: {
            std::vector<std::int8_t> q(dims);
            const float query_scale = quantise_int8(unit, q);
            const auto row = [&](std::uint32_t i) { return reinterpret_cast<const std::int8_t*>(index.vector_row(i)); };
            const auto offer = [&](std::uint32_t i, std::int32_t dot) {
                best.offer(i, int8_score(dot, query_scale, index.scale(i)));
            };
            // Rows go to the kernel four at a time (they share the query's work there).
            candidates.for_each_quartet(
                begin, end,
                [&](const std::array<std::uint32_t, 4>& quartet) {
                    const std::int8_t* const rows[4] = {row(quartet[0]), row(quartet[1]), row(quartet[2]),
                                                        row(quartet[3])};
                    std::int32_t dots[4];
                    k.dot_i8_x4(q.data(), rows, dims, dots);
                    for (std::size_t r = 0; r < 4; ++r) offer(quartet[r], dots[r]);
                },
                [&](std::uint32_t i) { offer(i, k.dot_i8(q.data(), row(i), dims)); });
            break;
        }
        case Storage::binary: {
            std::vector<std::uint8_t> q(binary_row_bytes(dims));
            binarise(unit, q);
            candidates.for_each(begin, end, [&](std::uint32_t i) {
                best.offer(i, binary_score(k.hamming(q.data(), index.vector_row(i), q.size()), dims));
            });
            break;
        }
    }
}

// A record's score against its rescoring copy (f32, or int8 with its scale).
float rescore_score(const Index& index, std::span<const float> unit, std::uint32_t position) {
    const kernels::KernelTable& k = kernels::active_kernels();
    const std::uint8_t* row = index.rescore_row(position);
    if (index.spec().rescore_with == Storage::int8)
        return k.dot_f32_i8(unit.data(), reinterpret_cast<const std::int8_t*>(row), index.dims()) * index.rescore_scale(position);
    return k.dot_f32(unit.data(), reinterpret_cast<const float*>(row), index.dims());
}

// The best `keep` of candidates [begin, end).
std::vector<SearchHit> first_pass(const Index& index, const Candidates& candidates, std::span<const float> unit,
                                  std::size_t keep, std::size_t begin, std::size_t end) {
    TopK best(keep);
    score_candidates(index, candidates, unit, begin, end, best);
    return std::move(best).sorted();
}

// Every candidate's score, by position.
struct ScoreByPosition {
    std::vector<float>& scores;
    void offer(std::uint32_t position, float score) { scores[position] = score; }
};

// The first pass split into options.threads ranges of candidates, merged exactly.
std::vector<SearchHit> threaded_first_pass(const Index& index, const Candidates& candidates,
                                           std::span<const float> unit, std::size_t keep, std::size_t threads) {
    std::vector<std::vector<SearchHit>> parts(range_parts(candidates.size(), threads));
    for_each_range(candidates.size(), threads, [&](std::size_t part, std::size_t begin, std::size_t end) {
        parts[part] = first_pass(index, candidates, unit, keep, begin, end);
    });
    return merge_best(std::move(parts), keep);
}

}  // namespace

std::vector<float> unit_query(const Index& index, std::span<const float> query, const SearchOptions& options) {
    validate(index, query, options);
    std::vector<float> unit(query.begin(), query.end());
    if (!l2_normalise(unit)) refuse("query vector is zero or not finite");
    return unit;
}

std::optional<std::vector<std::uint32_t>> filtered_positions(const Index& index, const SearchOptions& options) {
    const Candidates candidates(index, options);
    if (!candidates.filtered()) return std::nullopt;
    return candidates.positions();
}

std::size_t first_pass_keep(const Index& index, const SearchOptions& options) {
    const std::size_t top_k = std::min<std::size_t>(options.top_k, index.count());
    if (!(index.spec().rescore && options.rescore)) return top_k;
    const std::size_t factor = options.rescore_factor.value_or(index.storage() == Storage::binary ? 16 : 4);
    return options.top_k > index.count() / factor ? index.count() : options.top_k * factor;
}

std::vector<SearchHit> rescored(const Index& index, std::span<const float> unit, const std::vector<SearchHit>& first,
                                const SearchOptions& options) {
    if (!(index.spec().rescore && options.rescore)) return first;
    TopK best(std::min<std::size_t>(options.top_k, index.count()));
    for (const SearchHit& hit : first) best.offer(hit.position, rescore_score(index, unit, hit.position));
    return std::move(best).sorted();
}

std::vector<float> score_all(const Index& index, std::span<const float> query, const SearchOptions& options) {
    const std::vector<float> unit = unit_query(index, query, options);
    const Candidates candidates(index, options);
    std::vector<float> scores(index.count(), std::numeric_limits<float>::quiet_NaN());
    ScoreByPosition sink{scores};
    score_candidates(index, candidates, unit, 0, candidates.size(), sink);
    if (!(index.spec().rescore && options.rescore)) return scores;
    candidates.for_each(0, candidates.size(), [&](std::uint32_t i) { scores[i] = rescore_score(index, unit, i); });
    return scores;
}

std::vector<SearchHit> search(const Index& index, std::span<const float> query, const SearchOptions& options) {
    const std::vector<float> unit = unit_query(index, query, options);
    const Candidates candidates(index, options);
    const auto first = threaded_first_pass(index, candidates, unit, first_pass_keep(index, options), options.threads);
    return rescored(index, unit, first, options);
}

const char* search_kernel_name() noexcept { return kernels::active_kernels().name; }

}  // namespace vitrine
