// keyword/edit_distance.cpp — bounded Damerau-Levenshtein (see vitrine/keyword/edit_distance.hpp).
#include "vitrine/keyword/edit_distance.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "vitrine/keyword/tokens.hpp"

namespace vitrine {
namespace {

// Code points of UTF-8 text; a byte that does not start a sequence counts as one.
std::vector<std::uint32_t> code_points(std::string_view text) {
    std::vector<std::uint32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 1;
        length = std::min(length, text.size() - i);
        std::uint32_t c = 0;
        for (std::size_t k = 0; k < length; ++k) c = (c << 8) | static_cast<unsigned char>(text[i + k]);
        out.push_back(c);
        i += length;
    }
    return out;
}

std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    }));
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, std::size_t max) {
    const std::vector<std::uint32_t> a = code_points(a_text), b = code_points(b_text);
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > max) return max + 1;
    // Three rows of the (n + 1) x (m + 1) table: two back (for swaps), previous, current.
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    std::size_t previous_best = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = std::min(value, before[j - 2] + 1);
            current[j] = value;
            row_best = std::min(row_best, value);
        }
        // A swap reaches back two rows, so two rows over max mean every later one is too.
        if (row_best > max && previous_best > max) return max + 1;
        previous_best = row_best;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], max + 1);
}

std::size_t typo_budget(std::string_view term) noexcept {
    if (is_code(term)) return 0;
    const std::size_t length = character_count(term);
    return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

}  // namespace vitrine
