// search/field_fusion.cpp — the two fields scored and fused (see vitrine/search/field_fusion.hpp).
#include "vitrine/search/field_fusion.hpp"

#include <cmath>
#include <string>

#include "base/vector_math.hpp"
#include "search/field_scan.hpp"
#include "search/kernels/kernels.hpp"
#include "search/search_steps.hpp"
#include "search/top_k.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::invalid_argument, "search: " + message); }

// The text field's score for one record: on the rescoring copies when the index has them
// (exact, or int8 copies as rescoring reads them), else on the stored rows.
class TextScorer {
public:
    TextScorer(const Index& index, std::span<const float> unit) : index_(index), unit_(unit), k_(kernels::active_kernels()) {
        if (!index.spec().rescore && index.storage() == Storage::int8) {
            q8_.resize(unit.size());
            q8_scale_ = quantise_int8(unit, q8_);
        } else if (!index.spec().rescore && index.storage() == Storage::binary) {
            bits_.resize(binary_row_bytes(unit.size()));
            binarise(unit, bits_);
        }
    }
    float operator()(std::uint32_t position) const {
        const std::size_t dims = unit_.size();
        if (index_.spec().rescore) {
            const std::uint8_t* row = index_.rescore_row(position);
            if (index_.spec().rescore_with == Storage::int8)
                return k_.dot_f32_i8(unit_.data(), reinterpret_cast<const std::int8_t*>(row), dims) * index_.rescore_scale(position);
            return k_.dot_f32(unit_.data(), reinterpret_cast<const float*>(row), dims);
        }
        const std::uint8_t* row = index_.vector_row(position);
        switch (index_.storage()) {
            case Storage::int8:
                return int8_score(k_.dot_i8(q8_.data(), reinterpret_cast<const std::int8_t*>(row), dims), q8_scale_,
                                  index_.scale(position));
            case Storage::binary: return binary_score(k_.hamming(bits_.data(), row, bits_.size()), dims);
            case Storage::f32: break;
        }
        return k_.dot_f32(unit_.data(), reinterpret_cast<const float*>(row), dims);
    }

private:
    const Index& index_;
    std::span<const float> unit_;
    const kernels::KernelTable& k_;
    std::vector<std::int8_t> q8_;
    float q8_scale_ = 0.0f;
    std::vector<std::uint8_t> bits_;
};

// The image field's score for one of its rows.
class ImageScorer {
public:
    ImageScorer(const Index& index, std::span<const float> unit) : index_(index), unit_(unit), k_(kernels::active_kernels()) {
        if (index.image_field()->storage == Storage::int8) {
            q8_.resize(unit.size());
            q8_scale_ = quantise_int8(unit, q8_);
        }
    }
    float operator()(std::uint32_t row) const {
        const std::uint8_t* values = index_.image_vector(row);
        if (index_.image_field()->storage == Storage::int8)
            return int8_score(k_.dot_i8(q8_.data(), reinterpret_cast<const std::int8_t*>(values), unit_.size()), q8_scale_,
                              index_.image_scale(row));
        return k_.dot_f32(unit_.data(), reinterpret_cast<const float*>(values), unit_.size());
    }

private:
    const Index& index_;
    std::span<const float> unit_;
    const kernels::KernelTable& k_;
    std::vector<std::int8_t> q8_;
    float q8_scale_ = 0.0f;
};

void check_weight(float weight, const char* name) {
    if (!std::isfinite(weight) || weight < 0.0f) refuse(std::string(name) + " weight must be a finite number >= 0");
}

}  // namespace

bool fields_share_space(const Index& index) noexcept {
    const ImageFieldSpec* image = index.image_field();
    return image && image->joint_space && image->model == index.model() && image->dims == index.dims();
}

FieldQuery field_query(const Index& index, std::optional<std::vector<float>> text, std::optional<std::vector<float>> image) {
    FieldQuery query{std::move(text), std::move(image)};
    if (fields_share_space(index)) {
        if (!query.text) query.text = query.image;
        if (!query.image) query.image = query.text;
    }
    return query;
}

std::optional<float> fuse_field_scores(std::optional<float> text, std::optional<float> image, const FieldWeights& weights) {
    float sum = 0.0f, used = 0.0f;
    if (text && weights.text > 0.0f) {
        sum += weights.text * *text;
        used += weights.text;
    }
    if (image && weights.image > 0.0f) {
        sum += weights.image * *image;
        used += weights.image;
    }
    if (used == 0.0f) return std::nullopt;
    return sum / used;
}

std::vector<SearchHit> fused_scan(const Index& index, const FieldQuery& query, const SearchOptions& options,
                                  const FieldWeights& weights, std::optional<std::uint32_t> left_out) {
    if (!query.text && !query.image) refuse("the query has neither a text nor an image vector");
    check_weight(weights.text, "the text");
    check_weight(weights.image, "the image");
    if (!(query.text && weights.text > 0.0f) && !(query.image && weights.image > 0.0f))
        refuse("the weights of the fields queried are all 0");
    check_search_options(options);
    std::vector<float> text_unit;
    if (query.text) text_unit = unit_query(index, *query.text, options);
    std::vector<float> image_unit;
    if (query.image) {
        const ImageFieldSpec* field = index.image_field();
        if (!field) refuse("this index has no image field (build it with --image-embedder, --image-vectors or --image-embed-model)");
        if (query.image->size() != field->dims)
            refuse("the image query has " + std::to_string(query.image->size()) + " dims, the image field has " +
                   std::to_string(field->dims));
        image_unit = *query.image;
        if (!l2_normalise(image_unit)) refuse("the image query vector is zero or not finite");
    }
    const bool use_text = query.text && weights.text > 0.0f;
    const bool use_image = query.image && weights.image > 0.0f;
    std::optional<TextScorer> text_score;
    if (use_text) text_score.emplace(index, text_unit);
    std::optional<ImageScorer> image_score;
    if (use_image) image_score.emplace(index, image_unit);

    const auto offer = [&](TopK& best, std::uint32_t position) {
        if (left_out && position == *left_out) return;
        std::optional<float> text, image;
        if (use_text) text = (*text_score)(position);
        if (use_image)
            if (const auto row = index.image_row(position)) image = (*image_score)(*row);
        if (const auto score = fuse_field_scores(text, image, weights)) best.offer(position, *score);
    };
    TopK best(options.top_k);
    if (const auto positions = filtered_positions(index, options)) {
        for (const std::uint32_t position : *positions) offer(best, position);
    } else if (use_text) {
        for (std::uint32_t position = 0; position < index.count(); ++position) offer(best, position);
    } else {  // the image field alone: only its rows can score
        for (std::uint32_t row = 0; row < index.image_rows(); ++row) offer(best, index.image_row_position(row));
    }
    return std::move(best).sorted();
}

std::vector<SearchHit> search_fields(const Index& index, const FieldQuery& query, const SearchOptions& options,
                                     const FieldWeights& weights) {
    if (query.text && !query.image) {
        check_weight(weights.text, "the text");
        if (weights.text > 0.0f) return search(index, *query.text, options);
    }
    return fused_scan(index, query, options, weights, std::nullopt);
}

}  // namespace vitrine
