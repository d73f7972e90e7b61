// search_output.cpp — the table and JSON forms of search results.
// The table prints index strings for a terminal, so a title cannot hold commands for it:
// control characters (C0, DEL, C1) and bytes that are not UTF-8 are printed as \xHH.
#include "search_output.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace vitrine::cli {

using nlohmann::json;

namespace {

// Length of the well-formed UTF-8 sequence at text[i] (no overlongs, surrogates or
// values past U+10FFFF), 0 if there is none; sets code_point.
std::size_t utf8_length(std::string_view text, std::size_t i, std::uint32_t& code_point) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code_point = length == 1 ? lead : lead & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xc0) != 0x80) return 0;
        code_point = (code_point << 6) | (next & 0x3f);
    }
    static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < least[length] || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff)) return 0;
    return length;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t code_point = 0;
        const std::size_t length = utf8_length(text, i, code_point);
        const bool control = code_point < 0x20 || (code_point >= 0x7f && code_point < 0xa0);
        if (length == 0 || control) {
            const auto byte = static_cast<unsigned char>(text[i]);
            out += {'\\', 'x', digits[byte >> 4], digits[byte & 0xf]};
            ++i;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

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
    if (output.total) {
        out["total"] = *output.total;
        json facets = json::object(), stats = json::object();
        for (const FacetCounts& facet : output.facets) {
            json counts = json::object();
            for (const FacetValueCount& c : facet.counts) counts[c.value] = c.count;
            if (facet.field != "price") facets[facet.field] = std::move(counts);
            if (facet.min) stats[facet.field] = {{"min", *facet.min}, {"max", *facet.max}};
        }
        out["facets"] = std::move(facets);
        if (!stats.empty()) out["facet_stats"] = std::move(stats);
    }
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
        std::printf("%4zu  %s  %s%-12s  %s  %-12s  %s\n", rank + 1, score, relevance_column, terminal_safe(r.id).c_str(),
                    price, terminal_safe(r.category).c_str(), terminal_safe(r.title).c_str());
    }
    if (output.results.empty()) std::puts("(no matching products)");
    if (output.total) std::printf("%zu %s\n", *output.total, *output.total == 1 ? "match" : "matches");
    for (const FacetCounts& facet : output.facets) {
        std::printf("%s:", terminal_safe(facet.field).c_str());
        for (const FacetValueCount& c : facet.counts)
            std::printf(" %s (%zu)", c.value.empty() ? "(none)" : terminal_safe(c.value).c_str(), c.count);
        if (facet.min) std::printf(" min %g max %g", *facet.min, *facet.max);
        std::puts("");
    }
    if (output.rerank_requested && !output.reranked)
        std::printf("note: not reranked, showing retrieval order: %s\n", terminal_safe(output.rerank_error).c_str());
}

}  // namespace vitrine::cli
