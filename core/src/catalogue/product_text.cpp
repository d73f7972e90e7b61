// catalogue/product_text.cpp — a record's rerank text, laid out by product_embedding_text.
#include "vitrine/catalogue/product_text.hpp"

#include "vitrine/catalogue/catalogue.hpp"

namespace vitrine {

std::string rerank_document_text(const RecordView& record) {
    Product product;
    product.title = record.title;
    product.description = record.description;
    product.category = record.category;
    return product_embedding_text(product);
}

}  // namespace vitrine
