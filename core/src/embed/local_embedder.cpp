#include "vitrine/embed/local_embedder.hpp"

#include <cmath>
#include <string>

#include "base/hash.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/format.hpp"

namespace vitrine {
namespace {

constexpr double word_weight = 1.0;
constexpr double trigram_weight = 0.5;
// Different seeds keep a word and a 3-gram with the same bytes apart.
constexpr std::uint64_t word_seed = 0x77;
constexpr std::uint64_t trigram_seed = 0x33;

bool is_word_byte(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char lower(unsigned char c) noexcept {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

void add_feature(std::vector<double>& sums, std::string_view feature, std::uint64_t seed, double weight) {
    const std::uint64_t h = seeded_hash64(feature.data(), feature.size(), seed);
    const std::size_t bucket = static_cast<std::size_t>(h % sums.size());
    sums[bucket] += (h >> 63) ? -weight : weight;
}

}  // namespace

std::vector<float> embed_local(std::string_view text, std::size_t dims) {
    if (dims == 0 || dims > IndexLimits::max_dims)
        throw Error(ErrorKind::invalid_argument,
                    "embed_local: dims must be 1.." + std::to_string(IndexLimits::max_dims));
    std::vector<double> sums(dims, 0.0);
    std::string padded;  // " word " for the 3-grams, so word edges are features too
    for (std::size_t i = 0; i < text.size();) {
        if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        padded.assign(1, ' ');
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])))
            padded.push_back(lower(static_cast<unsigned char>(text[i++])));
        padded.push_back(' ');
        add_feature(sums, std::string_view(padded).substr(1, padded.size() - 2), word_seed, word_weight);
        for (std::size_t g = 0; g + 3 <= padded.size(); ++g)
            add_feature(sums, std::string_view(padded).substr(g, 3), trigram_seed, trigram_weight);
    }
    double norm = 0.0;
    for (double s : sums) norm += s * s;
    std::vector<float> out(dims, 0.0f);
    if (norm == 0.0) return out;
    norm = std::sqrt(norm);
    for (std::size_t d = 0; d < dims; ++d) out[d] = static_cast<float>(sums[d] / norm);
    return out;
}

}  // namespace vitrine
