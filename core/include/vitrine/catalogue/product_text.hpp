// vitrine/catalogue/product_text.hpp — the words each model sees for a product.
//
//   std::string doc = vitrine::product_embedding_text(product);            // at build time
//   std::string same = vitrine::rerank_document_text(index.record(p));     // at rerank time
//   std::string source = vitrine::answer_source_text(index.record(p));     // in an answer's context
//
// The embedder and the reranker see the same layout: title, description and category,
// one a line, empty parts left out, so retrieval and reranking judge the same words.
// An answer's source adds what a shopper asks about: "Category: …", "Price: …" (two
// decimals, left out without a price) and "Product id: …", which citations name.
#pragma once

#include <string>

#include "vitrine/index/format.hpp"
#include "vitrine/index/reader.hpp"

namespace vitrine {

std::string product_embedding_text(const Product& product);
std::string rerank_document_text(const RecordView& record);
std::string answer_source_text(const RecordView& record);

}  // namespace vitrine
