// catalogue/feed_jsonl.cpp — a JSON Lines feed: one product object a line (LF or CRLF),
// blank lines skipped. Refuses, naming the line: a line that is not valid JSON, nests
// deeper than the JSON layer's limit, or is not an object.
#include <algorithm>

#include "catalogue/feed_item.hpp"
#include "hosted/json_response.hpp"

namespace vitrine::feed {

void read_jsonl_items(std::string_view text, std::string_view source, const EachItem& each) {
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::string where = place(source, line_number);
        if (detail::nests_deeper_than(line, detail::max_response_depth))
            refuse(where + ": nests deeper than " + std::to_string(detail::max_response_depth) + " levels");
        nlohmann::json item;
        try {
            item = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number past double
            refuse(where + ": not valid JSON: " + e.what());
        }
        if (!item.is_object()) refuse(where + ": not a JSON object (JSON Lines has one product object a line)");
        each(FeedItem{item, line_number});
    }
}

}  // namespace vitrine::feed
