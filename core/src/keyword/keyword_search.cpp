// keyword/keyword_search.cpp — BM25F with typos and prefixes (see vitrine/keyword/keyword_search.hpp).
#include "vitrine/keyword/keyword_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "vitrine/keyword/edit_distance.hpp"
#include "vitrine/keyword/keyword_index.hpp"
#include "vitrine/keyword/tokens.hpp"

namespace vitrine {
namespace {

// ln(x) for x > 0 from +, *, / alone, so native and WASM builds (glibc and musl) agree to
// the bit: x = m x 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh((m - 1) / (m + 1)).
double portable_log(double x) {
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // exact: m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2;
        --exponent;
    }
    const double s = (m - 1) / (m + 1), s2 = s * s;
    double term = s, sum = 0;
    for (int k = 1; k <= 41; k += 2) {  // |s| < 0.172: 21 terms reach double precision
        sum += term / k;
        term *= s2;
    }
    return 2 * sum + exponent * 0.69314718055994530942;
}

struct TermMatch {
    std::uint32_t term;
    double weight;
};

// The dictionary terms a query term matches and how well.
std::vector<TermMatch> matches(const KeywordIndex& keywords, const std::string& query_term, bool last,
                               const MatchWeights& weight) {
    std::vector<TermMatch> out;
    const std::uint32_t exact = keywords.lower_bound(query_term);
    const bool found = exact < keywords.term_count() && keywords.term(exact) == query_term;
    if (found) out.push_back({exact, weight.exact});
    if (last && query_term.size() >= 2) {
        for (std::uint32_t t = exact + (found ? 1 : 0);
             t < keywords.term_count() && keywords.term(t).starts_with(query_term); ++t)
            out.push_back({t, weight.prefix});
    }
    const std::size_t budget = typo_budget(query_term);
    if (budget == 0) return out;
    for (std::uint32_t t = 0; t < keywords.term_count(); ++t) {
        const std::string_view candidate = keywords.term(t);
        if (candidate == query_term || is_code(candidate)) continue;
        if (candidate.size() + 4 * budget < query_term.size() || query_term.size() + 4 * budget < candidate.size()) continue;
        const std::size_t distance = edit_distance(query_term, candidate, budget);
        if (distance == 0 || distance > budget) continue;
        const double w = distance == 1 ? weight.one_typo : weight.two_typos;
        const auto known = std::find_if(out.begin(), out.end(), [&](const TermMatch& m) { return m.term == t; });
        if (known == out.end())
            out.push_back({t, w});
        else
            known->weight = std::max(known->weight, w);
    }
    return out;
}

}  // namespace

std::vector<SearchHit> keyword_search(const Index& index, std::string_view text, const Bm25Parameters& bm25,
                                      const MatchWeights& match_weight) {
    const KeywordIndex* keywords = index.keywords();
    if (!keywords) return {};
    const std::vector<std::string> query = tokens(text);
    std::vector<std::string> unique;  // a term typed twice counts once
    for (const std::string& term : query)
        if (std::find(unique.begin(), unique.end(), term) == unique.end()) unique.push_back(term);
    if (unique.empty()) return {};

    const double n_records = keywords->record_count();
    std::vector<double> total(keywords->record_count(), 0.0), best(keywords->record_count(), 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t q = 0; q < unique.size(); ++q) {
        touched.clear();
        for (const TermMatch& match : matches(*keywords, unique[q], unique[q] == query.back(), match_weight)) {
            const double n = keywords->posting_count(match.term);
            const double idf = portable_log(1 + (n_records - n + 0.5) / (n + 0.5));
            const std::span<const std::uint8_t> list = keywords->postings_bytes(match.term);
            for (std::size_t i = 0; i < n; ++i) {
                const Posting p = KeywordIndex::posting(list, i);
                double tf = 0;
                for (std::size_t f = 0; f < keyword_field_count; ++f) {
                    if (p.frequency[f] == 0) continue;
                    const double mean = keywords->mean_field_length(static_cast<KeywordField>(f));
                    const double length = keywords->field_length(p.position, static_cast<KeywordField>(f));
                    const double norm = mean > 0 ? 1 - bm25.b + bm25.b * length / mean : 1;
                    tf += bm25.field_weights[f] * p.frequency[f] / norm;
                }
                const double score = match.weight * idf * tf * (bm25.k1 + 1) / (bm25.k1 + tf);
                if (best[p.position] == 0) touched.push_back(p.position);
                best[p.position] = std::max(best[p.position], score);
            }
        }
        for (const std::uint32_t position : touched) {
            total[position] += best[position];
            best[position] = 0;
        }
    }
    std::vector<SearchHit> hits;
    for (std::uint32_t i = 0; i < keywords->record_count(); ++i)
        if (total[i] > 0) hits.push_back({i, static_cast<float>(total[i])});
    return hits;
}

}  // namespace vitrine
