// index/image_field_sections.hpp — the image vector field's sections, written and checked (internal).
//
// Four optional sections together (layout.hpp, types 8..11): the descriptor, the presence
// bitmap, one row a present product and, for int8, one scale a row. The writer refuses a
// spec out of range, an absent product's flag with a vector that is zero or not finite
// (ErrorKind::bad_catalogue, naming the product); rows are L2-normalised, then stored as the
// field's storage asks. On open, open_image_field checks all of it and throws
// ErrorKind::corrupt_index (or ::unsupported for a storage or embedder it does not know)
// naming what is wrong: sections missing or extra, lengths, reserved flag bits, the model
// name, presence padding bits and their count, every f32 value within [-1, 1], int8 values
// and scales as the quantiser makes them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "index/layout.hpp"
#include "vitrine/index/image_field.hpp"
#include "vitrine/index/reader.hpp"

namespace vitrine {

struct ImageFieldSection {
    layout::SectionType type;
    const char* name;
    std::vector<std::uint8_t> bytes;
};

std::vector<ImageFieldSection> image_field_sections(const ImageVectors& image, std::span<const Product> products);

struct ImageFieldFound {
    const SectionInfo* descriptor = nullptr;
    const SectionInfo* presence = nullptr;
    const SectionInfo* vectors = nullptr;
    const SectionInfo* scales = nullptr;
};

struct OpenedImageField {
    ImageFieldSpec spec;
    const std::uint8_t* vectors = nullptr;
    const std::uint8_t* scales = nullptr;
    std::size_t row_bytes = 0;
    std::vector<std::uint32_t> row_of_position;  // no_image_row: none
    std::vector<std::uint32_t> position_of_row;
};
inline constexpr std::uint32_t no_image_row = UINT32_MAX;

std::optional<OpenedImageField> open_image_field(std::span<const std::uint8_t> bytes, const ImageFieldFound& found,
                                                 std::uint32_t count);

}  // namespace vitrine
