// vitrine/keyword/fold.hpp — case and accent folding for keyword search.
//
//   vitrine::fold("Théière MÜSLI") == "theiere musli"
//
// Lowercases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters and strips their
// accents ("é" -> "e", "ß" -> "ss", "Œ" -> "oe", "ё" -> "е"); combining marks (decomposed
// accents) are dropped. Punctuation and symbols outside ASCII (dashes, quotes, "×", "€")
// and bytes that are not UTF-8 become spaces; ASCII punctuation is kept for tokens() to
// judge. Other letters (CJK, Arabic...) pass through unchanged. Never fails.
#pragma once

#include <string>
#include <string_view>

namespace vitrine {

std::string fold(std::string_view text);

}  // namespace vitrine
