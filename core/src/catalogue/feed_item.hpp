// catalogue/feed_item.hpp — what each feed format hands the field mapping (internal).
//
// A format reader (feed_json.cpp, feed_jsonl.cpp, feed_csv.cpp) turns its text into
// FeedItems, one a product, in feed order, and calls `each` with every one. An item is
// the product's fields by the feed's own names, as a JSON object (CSV cells are strings),
// with where it starts, so every later error can name its line (and CSV column).
// ProductReader (feed_mapping.cpp) turns an item into a Product by the field map.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vitrine/catalogue/feed.hpp"

namespace vitrine::feed {

// The fields a Product has, by their names in a feed that uses Vitrine's own.
inline constexpr std::string_view product_fields[] = {"id",    "title", "description", "image",
                                                      "category", "price", "metadata"};

struct FeedItem {
    const nlohmann::json& fields;                       // an object
    std::size_t line = 0;                               // 1-based; 0: not known
    const std::vector<std::string>* columns = nullptr;  // CSV: the header, for column numbers
};

using EachItem = std::function<void(const FeedItem&)>;

// "shop.csv: line 4, column 3 (price_eur)" — the place an error names.
std::string place(std::string_view source, std::size_t line, std::optional<std::size_t> column = {},
                  std::string_view column_name = {});
[[noreturn]] void refuse(const std::string& message);

// The byte offset of the first ill-formed UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

void read_json_items(std::string_view text, std::string_view source, const EachItem& each);
void read_jsonl_items(std::string_view text, std::string_view source, const EachItem& each);
void read_csv_items(std::string_view text, std::string_view source, const EachItem& each);

// A price written as text: "12.50", "12,50 EUR", "€ 1.234,50". nullopt with `problem`
// set when it is not a price, negative or ambiguous ("1,234": a thousand, or one point two?).
struct PriceText {
    double amount = 0;
    std::string currency;  // as written ("EUR", "€"), or empty
};
std::optional<PriceText> parse_price_text(std::string_view text, std::string& problem);

// Item -> Product by the field map (and the Google Merchant preset, chosen once from
// the first item's field names).
class ProductReader {
public:
    ProductReader(const FeedOptions& options, const nlohmann::json& first_fields);
    Product read(const FeedItem& item, std::size_t position) const;

private:
    std::string_view source_;
    std::vector<std::pair<std::string, std::string>> names_;  // product field -> feed name
    std::string_view name_of(std::string_view field) const;
};

}  // namespace vitrine::feed
