// search_output.cpp — the table and JSON forms of search results.
#include "search_output.hpp"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace vitrine::cli {

using nlohmann::json;

std::vector<RankedProduct> ranked_hits(std::span<const SearchHit> hits) {
    std::vector<RankedProduct> out;
    for (const SearchHit& hit : hits) out.push_back({hit.position, hit.score, std::nullopt});
    return out;
}

double round_trip_float(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
    return std::strtod(text, nullptr);
}

void print_json(const Index& index, const SearchOutput& output) {
    json results = json::array();
    for (std::size_t rank = 0; rank < output.results.size(); ++rank) {
        const RankedProduct& product = output.results[rank];
        const RecordView r = index.record(product.position);
        json result = {{"rank", rank + 1},
                       {"id", r.id},
                       {"score", product.retrieval_score ? json(round_trip_float(*product.retrieval_score)) : json()}};
        if (product.relevance_score) result["relevance_score"] = *product.relevance_score;
        result.update({{"position", product.position},
                       {"title", r.title},
                       {"category", r.category},
                       {"price", r.price ? json(*r.price) : json()},
                       {"image", r.image}});
        if (!r.prepared_image.empty()) result.update({{"prepared_image", r.prepared_image}, {"thumbnail", r.thumbnail}});
        results.push_back(std::move(result));
    }
    json out = {{"results", std::move(results)}};
    if (output.rerank_requested) {
        out["reranked"] = output.reranked;
        if (!output.reranked) out["rerank_error"] = output.rerank_error;
    }
    if (!output.warnings.empty()) out["warnings"] = output.warnings;
    std::puts(out.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

void print_table(const Index& index, const SearchOutput& output) {
    const bool relevance = output.reranked;
    std::printf("%4s  %-7s  %s%-12s  %9s  %-12s  %s\n", "rank", "score", relevance ? "relevance  " : "", "id", "price",
                "category", "title");
    for (std::size_t rank = 0; rank < output.results.size(); ++rank) {
        const RankedProduct& product = output.results[rank];
        const RecordView r = index.record(product.position);
        char score[16] = "      -";
        if (product.retrieval_score)
            std::snprintf(score, sizeof score, "%7.4f", static_cast<double>(*product.retrieval_score));
        char relevance_column[24] = "";
        if (relevance) std::snprintf(relevance_column, sizeof relevance_column, "%9.4f  ", product.relevance_score.value_or(0));
        char price[32] = "        -";
        if (r.price) std::snprintf(price, sizeof price, "%9.2f", *r.price);
        std::printf("%4zu  %s  %s%-12.*s  %s  %-12.*s  %.*s\n", rank + 1, score, relevance_column,
                    static_cast<int>(r.id.size()), r.id.data(), price, static_cast<int>(r.category.size()),
                    r.category.data(), static_cast<int>(r.title.size()), r.title.data());
    }
    if (output.results.empty()) std::puts("(no matching products)");
    if (output.rerank_requested && !output.reranked)
        std::printf("note: not reranked, showing retrieval order: %s\n", output.rerank_error.c_str());
}

}  // namespace vitrine::cli
