// catalogue/feed.cpp — feed formats by name and extension, field maps, and parse_feed:
// the byte-order mark, the format's reader, the mapping, and ids that repeat.
#include "vitrine/catalogue/feed.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "catalogue/feed_item.hpp"
#include "hosted/json_response.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

using feed::product_fields;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view without_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    return text.starts_with(bom) ? text.substr(bom.size()) : text;
}

[[noreturn]] void refuse_map(const std::string& message) {
    throw Error(ErrorKind::invalid_argument, "field map: " + message);
}

}  // namespace

std::optional<FeedFormat> feed_format_from_string(std::string_view name) noexcept {
    if (name == "json") return FeedFormat::json;
    if (name == "jsonl" || name == "ndjson") return FeedFormat::jsonl;
    if (name == "csv") return FeedFormat::csv;
    return std::nullopt;
}

std::optional<FeedFormat> feed_format_for_path(std::string_view path) noexcept {
    const std::size_t dot = path.rfind('.');
    const std::size_t slash = path.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
    try {
        return feed_format_from_string(lower(path.substr(dot + 1)));
    } catch (...) {  // lower() allocates
        return std::nullopt;
    }
}

const char* to_string(FeedFormat format) noexcept {
    switch (format) {
        case FeedFormat::json: return "json";
        case FeedFormat::jsonl: return "jsonl";
        case FeedFormat::csv: return "csv";
    }
    return "?";
}

FieldMap parse_field_map(std::string_view text) {
    FieldMap map;
    std::vector<std::string_view> feed_names;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string_view pair = text.substr(start, end - start);
        start = end + 1;
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) refuse_map("'" + std::string(pair) + "' is not field=name");
        const std::string_view field = pair.substr(0, equals), name = pair.substr(equals + 1);
        if (std::find(std::begin(product_fields), std::end(product_fields), field) == std::end(product_fields))
            refuse_map("'" + std::string(field) + "' is not a product field (id, title, description, image, category, price, metadata)");
        if (name.empty()) refuse_map("'" + std::string(field) + "' maps to an empty name");
        if (std::find(feed_names.begin(), feed_names.end(), name) != feed_names.end())
            refuse_map("the feed's '" + std::string(name) + "' is mapped twice");
        if (!map.emplace(field, name).second) refuse_map("'" + std::string(field) + "' is mapped twice");
        feed_names.push_back(name);
    }
    return map;
}

std::vector<Product> parse_feed(std::string_view text, const FeedOptions& options) {
    text = without_bom(text);
    std::vector<Product> products;
    std::unordered_map<std::string, std::size_t> line_of_id;
    std::optional<feed::ProductReader> reader;
    const auto each = [&](const feed::FeedItem& item) {
        if (!reader) reader.emplace(options, item.fields);
        Product product = reader->read(item, products.size());
        const auto [seen, added] = line_of_id.emplace(product.id, item.line);
        if (!added)
            feed::refuse(feed::place(options.source, item.line) + ", product " + std::to_string(products.size() + 1) +
                         " repeats the id '" + detail::printable_snippet(product.id, 60) + "'" +
                         (seen->second ? " of line " + std::to_string(seen->second) : ""));
        products.push_back(std::move(product));
    };
    switch (options.format) {
        case FeedFormat::json: feed::read_json_items(text, options.source, each); break;
        case FeedFormat::jsonl: feed::read_jsonl_items(text, options.source, each); break;
        case FeedFormat::csv: feed::read_csv_items(text, options.source, each); break;
    }
    return products;
}

namespace feed {

std::string place(std::string_view source, std::size_t line, std::optional<std::size_t> column,
                  std::string_view column_name) {
    std::string out(source);
    if (line) out += ": line " + std::to_string(line);
    if (column) out += std::string(line ? ", " : ": ") + "column " + std::to_string(*column);
    if (!column_name.empty()) out += " (" + detail::printable_snippet(column_name, 40) + ")";
    return out;
}

void refuse(const std::string& message) { throw Error(ErrorKind::bad_catalogue, message); }

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the second byte's range
        if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c >= 0xE0 && c <= 0xEF) { length = 3; if (c == 0xE0) low = 0xA0; if (c == 0xED) high = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { length = 4; if (c == 0xF0) low = 0x90; if (c == 0xF4) high = 0x8F; }
        else return i;
        if (i + length > n || s[i + 1] < low || s[i + 1] > high) return i;
        for (std::size_t k = 2; k < length; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
        i += length;
    }
    return std::nullopt;
}

}  // namespace feed
}  // namespace vitrine
