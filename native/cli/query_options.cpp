// query_options.cpp — see query_options.hpp.
#include "query_options.hpp"

#include <algorithm>

namespace vitrine::cli {
namespace {

std::vector<std::string> split_ids(const std::string& list) {
    std::vector<std::string> ids;
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        if (end > start) ids.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return ids;
}

}  // namespace

FieldWeights field_weights(const Arguments& args) {
    FieldWeights weights;
    if (const auto w = args.number("text-weight")) weights.text = static_cast<float>(*w);
    if (const auto w = args.number("image-weight")) weights.image = static_cast<float>(*w);
    return weights;
}

SearchOptions search_filters(const Arguments& args) {
    SearchOptions options;
    options.category = args.option("category");
    options.min_price = args.number("min-price");
    options.max_price = args.number("max-price");
    if (const auto ids = args.option("ids")) options.ids = split_ids(*ids);
    if (const auto threads = args.integer("threads", 1, static_cast<long long>(max_search_threads))) options.threads = static_cast<std::size_t>(*threads);
    return options;
}

}  // namespace vitrine::cli
