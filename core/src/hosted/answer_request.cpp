// hosted/answer_request.cpp — chat bodies for answers over retrieved products, and the
// [n] citations in an answer. See vitrine/hosted/answer_request.hpp.
#include "vitrine/hosted/answer_request.hpp"

#include <algorithm>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

// "1", "1, 3", "2,4": numbers separated by commas. Anything else ("[see below]",
// "[1a]") is not a citation.
bool read_citation(std::string_view inside, std::vector<std::size_t>& numbers) {
    for (std::size_t start = 0; start <= inside.size();) {
        const std::size_t end = std::min(inside.find(',', start), inside.size());
        const std::string_view piece = trim_spaces(inside.substr(start, end - start));
        if (piece.empty() || piece.size() > 6 ||
            !std::all_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        std::size_t value = 0;
        for (const char c : piece) value = value * 10 + static_cast<std::size_t>(c - '0');
        numbers.push_back(value);
        start = end + 1;
    }
    return true;
}

}  // namespace

std::string build_answer_request(const AnswerOptions& options, std::string_view question,
                                 std::span<const ChatContextItem> sources) {
    if (sources.empty()) throw Error(ErrorKind::invalid_argument, "answer request: there are no products to answer from");
    ChatRequest request;
    request.model = options.model;
    if (!options.system_prompt.empty()) request.system_prompt = options.system_prompt;
    request.question = std::string(question);
    request.context.assign(sources.begin(), sources.end());
    request.max_tokens = options.max_tokens;
    return build_chat_request(request);
}

std::vector<std::size_t> cited_sources(std::string_view answer, std::size_t source_count) {
    std::vector<std::size_t> cited;
    for (std::size_t open = answer.find('['); open != std::string_view::npos; open = answer.find('[', open + 1)) {
        const std::size_t close = answer.find(']', open);
        if (close == std::string_view::npos) break;
        std::vector<std::size_t> numbers;
        if (!read_citation(answer.substr(open + 1, close - open - 1), numbers)) continue;
        for (const std::size_t number : numbers)
            if (number >= 1 && number <= source_count && std::find(cited.begin(), cited.end(), number - 1) == cited.end())
                cited.push_back(number - 1);
    }
    return cited;
}

}  // namespace vitrine
