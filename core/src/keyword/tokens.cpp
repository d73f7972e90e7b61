// keyword/tokens.cpp — tokens of folded text (see vitrine/keyword/tokens.hpp).
#include "vitrine/keyword/tokens.hpp"

#include <algorithm>

#include "vitrine/keyword/fold.hpp"

namespace vitrine {
namespace {

// Folded text holds lowercase ASCII; bytes >= 0x80 are letters of other scripts.
bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}
bool is_joiner(char c) { return c == '-' || c == '.' || c == '/'; }
bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Cuts at max_token_bytes without splitting a UTF-8 sequence.
void push_token(std::string token, std::vector<std::string>& out) {
    if (token.size() > max_token_bytes) {
        std::size_t end = max_token_bytes;
        while (end > 0 && (static_cast<unsigned char>(token[end]) & 0xc0) == 0x80) --end;
        token.resize(end);
    }
    if (!token.empty()) out.push_back(std::move(token));
}

}  // namespace

std::vector<std::string> tokens(std::string_view text) {
    const std::string folded = fold(text);
    std::vector<std::string> out;
    std::string current;
    std::size_t i = 0;
    while (i < folded.size()) {
        if (!is_word_byte(folded[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < folded.size() && is_word_byte(folded[end])) ++end;
        const std::string_view run(folded.data() + i, end - i);
        current.append(run);
        // A joiner followed by another run: joined when either side has a digit.
        if (end + 1 < folded.size() && is_joiner(folded[end]) && is_word_byte(folded[end + 1])) {
            std::size_t next_end = end + 1;
            while (next_end < folded.size() && is_word_byte(folded[next_end])) ++next_end;
            if (has_digit(current) || has_digit(std::string_view(folded.data() + end + 1, next_end - end - 1))) {
                current += folded[end];
                i = end + 1;
                continue;
            }
        }
        push_token(std::move(current), out);
        current.clear();
        i = end;
    }
    push_token(std::move(current), out);
    return out;
}

bool is_code(std::string_view token) noexcept { return has_digit(token); }

std::vector<std::string> code_parts(std::string_view token) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= token.size(); ++i) {
        if (i < token.size() && !is_joiner(token[i])) continue;
        if (i > start) parts.emplace_back(token.substr(start, i - start));
        start = i + 1;
    }
    if (parts.size() < 2) parts.clear();
    return parts;
}

}  // namespace vitrine
