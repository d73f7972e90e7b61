// vitrine/keyword/tokens.hpp — the words keyword search indexes and looks up.
//
//   vitrine::tokens("Théière KX-4471, 160x80 cm") == {"theiere", "kx-4471", "160x80", "cm"}
//
// Text is folded (vitrine/keyword/fold.hpp), then split into runs of letters and digits.
// A '-', '.' or '/' between two runs joins them when either side holds a digit, so codes,
// sizes and decimals stay whole ("KX-4471", "2.5", "ab/12"); otherwise it separates
// ("e-bike" -> "e", "bike"). A token with a digit is a code: typo tolerance leaves codes
// alone. code_parts() gives a code's runs ("kx-4471" -> "kx", "4471"), which the index also
// holds, so a shopper typing half a code still finds it. No token is longer than
// max_token_bytes (the rest of a longer run is dropped).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

inline constexpr std::size_t max_token_bytes = 64;

std::vector<std::string> tokens(std::string_view text);
bool is_code(std::string_view token) noexcept;
// The runs of a joined token, when it has more than one; empty otherwise.
std::vector<std::string> code_parts(std::string_view token);

}  // namespace vitrine
