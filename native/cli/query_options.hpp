// query_options.hpp — the options `vitrine search` and `vitrine similar` share: the filters
// (--category, --min-price, --max-price, --ids, --threads) and the field weights
// (--text-weight, --image-weight; vitrine/search/field_fusion.hpp).
#pragma once

#include "arguments.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine::cli {

SearchOptions search_filters(const Arguments& args);
FieldWeights field_weights(const Arguments& args);

}  // namespace vitrine::cli
