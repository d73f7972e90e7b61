// vitrine/catalogue/product_text.hpp — the text a reranker sees for a product.
//
//   std::string text = vitrine::rerank_document_text(index.record(hit.position));
//
// Title, description and category, one a line, empty parts left out: the same
// layout product_embedding_text gave the embedder when the index was built, so
// retrieval and reranking judge the same words.
#pragma once

#include <string>

#include "vitrine/index/reader.hpp"

namespace vitrine {

std::string rerank_document_text(const RecordView& record);

}  // namespace vitrine
