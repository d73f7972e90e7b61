// vitrine/index/reader.hpp — opens a catalogue index (format v1) in place.
//
//   vitrine::Index index = vitrine::Index::open(bytes);   // bytes must outlive index
//   index.count(); index.dims(); index.record(0).title;
//
// Nothing is copied or parsed into objects: records and vectors are read from the
// bytes given (a mmap'ed file natively, WASM linear memory in the browser). Open
// checks everything before it returns — header, every section offset and length,
// checksums, every record's string references and price — so a truncated,
// corrupted or hostile file is refused with a vitrine::Error naming what is wrong
// (ErrorKind::corrupt_index, ::unsupported for a newer major version or unknown
// storage type, ::limit_exceeded past IndexLimits). Unknown optional sections are skipped.
// The image vector field's sections are checked too (index/image_field_sections.hpp).
// So is a shard section (vitrine/index/shard.hpp): shard() and catalogue_position().
// check_index_header() checks a file's first Index::header_bytes alone (magic, major
// version, header size, the file size it declares against file_size), so a caller
// about to copy a large buffer (into WASM memory) can refuse junk before the copy.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/format.hpp"
#include "vitrine/index/image_field.hpp"
#include "vitrine/index/facet_columns.hpp"
#include "vitrine/index/shard.hpp"
#include "vitrine/keyword/keyword_index.hpp"

namespace vitrine {

// A product record, viewing the index bytes.
struct RecordView {
    std::string_view id = {};
    std::string_view title = {};
    std::string_view description = {};
    std::string_view image = {};
    std::string_view category = {};
    std::string_view metadata_json = {};
    std::optional<double> price = {};      // none: no price
    std::string_view prepared_image = {};  // empty: no photo prepared at build time
    std::string_view thumbnail = {};
};

struct SectionInfo {
    std::uint32_t type = 0;
    std::string name;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t checksum = 0;
    bool known = false;  // false: a section type this reader skips
    bool required = false;  // flagged required: a reader that does not know it refuses the file
};

struct OpenOptions {
    // Verify every section's checksum on open (XXH3, memory speed). Switch off only
    // for bytes already verified, e.g. when re-opening the same buffer.
    bool verify_checksums = true;
};

// Throws what Index::open would for these header fields; first_bytes holds at least
// Index::header_bytes bytes when file_size does.
void check_index_header(std::span<const std::uint8_t> first_bytes, std::uint64_t file_size);

class Index {
public:
    static constexpr std::size_t header_bytes = 256;

    static Index open(std::span<const std::uint8_t> bytes, const OpenOptions& options = {});

    std::uint32_t count() const noexcept { return count_; }
    std::uint32_t dims() const noexcept { return spec_.dims; }
    Storage storage() const noexcept { return spec_.storage; }
    Metric metric() const noexcept { return Metric::inner_product; }
    const IndexSpec& spec() const noexcept { return spec_; }
    const std::string& model() const noexcept { return spec_.model; }
    std::uint16_t minor_version() const noexcept { return minor_version_; }
    std::size_t byte_size() const noexcept { return bytes_.size(); }
    const std::vector<SectionInfo>& sections() const noexcept { return sections_; }

    // Throws ErrorKind::invalid_argument for a position >= count().
    RecordView record(std::uint32_t position) const;
    std::optional<std::uint32_t> find(std::string_view id) const noexcept;

    // Filter columns, gathered on open so filters read a few cache-friendly bytes per
    // record instead of the record and its strings; position < count().
    // price(): NaN for a product with no price, so a range test (price >= min) is false.
    double price(std::uint32_t position) const noexcept { return prices_[position]; }
    std::uint32_t category_number(std::uint32_t position) const noexcept { return category_numbers_[position]; }
    std::optional<std::uint32_t> find_category(std::string_view category) const noexcept;

    // Raw vector rows for the search kernels; position < count().
    const std::uint8_t* vector_row(std::uint32_t position) const noexcept {
        return vectors_ + static_cast<std::size_t>(position) * row_bytes_;
    }
    float scale(std::uint32_t position) const noexcept;  // int8 storage only
    // Copy of a vector for rescoring, only when spec().rescore: dims f32 values, or with
    // spec().rescore_with == int8, dims int8 values whose scale is rescore_scale(position).
    const std::uint8_t* rescore_row(std::uint32_t position) const noexcept {
        const std::size_t value_bytes = spec_.rescore_with == Storage::int8 ? 1 : sizeof(float);
        return rescore_ + static_cast<std::size_t>(position) * spec_.dims * value_bytes;
    }
    float rescore_scale(std::uint32_t position) const noexcept;

    // The image vector field (vitrine/index/image_field.hpp), when the index has one.
    const ImageFieldSpec* image_field() const noexcept { return image_spec_ ? &*image_spec_ : nullptr; }
    // The row holding a product's image vector; none for a product without one (or no field).
    std::optional<std::uint32_t> image_row(std::uint32_t position) const noexcept {
        if (position >= image_row_of_.size() || image_row_of_[position] == UINT32_MAX) return std::nullopt;
        return image_row_of_[position];
    }
    std::uint32_t image_rows() const noexcept { return static_cast<std::uint32_t>(image_positions_.size()); }
    std::uint32_t image_row_position(std::uint32_t row) const noexcept { return image_positions_[row]; }
    // A row of image_field()->dims values in its storage; row < image_rows().
    const std::uint8_t* image_vector(std::uint32_t row) const noexcept {
        return image_vectors_ + static_cast<std::size_t>(row) * image_row_bytes_;
    }
    float image_scale(std::uint32_t row) const noexcept;  // int8 field storage only
    // The keywords section (vitrine/keyword/keyword_index.hpp), or nullptr without one.
    const KeywordIndex* keywords() const noexcept { return keywords_ ? &*keywords_ : nullptr; }
    // The facet columns section (vitrine/index/facet_columns.hpp), or nullptr without one.
    const FacetColumns* facet_columns() const noexcept { return facet_columns_ ? &*facet_columns_ : nullptr; }
    // The category of a category number (find_category's inverse).
    std::string_view category_name(std::uint32_t number) const noexcept { return categories_[number]; }
    std::uint32_t category_count() const noexcept { return static_cast<std::uint32_t>(categories_.size()); }
    // The shard section (vitrine/index/shard.hpp), when this index is one shard of a catalogue.
    const ShardSpec* shard() const noexcept { return shard_ ? &*shard_ : nullptr; }
    // A product's position in the whole catalogue: for an index that is not a shard, its own.
    std::uint32_t catalogue_position(std::uint32_t position) const noexcept {
        return shard_ ? shard_->positions[position] : position;
    }

private:
    struct Opening;  // open's steps (reader.cpp)
    Index() = default;
    std::span<const std::uint8_t> bytes_;
    IndexSpec spec_;
    std::uint16_t minor_version_ = 0;
    std::uint32_t count_ = 0;
    std::size_t row_bytes_ = 0;
    const std::uint8_t* vectors_ = nullptr;
    const std::uint8_t* scales_ = nullptr;
    const std::uint8_t* rescore_ = nullptr;
    const std::uint8_t* rescore_scales_ = nullptr;
    const std::uint8_t* records_ = nullptr;
    std::span<const std::uint8_t> strings_;
    const std::uint8_t* photos_ = nullptr;  // photo entries, when the index has them
    std::span<const std::uint8_t> photo_strings_;
    std::vector<SectionInfo> sections_;
    std::vector<double> prices_;
    std::vector<std::uint32_t> category_numbers_;
    std::vector<std::string_view> categories_;  // by number, in order of first appearance
    std::optional<ImageFieldSpec> image_spec_;
    const std::uint8_t* image_vectors_ = nullptr;
    const std::uint8_t* image_scales_ = nullptr;
    std::size_t image_row_bytes_ = 0;
    std::vector<std::uint32_t> image_row_of_;     // by position; UINT32_MAX: no image vector
    std::vector<std::uint32_t> image_positions_;  // by row
    std::optional<KeywordIndex> keywords_;
    std::optional<FacetColumns> facet_columns_;
    std::optional<ShardSpec> shard_;
};

}  // namespace vitrine
