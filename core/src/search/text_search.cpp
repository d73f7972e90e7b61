// search/text_search.cpp — a text query by the index's own embedder (see vitrine/search/text_search.hpp).
#include "vitrine/search/text_search.hpp"

#include <string>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_embedder.hpp"

namespace vitrine {

std::vector<float> local_text_query(const Index& index, std::string_view text) {
    if (index.spec().embedder == EmbedderKind::hosted)
        throw Error(ErrorKind::invalid_argument,
                    "search: this index was built with the hosted model '" + index.model() +
                        "': embed the query with that model (the hosted client) and search by vector");
    return embed_local(text, index.dims());
}

std::vector<SearchHit> search_text(const Index& index, std::string_view text, const SearchOptions& options) {
    return search(index, local_text_query(index, text), options);
}

}  // namespace vitrine
