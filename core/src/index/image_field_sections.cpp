// index/image_field_sections.cpp — see image_field_sections.hpp.
#include "index/image_field_sections.hpp"

#include <bit>
#include <cstring>
#include <string>

#include "base/byte_io.hpp"
#include "base/vector_math.hpp"
#include "index/int8_rescore.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

std::string num(std::uint64_t value) { return std::to_string(value); }

[[noreturn]] void corrupt(const std::string& message) { throw Error(ErrorKind::corrupt_index, "index: image field: " + message); }
[[noreturn]] void refuse_build(ErrorKind kind, const std::string& message) {
    throw Error(kind, "index build: image field: " + message);
}

std::size_t row_bytes(Storage storage, std::uint32_t dims) { return storage == Storage::int8 ? dims : dims * sizeof(float); }

void validate(const ImageFieldSpec& spec, std::size_t count, const ImageVectors& image) {
    if (spec.dims == 0 || spec.dims > IndexLimits::max_dims)
        refuse_build(ErrorKind::invalid_argument, "dims " + num(spec.dims) + " must be 1.." + num(IndexLimits::max_dims));
    if (spec.model_dims != 0 && spec.model_dims < spec.dims)
        refuse_build(ErrorKind::invalid_argument, "model dims " + num(spec.model_dims) + " are fewer than dims " + num(spec.dims));
    if (spec.model.empty() || spec.model.size() > IndexLimits::max_model_name_bytes || spec.model.find('\0') != std::string::npos)
        refuse_build(ErrorKind::invalid_argument, "the model name must be 1..63 bytes without NUL");
    if (spec.storage != Storage::f32 && spec.storage != Storage::int8)
        refuse_build(ErrorKind::invalid_argument, "storage must be f32 or int8");
    if (spec.embedder != EmbedderKind::hosted && spec.embedder != EmbedderKind::local_image)
        refuse_build(ErrorKind::invalid_argument, "the embedder must be hosted or local_image");
    if (image.present.size() != count)
        refuse_build(ErrorKind::invalid_argument, "expected " + num(count) + " presence flags, got " + num(image.present.size()));
    if (image.values.size() != count * spec.dims)
        refuse_build(ErrorKind::invalid_argument, "expected " + num(count) + " x " + num(spec.dims) + " values, got " +
                                                      num(image.values.size()));
}

std::vector<std::uint8_t> descriptor(const ImageFieldSpec& spec, std::uint32_t rows) {
    namespace f = layout::image_field;
    std::vector<std::uint8_t> out(f::size, 0);
    bytes::store<std::uint32_t>(out.data() + f::storage, static_cast<std::uint32_t>(spec.storage));
    bytes::store<std::uint32_t>(out.data() + f::dims, spec.dims);
    bytes::store<std::uint32_t>(out.data() + f::model_dims, spec.model_dims ? spec.model_dims : spec.dims);
    bytes::store<std::uint32_t>(out.data() + f::embedder, static_cast<std::uint32_t>(spec.embedder));
    bytes::store<std::uint32_t>(out.data() + f::flags, spec.joint_space ? f::flag_joint_space : 0);
    bytes::store<std::uint32_t>(out.data() + f::rows, rows);
    std::memcpy(out.data() + f::model_name, spec.model.data(), spec.model.size());
    return out;
}

bool has_bit(const std::uint8_t* bitmap, std::uint64_t i) { return (bitmap[i / 8] >> (i % 8)) & 1; }

}  // namespace

std::vector<ImageFieldSection> image_field_sections(const ImageVectors& image, std::span<const Product> products) {
    if (!image.spec) return {};
    const ImageFieldSpec& spec = *image.spec;
    const std::size_t count = products.size();
    validate(spec, count, image);

    std::vector<std::uint8_t> presence((count + 7) / 8, 0);
    std::vector<float> rows;
    for (std::size_t i = 0; i < count; ++i) {
        if (!image.present[i]) continue;
        presence[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
        rows.insert(rows.end(), image.values.begin() + static_cast<std::ptrdiff_t>(i * spec.dims),
                    image.values.begin() + static_cast<std::ptrdiff_t>((i + 1) * spec.dims));
        if (!l2_normalise({rows.data() + rows.size() - spec.dims, spec.dims}))
            refuse_build(ErrorKind::bad_catalogue, "the image vector of product '" + products[i].id + "' is zero or not finite");
    }
    const std::size_t row_count = rows.size() / spec.dims;
    std::vector<ImageFieldSection> sections;
    sections.push_back({layout::SectionType::image_field, "image_field", descriptor(spec, static_cast<std::uint32_t>(row_count))});
    sections.push_back({layout::SectionType::image_presence, "image_presence", std::move(presence)});
    if (spec.storage == Storage::int8) {
        QuantisedRows quantised = quantise_rows(rows, row_count, spec.dims);
        sections.push_back({layout::SectionType::image_vectors, "image_vectors", std::move(quantised.values)});
        sections.push_back({layout::SectionType::image_scales, "image_scales", std::move(quantised.scales)});
    } else {
        const auto* first = reinterpret_cast<const std::uint8_t*>(rows.data());
        sections.push_back({layout::SectionType::image_vectors, "image_vectors",
                            std::vector<std::uint8_t>(first, first + rows.size() * sizeof(float))});
    }
    return sections;
}

std::optional<OpenedImageField> open_image_field(std::span<const std::uint8_t> bytes, const ImageFieldFound& found,
                                                 std::uint32_t count) {
    namespace f = layout::image_field;
    if (!found.descriptor && !found.presence && !found.vectors && !found.scales) return std::nullopt;
    if (!found.descriptor || !found.presence || !found.vectors)
        corrupt("the image_field, image_presence and image_vectors sections come together; one is missing");
    if (found.descriptor->length != f::size)
        corrupt("the image_field section is " + num(found.descriptor->length) + " bytes, expected " + num(f::size));
    const std::uint8_t* d = bytes.data() + found.descriptor->offset;

    OpenedImageField field;
    ImageFieldSpec& spec = field.spec;
    const auto storage = bytes::load<std::uint32_t>(d + f::storage);
    if (storage != static_cast<std::uint32_t>(Storage::f32) && storage != static_cast<std::uint32_t>(Storage::int8))
        throw Error(ErrorKind::unsupported, "index: image field: storage type " + num(storage) +
                                                " is not known to this reader (knows 1 = f32, 2 = int8)");
    spec.storage = static_cast<Storage>(storage);
    spec.dims = bytes::load<std::uint32_t>(d + f::dims);
    spec.model_dims = bytes::load<std::uint32_t>(d + f::model_dims);
    if (spec.dims == 0 || spec.dims > IndexLimits::max_dims)
        corrupt("dims " + num(spec.dims) + " are outside 1.." + num(IndexLimits::max_dims));
    if (spec.model_dims < spec.dims) corrupt("model dims " + num(spec.model_dims) + " are fewer than dims " + num(spec.dims));
    const auto embedder = bytes::load<std::uint32_t>(d + f::embedder);
    if (embedder != static_cast<std::uint32_t>(EmbedderKind::hosted) &&
        embedder != static_cast<std::uint32_t>(EmbedderKind::local_image))
        throw Error(ErrorKind::unsupported, "index: image field: embedder kind " + num(embedder) + " is not known to this reader");
    spec.embedder = static_cast<EmbedderKind>(embedder);
    const auto flags = bytes::load<std::uint32_t>(d + f::flags);
    if (flags & ~f::flag_joint_space) corrupt("flags " + num(flags) + " set bits this reader does not know");
    spec.joint_space = (flags & f::flag_joint_space) != 0;
    spec.model = std::string(bytes::load_padded_text(d + f::model_name, layout::model_name_field));
    if (spec.model.empty()) corrupt("the model name is empty");
    if (spec.model.size() == layout::model_name_field) corrupt("the model name is not NUL-terminated");

    const std::uint64_t rows = bytes::load<std::uint32_t>(d + f::rows);
    if (rows > count) corrupt(num(rows) + " image vectors for " + num(count) + " products");
    const std::uint64_t presence_bytes = (std::uint64_t{count} + 7) / 8;
    if (found.presence->length != presence_bytes)
        corrupt("the image_presence section is " + num(found.presence->length) + " bytes, expected " + num(presence_bytes));
    const std::uint8_t* presence = bytes.data() + found.presence->offset;
    if (count % 8 != 0 && (presence[presence_bytes - 1] >> (count % 8)) != 0)
        corrupt("the presence bitmap sets bits past the last product");
    std::uint64_t set = 0;
    for (std::uint64_t i = 0; i < presence_bytes; ++i) set += static_cast<unsigned>(std::popcount(presence[i]));
    if (set != rows) corrupt("the presence bitmap marks " + num(set) + " products, the descriptor says " + num(rows));

    field.row_bytes = row_bytes(spec.storage, spec.dims);
    if (found.vectors->length != rows * field.row_bytes)
        corrupt("the image_vectors section is " + num(found.vectors->length) + " bytes, expected " + num(rows * field.row_bytes));
    field.vectors = bytes.data() + found.vectors->offset;
    const std::uint64_t values = rows * spec.dims;
    if (spec.storage == Storage::int8) {
        if (!found.scales) corrupt("an int8 image field has no image_scales section");
        if (found.scales->length != rows * sizeof(float))
            corrupt("the image_scales section is " + num(found.scales->length) + " bytes, expected " + num(rows * sizeof(float)));
        field.scales = bytes.data() + found.scales->offset;
        for (std::uint64_t r = 0; r < rows; ++r) {
            const float scale = bytes::load<float>(field.scales + r * sizeof(float));
            if (!(scale >= 0.0f && scale <= 1.0f / 127.0f)) corrupt("image vector " + num(r) + " has an invalid int8 scale");
        }
        if (const void* found_min = values ? std::memchr(field.vectors, 0x80, values) : nullptr)
            corrupt("image vector " + num((static_cast<const std::uint8_t*>(found_min) - field.vectors) / spec.dims) +
                    " holds the int8 value -128 (quantised values are -127..127)");
    } else {
        if (found.scales) corrupt("an f32 image field has an image_scales section");
        constexpr std::uint32_t magnitude = 0x7fffffff, one = 0x3f800000;
        for (std::uint64_t i = 0; i < values; ++i)
            if ((bytes::load<std::uint32_t>(field.vectors + i * 4) & magnitude) > one)
                corrupt("image vector " + num(i / spec.dims) + " holds a value outside [-1, 1] (vectors are unit length)");
    }

    field.row_of_position.assign(count, no_image_row);
    field.position_of_row.reserve(rows);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!has_bit(presence, i)) continue;
        field.row_of_position[i] = static_cast<std::uint32_t>(field.position_of_row.size());
        field.position_of_row.push_back(i);
    }
    return field;
}

}  // namespace vitrine
