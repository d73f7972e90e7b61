// catalogue/feed_json.cpp — a JSON feed: an array of products, or {"products": [...]}.
//
// nlohmann parses the whole text (its syntax errors name line and column); a second,
// string-aware scan of the same, now known-valid, text finds where each product starts,
// so errors about a product name its line. Refuses: invalid JSON, nesting deeper than
// the JSON layer's limit, another root, products that are not objects.
#include <vector>

#include "catalogue/feed_item.hpp"
#include "hosted/json_response.hpp"

namespace vitrine::feed {
namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Byte offsets where the elements of the product array begin: the root array, or the
// array under the root object's last "products" key (the one nlohmann keeps).
std::vector<std::size_t> product_offsets(std::string_view text, bool root_is_array) {
    std::vector<std::size_t> offsets;
    const int target_depth = root_is_array ? 1 : 2;
    int depth = 0;
    bool in_target = false, expect_element = false, key_position = false;
    std::string_view last_key;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_space(c)) continue;
        if (in_target && depth == target_depth && expect_element && c != ']') {
            offsets.push_back(i);
            expect_element = false;
        }
        switch (c) {
            case '"': {
                const std::size_t start = i;
                for (++i; i < text.size() && text[i] != '"'; ++i)
                    if (text[i] == '\\') ++i;
                if (depth == 1 && !root_is_array && key_position) last_key = text.substr(start + 1, i - start - 1);
                break;
            }
            case '[':
            case '{':
                ++depth;
                if (c == '[' && depth == target_depth && (root_is_array || (!key_position && last_key == "products"))) {
                    in_target = expect_element = true;
                    offsets.clear();
                }
                if (c == '{' && depth == 1) key_position = true;
                break;
            case ']':
            case '}':
                if (depth == target_depth) in_target = false;
                --depth;
                break;
            case ',':
                if (in_target && depth == target_depth) expect_element = true;
                if (depth == 1) key_position = true;
                break;
            case ':':
                if (depth == 1) key_position = false;
                break;
            default: break;
        }
    }
    return offsets;
}

json parse(std::string_view text, std::string_view source) {
    if (detail::nests_deeper_than(text, detail::max_response_depth))
        refuse(std::string(source) + ": nests deeper than " + std::to_string(detail::max_response_depth) + " levels");
    try {
        return json::parse(text);
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number past double
        std::string message = std::string(source) + " is not valid JSON: " + e.what();
        if (message.find("; expected end of input") != std::string::npos)
            message += " (one product object a line is the jsonl format)";
        refuse(message);
    }
}

}  // namespace

void read_json_items(std::string_view text, std::string_view source, const EachItem& each) {
    const json root = parse(text, source);
    const json* products = &root;
    if (root.is_object()) {
        const auto found = root.find("products");
        if (found == root.end() || !found->is_array())
            refuse(std::string(source) + ": expected a JSON array of products or an object with a \"products\" array");
        products = &*found;
    } else if (!root.is_array()) {
        refuse(std::string(source) + ": expected a JSON array of products or an object with a \"products\" array");
    }
    std::vector<std::size_t> offsets = product_offsets(text, root.is_array());
    if (offsets.size() != products->size()) offsets.clear();  // lines unknown: name products by number only
    std::size_t line = 1, scanned = 0;
    for (std::size_t i = 0; i < products->size(); ++i) {
        if (!offsets.empty()) {
            for (; scanned < offsets[i]; ++scanned) line += text[scanned] == '\n';
        }
        const std::size_t at = offsets.empty() ? 0 : line;
        const json& item = (*products)[i];
        if (!item.is_object())
            refuse(place(source, at) + ", product " + std::to_string(i + 1) + ": not a JSON object");
        each(FeedItem{item, at});
    }
}

}  // namespace vitrine::feed
