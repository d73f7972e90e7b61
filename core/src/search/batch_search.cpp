// search/batch_search.cpp — many queries in one pass over the vectors (see
// vitrine/search/batch_search.hpp).
//
// Each query is checked, normalised (and quantised) exactly as search() does it, then one
// scan reads every row once and hands it, with the queries that want it (their filters),
// to the storage's batched kernel; each query keeps its own best hits. Rescoring and
// the final cut are search()'s own steps, per query.
#include "vitrine/search/batch_search.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "base/vector_math.hpp"
#include "search/kernels/kernels.hpp"
#include "search/scan_ranges.hpp"
#include "search/search_steps.hpp"
#include "search/top_k.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorKind::invalid_argument, "search batch: " + message);
}

// One query of the batch, ready to score: its unit vector and, per storage, its int8
// or sign-bit form; the positions its filters leave (none: every row).
struct PreparedQuery {
    const SearchOptions* options = nullptr;
    std::vector<float> unit;
    std::vector<std::int8_t> int8;
    float int8_scale = 0.0f;
    std::vector<std::uint8_t> bits;
    std::optional<std::vector<std::uint32_t>> positions;
    std::size_t keep = 0;
};

PreparedQuery prepare(const Index& index, std::span<const float> query, const SearchOptions& options, std::size_t number) {
    PreparedQuery q;
    q.options = &options;
    try {
        q.unit = unit_query(index, query, options);
    } catch (const Error& e) {
        std::string_view reason = e.what();
        if (reason.starts_with("search: ")) reason.remove_prefix(8);
        throw Error(e.kind(), "search batch: query " + std::to_string(number) + ": " + std::string(reason));
    }
    if (index.storage() == Storage::int8) {
        q.int8.resize(index.dims());
        q.int8_scale = quantise_int8(q.unit, q.int8);
    } else if (index.storage() == Storage::binary) {
        q.bits.resize(binary_row_bytes(index.dims()));
        binarise(q.unit, q.bits);
    }
    q.positions = filtered_positions(index, options);
    q.keep = first_pass_keep(index, options);
    return q;
}

// Rows [begin, end) scored against every query that wants them; best[q] gets query q's hits.
class RangeScan {
public:
    RangeScan(const Index& index, const std::vector<PreparedQuery>& queries, std::size_t begin, std::size_t end)
        : index_(index), queries_(queries), begin_(begin), end_(end), cursors_(queries.size()) {
        for (std::size_t q = 0; q < queries.size(); ++q) {
            best_.emplace_back(queries[q].keep);
            if (const auto& positions = queries[q].positions)
                cursors_[q] = static_cast<std::size_t>(std::lower_bound(positions->begin(), positions->end(), begin) -
                                                       positions->begin());
            else
                everyone_.push_back(q);
        }
        filtered_ = everyone_.size() != queries.size();
    }

    void run() {
        switch (index_.storage()) {
            case Storage::f32:
                scan<float, float>([](const PreparedQuery& q) { return q.unit.data(); });
                break;
            case Storage::int8:
                scan<std::int8_t, std::int32_t>([](const PreparedQuery& q) { return q.int8.data(); });
                break;
            case Storage::binary:
                scan<std::uint8_t, std::uint32_t>([](const PreparedQuery& q) { return q.bits.data(); });
                break;
        }
    }

    std::vector<std::vector<SearchHit>> take() && {
        std::vector<std::vector<SearchHit>> hits;
        for (TopK& best : best_) hits.push_back(std::move(best).sorted());
        return hits;
    }

private:
    // The queries that want `position`, in ascending order (a filtered query's cursor moves on).
    const std::vector<std::size_t>& wanting(std::uint32_t position) {
        if (!filtered_) return everyone_;
        wanting_.clear();
        for (std::size_t q = 0, e = 0; q < queries_.size(); ++q) {
            if (e < everyone_.size() && everyone_[e] == q) {
                wanting_.push_back(q);
                ++e;
                continue;
            }
            const auto& positions = *queries_[q].positions;
            std::size_t& cursor = cursors_[q];
            if (cursor < positions.size() && positions[cursor] == position) {
                wanting_.push_back(q);
                ++cursor;
            }
        }
        return wanting_;
    }

    float score(float dot, std::size_t, std::uint32_t) const noexcept { return dot; }
    float score(std::int32_t dot, std::size_t q, std::uint32_t position) const noexcept {
        return int8_score(dot, queries_[q].int8_scale, index_.scale(position));
    }
    float score(std::uint32_t distance, std::size_t, std::uint32_t) const noexcept {
        return binary_score(distance, index_.dims());
    }

    void kernel(const float* row, const float* const* q, std::size_t count, float* out) const {
        kernels::active_kernels().dot_f32_many(row, q, count, index_.dims(), out);
    }
    void kernel(const std::int8_t* row, const std::int8_t* const* q, std::size_t count, std::int32_t* out) const {
        kernels::active_kernels().dot_i8_many(row, q, count, index_.dims(), out);
    }
    void kernel(const std::uint8_t* row, const std::uint8_t* const* q, std::size_t count, std::uint32_t* out) const {
        kernels::active_kernels().hamming_many(row, q, count, binary_row_bytes(index_.dims()), out);
    }

    template <class Element, class Sum, class Form>
    void scan(Form form) {
        std::vector<const Element*> pointers;
        std::vector<Sum> sums(queries_.size());
        for (std::size_t p = begin_; p < end_; ++p) {
            const auto position = static_cast<std::uint32_t>(p);
            const std::vector<std::size_t>& wanted = wanting(position);
            if (wanted.empty()) continue;
            if (pointers.size() != wanted.size() || filtered_) {
                pointers.clear();
                for (const std::size_t q : wanted) pointers.push_back(form(queries_[q]));
            }
            kernel(reinterpret_cast<const Element*>(index_.vector_row(position)), pointers.data(), wanted.size(),
                   sums.data());
            for (std::size_t j = 0; j < wanted.size(); ++j)
                best_[wanted[j]].offer(position, score(sums[j], wanted[j], position));
        }
    }

    const Index& index_;
    const std::vector<PreparedQuery>& queries_;
    std::size_t begin_, end_;
    std::vector<TopK> best_;
    std::vector<std::size_t> cursors_;
    std::vector<std::size_t> everyone_;  // the unfiltered queries
    std::vector<std::size_t> wanting_;
    bool filtered_ = false;
};

}  // namespace

std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const std::span<const float>> queries,
                                                 std::span<const SearchOptions> options) {
    const std::size_t count = queries.size();
    if (options.size() != 1 && options.size() != count)
        refuse("expected one set of options or one per query (" + std::to_string(count) + "), got " +
               std::to_string(options.size()));
    if (count == 0) return {};

    std::vector<PreparedQuery> prepared;
    prepared.reserve(count);
    for (std::size_t q = 0; q < count; ++q)
        prepared.push_back(prepare(index, queries[q], options[options.size() == 1 ? 0 : q], q));

    const std::size_t threads = options[0].threads;
    std::vector<std::vector<std::vector<SearchHit>>> parts(range_parts(index.count(), threads));
    for_each_range(index.count(), threads, [&](std::size_t part, std::size_t begin, std::size_t end) {
        RangeScan scan(index, prepared, begin, end);
        scan.run();
        parts[part] = std::move(scan).take();
    });

    std::vector<std::vector<SearchHit>> answers(count);
    for (std::size_t q = 0; q < count; ++q) {
        std::vector<std::vector<SearchHit>> mine;
        for (auto& part : parts) mine.push_back(std::move(part[q]));
        answers[q] = rescored(index, prepared[q].unit, merge_best(std::move(mine), prepared[q].keep), *prepared[q].options);
    }
    return answers;
}

std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const float> matrix,
                                                 std::span<const SearchOptions> options) {
    const std::size_t dims = index.dims();
    if (matrix.size() % dims != 0)
        refuse("the query matrix holds " + std::to_string(matrix.size()) + " values, not a whole number of " +
               std::to_string(dims) + "-dim rows");
    std::vector<std::span<const float>> rows;
    for (std::size_t at = 0; at < matrix.size(); at += dims) rows.push_back(matrix.subspan(at, dims));
    return search_batch(index, std::span<const std::span<const float>>(rows), options);
}

std::vector<std::vector<SearchHit>> search_batch(const Index& index, std::span<const float> matrix,
                                                 const SearchOptions& options) {
    return search_batch(index, matrix, std::span<const SearchOptions>(&options, 1));
}

}  // namespace vitrine
