// vitrine/search/field_fusion.hpp — search over the index's two vector fields, text and image,
// their scores fused by one fixed rule.
//
//   vitrine::FieldQuery query{.text = text_vector, .image = photo_vector};
//   auto hits = vitrine::search_fields(index, query, {.top_k = 10}, {.text = 1, .image = 1});
//
// A query holds a vector for either field or both: `text` in the text field's model space
// (the header's model), `image` in the image field's (vitrine/index/image_field.hpp).
// Which vectors a query has (the callers decide by this rule, fields_share_space):
//   text query  -> text; and image too when both fields share one space (the same vector);
//   photo query -> image; and text too when both fields share one space;
//   both        -> both.
// The rule, per product: the fields used are those the query has a vector for AND the
// product has a vector in (every product has text; only products with a usable photo have
// image) AND whose weight is above 0. With none, the product is not a candidate. Otherwise
//   score = (w_text x s_text + w_image x s_image) / (sum of the weights of the fields used)
// in float, in that order, each s the field's cosine score (int8 storage: as search() scores
// it; a text field with rescoring copies is scored on them). So a product without a photo
// is scored on its text alone, on the same scale. Filters apply first; ties by lower
// position, as in search(). A query with the text vector alone is search() exactly.
// Native and WebAssembly give bit-identical fused scores (the same kernels and float steps).
//
// Refuses (Error, invalid_argument): no vector; a vector of the wrong length, zero or not
// finite; an image vector for an index without an image field; weights negative, not
// finite, or all 0 for the fields queried; whatever search() refuses in options.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "vitrine/index/reader.hpp"
#include "vitrine/search/search.hpp"

namespace vitrine {

inline constexpr float default_text_weight = 1.0f;
inline constexpr float default_image_weight = 1.0f;

struct FieldWeights {
    float text = default_text_weight;
    float image = default_image_weight;
};

struct FieldQuery {
    std::optional<std::vector<float>> text = {};
    std::optional<std::vector<float>> image = {};
};

// True when the image field's model also embeds text into one space with images and is the
// text field's model too (same name and dims): then one query vector searches both fields.
bool fields_share_space(const Index& index) noexcept;

// The query for a text vector (in the text field's space), a photo's vector (in the image
// field's) or both, by the rule above: when the fields share one space, either vector also
// stands in for the other field's when that one is missing.
FieldQuery field_query(const Index& index, std::optional<std::vector<float>> text, std::optional<std::vector<float>> image);

// The fused score of one product from the scores of the fields used (nullopt: not used).
std::optional<float> fuse_field_scores(std::optional<float> text, std::optional<float> image, const FieldWeights& weights);

std::vector<SearchHit> search_fields(const Index& index, const FieldQuery& query, const SearchOptions& options = {},
                                     const FieldWeights& weights = {});

}  // namespace vitrine
