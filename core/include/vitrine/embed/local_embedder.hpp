// vitrine/embed/local_embedder.hpp — the offline text embedder (a lexical fallback).
//
//   std::vector<float> v = vitrine::embed_local("Brass floor lamp", 256);
//
// Feature hashing: the text is lower-cased (ASCII letters; other bytes are kept
// as they are), split into words (runs of letters, digits and non-ASCII bytes),
// and each word (weight 1) and each byte 3-gram of " word " (weight 0.5) adds
// +-weight to one of `dims` buckets chosen by XXH3-64 of the feature (sign from the
// hash's top bit). The sum is L2-normalised. Integer-valued sums and one
// normalisation in double make it bit-identical on every platform.
// It matches words and spellings, not meanings: the hosted embedding models are
// the real path; this lets the sample catalogue be built and searched offline.
// Text with no word characters embeds to the zero vector (search refuses it).
// dims must be 1..IndexLimits::max_dims (else ErrorKind::invalid_argument).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace vitrine {

// The model name written into indexes built with this embedder.
inline constexpr std::string_view local_embedder_model = "vitrine-local-hash-v1";

std::vector<float> embed_local(std::string_view text, std::size_t dims);

}  // namespace vitrine
