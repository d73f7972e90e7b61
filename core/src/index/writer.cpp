#include "vitrine/index/writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "index/image_field_sections.hpp"
#include "index/int8_rescore.hpp"
#include "index/layout.hpp"
#include "index/section_assembly.hpp"
#include "index/facet_section.hpp"
#include "keyword/keyword_section.hpp"
#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(ErrorKind kind, const std::string& message) {
    throw Error(kind, "index build: " + message);
}

void validate_spec(const IndexSpec& spec, std::size_t count, std::size_t vector_values) {
    if (spec.dims == 0) refuse(ErrorKind::invalid_argument, "dims must be at least 1");
    if (spec.dims > IndexLimits::max_dims)
        refuse(ErrorKind::limit_exceeded, "dims " + std::to_string(spec.dims) + " exceed the limit of " +
                                              std::to_string(IndexLimits::max_dims));
    if (spec.model_dims != 0 && spec.model_dims < spec.dims)
        refuse(ErrorKind::invalid_argument, "model dims " + std::to_string(spec.model_dims) +
                                                " are fewer than the index dims " + std::to_string(spec.dims));
    if (spec.model.size() > IndexLimits::max_model_name_bytes)
        refuse(ErrorKind::invalid_argument, "model name is longer than 63 bytes");
    if (spec.model.find('\0') != std::string::npos)
        refuse(ErrorKind::invalid_argument, "model name contains a NUL byte");
    if (spec.storage != Storage::f32 && spec.storage != Storage::int8 && spec.storage != Storage::binary)
        refuse(ErrorKind::invalid_argument, "unknown storage type");
    if (spec.rescore && spec.storage == Storage::f32)
        refuse(ErrorKind::invalid_argument, "rescoring needs int8 or binary storage (f32 vectors are exact already)");
    if (spec.rescore_with != Storage::f32 && spec.rescore_with != Storage::int8)
        refuse(ErrorKind::invalid_argument, "rescoring copies are f32 or int8");
    if (spec.rescore_with == Storage::int8 && !(spec.rescore && spec.storage == Storage::binary))
        refuse(ErrorKind::invalid_argument, "rescoring with int8 copies needs binary storage and rescore");
    if (count > IndexLimits::max_records)
        refuse(ErrorKind::limit_exceeded, std::to_string(count) + " products exceed the limit of " +
                                              std::to_string(IndexLimits::max_records));
    if (vector_values != count * spec.dims)
        refuse(ErrorKind::invalid_argument, "expected " + std::to_string(count) + " x " +
                                                std::to_string(spec.dims) + " vector values, got " +
                                                std::to_string(vector_values));
}

void validate_product(const Product& product, std::size_t position, std::unordered_set<std::string_view>& ids) {
    const std::string where = "product " + std::to_string(position);
    if (product.id.empty()) refuse(ErrorKind::bad_catalogue, where + " has an empty id");
    if (!ids.insert(product.id).second)
        refuse(ErrorKind::bad_catalogue, where + " repeats the id '" + product.id + "'");
    if (product.price && !std::isfinite(*product.price))
        refuse(ErrorKind::bad_catalogue, where + " ('" + product.id + "') has a non-finite price");
    const auto metadata = nlohmann::json::parse(product.metadata_json, nullptr, false);
    if (!metadata.is_object())
        refuse(ErrorKind::bad_catalogue, where + " ('" + product.id + "') metadata is not a JSON object");
}

// Strings are appended to one blob; a record refers to them by (offset, length).
class StringBlob {
public:
    void append(std::uint8_t* entry, std::string_view text) {
        if (bytes_.size() + text.size() > UINT32_MAX)
            refuse(ErrorKind::limit_exceeded, "catalogue text exceeds 4 GiB");
        bytes::store<std::uint32_t>(entry, static_cast<std::uint32_t>(bytes_.size()));
        bytes::store<std::uint32_t>(entry + 4, static_cast<std::uint32_t>(text.size()));
        bytes_.insert(bytes_.end(), text.begin(), text.end());
    }
    std::vector<std::uint8_t> take() { return std::move(bytes_); }

private:
    std::vector<std::uint8_t> bytes_;
};

// Rows normalised to unit length, in product order.
std::vector<float> unit_rows(const IndexSpec& spec, std::size_t count, std::span<const float> vectors) {
    std::vector<float> rows(vectors.begin(), vectors.end());
    for (std::size_t i = 0; i < count; ++i)
        if (!l2_normalise({rows.data() + i * spec.dims, spec.dims}))
            refuse(ErrorKind::bad_catalogue, "vector " + std::to_string(i) + " is zero or not finite");
    return rows;
}

std::vector<std::uint8_t> as_bytes(std::span<const float> values) {
    const auto* first = reinterpret_cast<const std::uint8_t*>(values.data());
    return std::vector<std::uint8_t>(first, first + values.size_bytes());
}

std::vector<OutputSection> vector_sections(const IndexSpec& spec, std::size_t count, std::span<const float> vectors) {
    const std::vector<float> rows = unit_rows(spec, count, vectors);
    std::vector<OutputSection> sections;
    switch (spec.storage) {
        case Storage::f32:
            sections.push_back({layout::SectionType::vectors, "vectors", as_bytes(rows)});
            break;
        case Storage::int8: {
            QuantisedRows quantised = quantise_rows(rows, count, spec.dims);
            sections.push_back({layout::SectionType::vectors, "vectors", std::move(quantised.values)});
            sections.push_back({layout::SectionType::scales, "scales", std::move(quantised.scales)});
            break;
        }
        case Storage::binary: {
            const std::size_t row_bytes = binary_row_bytes(spec.dims);
            std::vector<std::uint8_t> data(count * row_bytes);
            for (std::size_t i = 0; i < count; ++i)
                binarise({rows.data() + i * spec.dims, spec.dims}, {data.data() + i * row_bytes, row_bytes});
            sections.push_back({layout::SectionType::vectors, "vectors", std::move(data)});
            break;
        }
    }
    if (spec.rescore && spec.rescore_with == Storage::int8) {
        QuantisedRows copies = quantise_rows(rows, count, spec.dims);
        sections.push_back({layout::SectionType::rescore_int8, "rescore_int8", std::move(copies.values)});
        sections.push_back({layout::SectionType::rescore_scales, "rescore_scales", std::move(copies.scales)});
    } else if (spec.rescore) {
        sections.push_back({layout::SectionType::rescore, "rescore", as_bytes(rows)});
    }
    return sections;
}

void append_record_sections(std::span<const Product> products, std::vector<OutputSection>& sections) {
    std::vector<std::uint8_t> records(products.size() * layout::record_size, 0);
    StringBlob strings;
    for (std::size_t i = 0; i < products.size(); ++i) {
        const Product& p = products[i];
        std::uint8_t* entry = records.data() + i * layout::record_size;
        const std::string_view fields[layout::record_string_fields] = {p.id,    p.title,    p.description,
                                                                       p.image, p.category, p.metadata_json};
        for (std::size_t f = 0; f < layout::record_string_fields; ++f) strings.append(entry + f * 8, fields[f]);
        bytes::store<double>(entry + layout::record_price, p.price.value_or(0.0));
        bytes::store<std::uint32_t>(entry + layout::record_flags, p.price ? 0 : layout::record_flag_no_price);
    }
    sections.push_back({layout::SectionType::records, "records", std::move(records)});
    sections.push_back({layout::SectionType::strings, "strings", strings.take()});
}

// Only when some product has a prepared photo; optional, so a 1.0 reader skips it.
void append_photo_section(std::span<const Product> products, std::vector<OutputSection>& sections) {
    if (std::none_of(products.begin(), products.end(),
                     [](const Product& p) { return !p.prepared_image.empty() || !p.thumbnail.empty(); }))
        return;
    std::vector<std::uint8_t> entries(products.size() * layout::photo_entry_size, 0);
    StringBlob names;
    for (std::size_t i = 0; i < products.size(); ++i) {
        names.append(entries.data() + i * layout::photo_entry_size, products[i].prepared_image);
        names.append(entries.data() + i * layout::photo_entry_size + 8, products[i].thumbnail);
    }
    const std::vector<std::uint8_t> text = names.take();
    entries.insert(entries.end(), text.begin(), text.end());
    sections.push_back({layout::SectionType::photos, "photos", std::move(entries), false});
}

void write_padded_text(std::uint8_t* at, std::string_view text) { std::copy(text.begin(), text.end(), at); }

}  // namespace

std::vector<std::uint8_t> write_index(const IndexSpec& spec, std::span<const Product> products,
                                      std::span<const float> vectors, const ImageVectors& image) {
    validate_spec(spec, products.size(), vectors.size());
    std::unordered_set<std::string_view> ids;
    for (std::size_t i = 0; i < products.size(); ++i) validate_product(products[i], i, ids);

    std::vector<OutputSection> sections = vector_sections(spec, products.size(), vectors);
    append_record_sections(products, sections);
    append_photo_section(products, sections);
    for (ImageFieldSection& s : image_field_sections(image, products))
        sections.push_back({s.type, s.name, std::move(s.bytes), false});
    if (spec.search_fields.keywords)  // optional: older readers skip it
        sections.push_back({layout::SectionType::keywords, "keywords",
                            write_keyword_section(products, spec.search_fields.keyword_fields), false});
    if (auto columns = write_facet_section(products, spec.search_fields.facet_fields); !columns.empty())
        sections.push_back({layout::SectionType::facet_columns, "facet_columns", std::move(columns), false});

    std::array<std::uint8_t, layout::header_size> header{};
    std::uint8_t* h = header.data();
    std::memcpy(h, layout::magic, sizeof layout::magic);
    bytes::store<std::uint16_t>(h + layout::header::major, layout::major_version);
    bytes::store<std::uint16_t>(h + layout::header::minor, layout::minor_version);
    bytes::store<std::uint32_t>(h + layout::header::size, layout::header_size);
    bytes::store<std::uint32_t>(h + layout::header::count, static_cast<std::uint32_t>(products.size()));
    bytes::store<std::uint32_t>(h + layout::header::dims, spec.dims);
    bytes::store<std::uint32_t>(h + layout::header::metric, static_cast<std::uint32_t>(Metric::inner_product));
    bytes::store<std::uint32_t>(h + layout::header::storage, static_cast<std::uint32_t>(spec.storage));
    bytes::store<std::uint32_t>(h + layout::header::embedder, static_cast<std::uint32_t>(spec.embedder));
    bytes::store<std::uint32_t>(h + layout::header::model_dims, spec.model_dims ? spec.model_dims : spec.dims);
    write_padded_text(h + layout::header::model_name, spec.model);
    return assemble_index(header, sections);
}

std::vector<std::uint8_t> assemble_index(std::span<const std::uint8_t, layout::header_size> header,
                                         std::span<const OutputSection> sections) {
    const std::size_t table_offset = layout::header_size;
    std::size_t offset = bytes::align_up(table_offset + sections.size() * layout::section_entry_size,
                                         layout::section_alignment);
    std::vector<std::size_t> offsets;
    for (const OutputSection& s : sections) {
        offsets.push_back(offset);
        offset = bytes::align_up(offset + s.bytes.size(), layout::section_alignment);
    }
    const std::size_t file_size = offsets.back() + sections.back().bytes.size();

    std::vector<std::uint8_t> out(file_size, 0);
    std::uint8_t* h = out.data();
    std::copy(header.begin(), header.end(), h);
    bytes::store<std::uint64_t>(h + layout::header::file_size, file_size);
    bytes::store<std::uint32_t>(h + layout::header::section_count, static_cast<std::uint32_t>(sections.size()));
    bytes::store<std::uint32_t>(h + layout::header::section_table, static_cast<std::uint32_t>(table_offset));
    bytes::store<std::uint64_t>(h + layout::header::checksum, 0);

    for (std::size_t i = 0; i < sections.size(); ++i) {
        std::uint8_t* e = h + table_offset + i * layout::section_entry_size;
        const OutputSection& s = sections[i];
        bytes::store<std::uint32_t>(e + layout::entry::type, static_cast<std::uint32_t>(s.type));
        bytes::store<std::uint32_t>(e + layout::entry::flags, s.required ? layout::flag_required : 0);
        bytes::store<std::uint64_t>(e + layout::entry::offset, offsets[i]);
        bytes::store<std::uint64_t>(e + layout::entry::length, s.bytes.size());
        bytes::store<std::uint64_t>(e + layout::entry::checksum, checksum64(s.bytes.data(), s.bytes.size()));
        write_padded_text(e + layout::entry::name, s.name);
        std::copy(s.bytes.begin(), s.bytes.end(), h + offsets[i]);  // sections of an empty index are empty
    }
    const std::size_t covered = table_offset + sections.size() * layout::section_entry_size;
    bytes::store<std::uint64_t>(h + layout::header::checksum, checksum64(h, covered));
    return out;
}

}  // namespace vitrine
