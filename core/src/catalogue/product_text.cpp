// catalogue/product_text.cpp — see vitrine/catalogue/product_text.hpp.
#include "vitrine/catalogue/product_text.hpp"

#include <cstdio>
#include <string_view>

namespace vitrine {
namespace {

std::string title_description_category(std::string_view title, std::string_view description, std::string_view category) {
    std::string text(title);
    for (const std::string_view part : {description, category})
        if (!part.empty()) text.append("\n").append(part);
    return text;
}

}  // namespace

std::string product_embedding_text(const Product& product) {
    return title_description_category(product.title, product.description, product.category);
}

std::string rerank_document_text(const RecordView& record) {
    return title_description_category(record.title, record.description, record.category);
}

std::string answer_source_text(const RecordView& record) {
    std::string text(record.title);
    if (!record.description.empty()) text.append("\n").append(record.description);
    if (!record.category.empty()) text.append("\nCategory: ").append(record.category);
    if (record.price) {
        char price[48];
        std::snprintf(price, sizeof price, "\nPrice: %.2f", *record.price);
        text.append(price);
    }
    text.append("\nProduct id: ").append(record.id);
    return text;
}

}  // namespace vitrine
