// catalogue/price_text.cpp — a price written as text, as feeds write them.
//
// An amount with an optional currency before or after it (three capital letters, or
// one of € $ £ ¥), spaces allowed between. The amount is digits with "." or "," as
// decimal mark and the other as thousands separator: "12.50", "12,50", "1,234.50",
// "1.234,50", "1 234,50" is refused (a space inside). One mark followed by exactly three
// digits ("1,234", "1.234") could be either, so it is refused; a mark that repeats
// ("1,234,567") can only group thousands. Refused too: a sign, no digits, anything else.
#include <cmath>
#include <cstdlib>
#include <string>

#include "catalogue/feed_item.hpp"
#include "hosted/json_response.hpp"

namespace vitrine::feed {
namespace {

constexpr std::string_view currency_symbols[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "\xC2\xA5"};  // € $ £ ¥

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_code_letter(char c) { return c >= 'A' && c <= 'Z'; }

// Takes a currency off the front or the back of `text`.
std::string take_currency(std::string_view& text) {
    for (const std::string_view symbol : currency_symbols) {
        if (text.starts_with(symbol)) { text = trim(text.substr(symbol.size())); return std::string(symbol); }
        if (text.ends_with(symbol)) { text = trim(text.substr(0, text.size() - symbol.size())); return std::string(symbol); }
    }
    if (text.size() > 3 && is_code_letter(text[0]) && is_code_letter(text[1]) && is_code_letter(text[2])) {
        const std::string code(text.substr(0, 3));
        text = trim(text.substr(3));
        return code;
    }
    const std::size_t n = text.size();
    if (n > 3 && is_code_letter(text[n - 1]) && is_code_letter(text[n - 2]) && is_code_letter(text[n - 3])) {
        const std::string code(text.substr(n - 3));
        text = trim(text.substr(0, n - 3));
        return code;
    }
    return {};
}

// Whether `digits` groups thousands after its first group: 1-3 digits, then ",ddd" ...
bool groups_thousands(std::string_view digits, char separator) {
    std::size_t group = 0, first = std::string_view::npos;
    for (const char c : digits) {
        if (c == separator) {
            if (first == std::string_view::npos) first = group;
            else if (group != 3) return false;
            if (group == 0) return false;
            group = 0;
        } else {
            ++group;
        }
    }
    return first != std::string_view::npos && first <= 3 && group == 3;
}

std::string without(std::string_view digits, char separator) {
    std::string out;
    for (const char c : digits)
        if (c != separator) out += c;
    return out;
}

// The amount as "digits[.digits]", or empty with `problem` set.
std::string canonical_amount(std::string_view amount, std::string& problem) {
    for (const char c : amount)
        if (!is_digit(c) && c != '.' && c != ',') {
            problem = c == '-' ? "is negative" : "is not a number";
            return {};
        }
    if (amount.empty() || !is_digit(amount.front()) || !is_digit(amount.back())) {
        problem = "is not a number";
        return {};
    }
    const std::size_t last_dot = amount.rfind('.'), last_comma = amount.rfind(',');
    if (last_dot == std::string_view::npos && last_comma == std::string_view::npos) return std::string(amount);
    const bool both = last_dot != std::string_view::npos && last_comma != std::string_view::npos;
    const char decimal = !both ? (last_dot != std::string_view::npos ? '.' : ',') : (last_dot > last_comma ? '.' : ',');
    const char grouping = decimal == '.' ? ',' : '.';
    const std::size_t mark = amount.rfind(decimal);
    const std::string_view whole = amount.substr(0, mark), fraction = amount.substr(mark + 1);
    if (both && whole.find(decimal) != std::string_view::npos) {
        problem = "is not a number";
        return {};
    }
    if (!both && whole.find(decimal) != std::string_view::npos) {  // "1,234,567": only grouping
        if (groups_thousands(amount, decimal)) return without(amount, decimal);
        problem = "is not a number";
        return {};
    }
    if (fraction.find(grouping) != std::string_view::npos ||
        (whole.find(grouping) != std::string_view::npos && !groups_thousands(whole, grouping))) {
        problem = "is not a number";
        return {};
    }
    if (!both && fraction.size() == 3) {
        problem = "is ambiguous (a thousands separator or a decimal mark?): write it with two decimals";
        return {};
    }
    return without(whole, grouping) + "." + std::string(fraction);
}

}  // namespace

std::optional<PriceText> parse_price_text(std::string_view text, std::string& problem) {
    std::string_view rest = trim(text);
    PriceText price;
    price.currency = take_currency(rest);
    const std::string amount = canonical_amount(rest, problem);
    // "digits.digits" only, so strtod reads it the same in any locale and both builds.
    if (!amount.empty()) price.amount = std::strtod(amount.c_str(), nullptr);
    if (!amount.empty() && !std::isfinite(price.amount)) problem = "is too large";
    if (amount.empty() || !std::isfinite(price.amount)) {
        problem = "the price \"" + detail::printable_snippet(text, 60) + "\" " + problem;
        return std::nullopt;
    }
    return price;
}

}  // namespace vitrine::feed
