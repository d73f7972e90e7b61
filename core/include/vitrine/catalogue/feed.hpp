// vitrine/catalogue/feed.hpp — product feeds as shops export them, to Products.
//
//   vitrine::FeedOptions options{.format = *vitrine::feed_format_for_path("shop.csv"),
//                                .fields = vitrine::parse_field_map("id=sku,price=price_eur"),
//                                .source = "shop.csv"};
//   std::vector<vitrine::Product> products = vitrine::parse_feed(text, options);
//
// Formats: a JSON array of products, an object {"products": [...]}, JSON Lines (an
// object a line, blank lines skipped) and CSV (RFC 4180: a header row, quoted fields
// with "" for a quote and embedded newlines, CRLF or LF). Text is UTF-8, with or
// without a byte-order mark.
//
// Fields: id, title (required), description, image, category, price, metadata. A field
// map renames them to a feed's own names (id=sku: the id is in "sku"). With no map, a
// feed with Google Merchant's "image_link" and no "image" is read by that preset
// (image=image_link, category=product_type). Every other field goes into the
// product's metadata, never dropped. A numeric id is taken as its decimal text. A price
// is a number or a text ("12.50", "12,50 EUR", "€1.234,50"; its currency goes into
// metadata.currency); missing or empty means no price.
//
// Refuses (ErrorKind::bad_catalogue, naming the source, line — and column for CSV —,
// product and field): syntax errors, ill-formed UTF-8, a missing id or title, wrong
// types, a price that is negative, not finite or ambiguous ("1,234"), ragged CSV rows,
// a field in both a column and metadata, and ids that repeat.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine {

enum class FeedFormat { json, jsonl, csv };

// "json", "jsonl" (or "ndjson"), "csv"; nullopt for anything else.
std::optional<FeedFormat> feed_format_from_string(std::string_view name) noexcept;
// By extension: .json, .jsonl / .ndjson, .csv (any case); nullopt for another.
std::optional<FeedFormat> feed_format_for_path(std::string_view path) noexcept;
const char* to_string(FeedFormat format) noexcept;

// Product field -> the feed's name for it, e.g. {"id": "sku"}.
using FieldMap = std::map<std::string, std::string, std::less<>>;

// "id=sku,title=name": refuses (invalid_argument) an unknown product field, an empty
// name, a field or a feed name given twice.
FieldMap parse_field_map(std::string_view text);

struct FeedOptions {
    FeedFormat format = FeedFormat::json;
    FieldMap fields = {};      // empty: the feed uses Vitrine's names (or a preset)
    std::string source = "catalogue";  // named in errors, e.g. the file name
};

std::vector<Product> parse_feed(std::string_view text, const FeedOptions& options);

}  // namespace vitrine
