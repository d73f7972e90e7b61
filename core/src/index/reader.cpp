#include "vitrine/index/reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "index/image_field_sections.hpp"
#include "index/int8_rescore.hpp"
#include "index/layout.hpp"
#include "index/shard_section.hpp"
#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(ErrorKind kind, const std::string& message) { throw Error(kind, "index: " + message); }
[[noreturn]] void corrupt(const std::string& message) { refuse(ErrorKind::corrupt_index, message); }

bool has_price(const std::uint8_t* record) {
    return (bytes::load<std::uint32_t>(record + layout::record_flags) & layout::record_flag_no_price) == 0;
}

std::string num(std::uint64_t value) { return std::to_string(value); }

const char* known_section_name(std::uint32_t type) {
    switch (static_cast<layout::SectionType>(type)) {
        case layout::SectionType::vectors: return "vectors";
        case layout::SectionType::scales: return "scales";
        case layout::SectionType::records: return "records";
        case layout::SectionType::strings: return "strings";
        case layout::SectionType::rescore: return "rescore";
        case layout::SectionType::photos: return "photos";
        case layout::SectionType::image_field: return "image_field";
        case layout::SectionType::image_presence: return "image_presence";
        case layout::SectionType::image_vectors: return "image_vectors";
        case layout::SectionType::image_scales: return "image_scales";
        case layout::SectionType::keywords: return "keywords";
        case layout::SectionType::facet_columns: return "facet_columns";
        case layout::SectionType::rescore_int8: return "rescore_int8";
        case layout::SectionType::rescore_scales: return "rescore_scales";
        case layout::SectionType::shard: return "shard";
    }
    return nullptr;
}

// Index of the first value outside [-1, 1] (NaN and infinities included) among
// `count` floats: a unit vector has none, and huge values of both signs would sum
// to inf - inf = NaN in a score. Magnitudes compare as integers (IEEE order), which
// vectorises: f32 vectors are checked in full on every open.
std::optional<std::uint64_t> first_outside_unit_range(const std::uint8_t* floats, std::uint64_t count) {
    constexpr std::uint32_t magnitude = 0x7fffffff, one = 0x3f800000;
    std::uint32_t largest = 0;
    for (std::uint64_t i = 0; i < count; ++i)
        largest = std::max(largest, bytes::load<std::uint32_t>(floats + i * 4) & magnitude);
    if (largest <= one) return std::nullopt;
    for (std::uint64_t i = 0; i < count; ++i)
        if ((bytes::load<std::uint32_t>(floats + i * 4) & magnitude) > one) return i;
    return std::nullopt;
}

// Text from the file, safe to put in a one-line message: bytes outside printable
// ASCII become \xHH.
std::string printable(std::string_view text) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
            out += c;
        } else {
            out += {'\\', 'x', digits[byte >> 4], digits[byte & 0xf]};
        }
    }
    return out;
}

std::size_t row_bytes(Storage storage, std::size_t dims) {
    switch (storage) {
        case Storage::f32: return dims * sizeof(float);
        case Storage::int8: return dims;
        case Storage::binary: return binary_row_bytes(dims);
    }
    return 0;
}

// Binary rows keep the bits past dims in their last byte zero: set ones would count
// as differences and push scores below -1. The first row that has some, if any.
std::optional<std::uint64_t> first_row_with_padding_bits(const std::uint8_t* rows, std::uint64_t count, std::uint32_t dims) {
    if (dims % 8 == 0) return std::nullopt;
    const std::size_t row = binary_row_bytes(dims);
    const auto padding = static_cast<std::uint8_t>(0xff << (dims % 8));
    for (std::uint64_t i = 0; i < count; ++i)
        if (rows[i * row + row - 1] & padding) return i;
    return std::nullopt;
}

// The quantiser writes -127..127; -128 has no positive twin and breaks the score bound.
std::optional<std::uint64_t> first_int8_minimum(const std::uint8_t* values, std::uint64_t count) {
    const void* found = count == 0 ? nullptr : std::memchr(values, 0x80, count);
    if (!found) return std::nullopt;
    return static_cast<std::uint64_t>(static_cast<const std::uint8_t*>(found) - values);
}

// The writer stores metadata as a JSON object: anything else was altered after the
// build, and would fail every search that reaches the record.
bool is_json_object(std::string_view text) {
    if (text == "{}") return true;  // most records: no parse
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{' && nlohmann::json::accept(text);
}

// The header fields and section table, checked against each other and the file size.
struct ParsedHeader {
    IndexSpec spec;
    std::uint16_t minor = 0;
    std::uint32_t count = 0;
    std::uint32_t section_count = 0;
    std::uint32_t table_offset = 0;
};

ParsedHeader parse_header(std::span<const std::uint8_t> bytes) {
    check_index_header(bytes, bytes.size());
    const std::uint8_t* h = bytes.data();
    ParsedHeader p;
    p.spec.search_fields.keywords = false;  // until a keywords section is found
    p.spec.search_fields.keyword_fields.clear();
    p.minor = bytes::load<std::uint16_t>(h + layout::header::minor);

    p.section_count = bytes::load<std::uint32_t>(h + layout::header::section_count);
    p.table_offset = bytes::load<std::uint32_t>(h + layout::header::section_table);
    if (p.section_count == 0 || p.section_count > IndexLimits::max_sections)
        corrupt("section count " + num(p.section_count) + " is outside 1.." + num(IndexLimits::max_sections));
    const std::uint64_t table_end = std::uint64_t{p.table_offset} + std::uint64_t{p.section_count} * layout::section_entry_size;
    if (p.table_offset < layout::header_size || table_end > bytes.size())
        corrupt("section table (" + num(p.section_count) + " entries at offset " + num(p.table_offset) +
                ") lies outside the file");

    // The checksum covers header and section table, with its own field read as zero.
    std::vector<std::uint8_t> covered(h, h + table_end);
    std::memset(covered.data() + layout::header::checksum, 0, 8);
    if (checksum64(covered.data(), covered.size()) != bytes::load<std::uint64_t>(h + layout::header::checksum))
        corrupt("header checksum mismatch (the header or section table is corrupted)");

    p.count = bytes::load<std::uint32_t>(h + layout::header::count);
    p.spec.dims = bytes::load<std::uint32_t>(h + layout::header::dims);
    p.spec.model_dims = bytes::load<std::uint32_t>(h + layout::header::model_dims);
    p.spec.model = std::string(bytes::load_padded_text(h + layout::header::model_name, layout::model_name_field));
    if (p.count > IndexLimits::max_records)
        refuse(ErrorKind::limit_exceeded, "record count " + num(p.count) + " exceeds the limit of " +
                                              num(IndexLimits::max_records));
    if (p.spec.dims == 0) corrupt("dims is 0");
    if (p.spec.dims > IndexLimits::max_dims)
        refuse(ErrorKind::limit_exceeded, "dims " + num(p.spec.dims) + " exceed the limit of " + num(IndexLimits::max_dims));
    if (p.spec.model_dims < p.spec.dims)
        corrupt("model dims " + num(p.spec.model_dims) + " are fewer than dims " + num(p.spec.dims));
    if (p.spec.model.size() == layout::model_name_field) corrupt("model name is not NUL-terminated");

    const auto metric = bytes::load<std::uint32_t>(h + layout::header::metric);
    if (metric != static_cast<std::uint32_t>(Metric::inner_product))
        refuse(ErrorKind::unsupported, "metric " + num(metric) + " is not known to this reader (knows 1 = inner product)");
    const auto storage = bytes::load<std::uint32_t>(h + layout::header::storage);
    if (storage < static_cast<std::uint32_t>(Storage::f32) || storage > static_cast<std::uint32_t>(Storage::binary))
        refuse(ErrorKind::unsupported, "storage type " + num(storage) +
                                           " is not known to this reader (knows 1 = f32, 2 = int8, 3 = binary)");
    p.spec.storage = static_cast<Storage>(storage);
    const auto embedder = bytes::load<std::uint32_t>(h + layout::header::embedder);
    if (embedder != static_cast<std::uint32_t>(EmbedderKind::hosted) &&
        embedder != static_cast<std::uint32_t>(EmbedderKind::local_hashing))
        refuse(ErrorKind::unsupported, "embedder kind " + num(embedder) + " is not known to this reader");
    p.spec.embedder = static_cast<EmbedderKind>(embedder);
    return p;
}

}  // namespace

static_assert(Index::header_bytes == layout::header_size);

void check_index_header(std::span<const std::uint8_t> first_bytes, std::uint64_t file_size) {
    if (file_size < layout::header_size)
        corrupt("file is " + num(file_size) + " bytes, shorter than the " + num(layout::header_size) +
                "-byte header (truncated?)");
    if (first_bytes.size() < layout::header_size)
        refuse(ErrorKind::invalid_argument, "check_index_header needs the file's first " + num(layout::header_size) + " bytes");
    const std::uint8_t* h = first_bytes.data();
    if (std::memcmp(h, layout::magic, sizeof layout::magic) != 0) corrupt("not a Vitrine index (bad magic bytes)");
    const auto major = bytes::load<std::uint16_t>(h + layout::header::major);
    const auto minor = bytes::load<std::uint16_t>(h + layout::header::minor);
    if (major != layout::major_version)
        refuse(ErrorKind::unsupported, "format version " + num(major) + "." + num(minor) +
                                           " is not readable by this reader (reads version 1.x)");
    if (bytes::load<std::uint32_t>(h + layout::header::size) != layout::header_size)
        corrupt("header size field is not " + num(layout::header_size));
    const auto declared = bytes::load<std::uint64_t>(h + layout::header::file_size);
    if (declared > IndexLimits::max_file_bytes || file_size > IndexLimits::max_file_bytes)
        refuse(ErrorKind::limit_exceeded, "the file is " + num(std::max(declared, file_size)) +
                                              " bytes, over the limit of " + num(IndexLimits::max_file_bytes));
    if (declared != file_size)
        corrupt("header says the file is " + num(declared) + " bytes but it is " + num(file_size) +
                (file_size < declared ? " (truncated)" : " (trailing bytes)"));
}

namespace {

// The known sections of a file by type, each at most once.
class SectionsByType {
public:
    explicit SectionsByType(const std::vector<SectionInfo>& sections) {
        for (const SectionInfo& s : sections) {
            if (!s.known) continue;
            if (found_[s.type]) corrupt("section type " + num(s.type) + " appears twice");
            found_[s.type] = &s;
        }
    }
    const SectionInfo* find(layout::SectionType type) const { return found_[static_cast<std::uint32_t>(type)]; }
    // The section's bytes, which must be there and be exactly `length` long.
    const SectionInfo& require(layout::SectionType type, std::uint64_t length) const {
        const SectionInfo* s = find(type);
        const std::string name = known_section_name(static_cast<std::uint32_t>(type));
        if (!s) corrupt("the " + name + " section is missing");
        if (s->length != length) corrupt("the " + name + " section is " + num(s->length) + " bytes, expected " + num(length));
        return *s;
    }

private:
    const SectionInfo* found_[layout::max_known_section_type + 1] = {};
};

}  // namespace

// Index::open's steps, in order; each checks what it attaches.
struct Index::Opening {
    // Every entry of the section table: inside the file, aligned, not overlapping,
    // checksums right, and no unknown section marked required.
    static std::vector<SectionInfo> read_section_table(std::span<const std::uint8_t> bytes, const ParsedHeader& header,
                                                       const OpenOptions& options) {
        const std::uint64_t table_end = header.table_offset + std::uint64_t{header.section_count} * layout::section_entry_size;
        std::vector<SectionInfo> sections;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> extents;
        sections.reserve(header.section_count);
        for (std::uint32_t i = 0; i < header.section_count; ++i) {
            const std::uint8_t* e = bytes.data() + header.table_offset + i * layout::section_entry_size;
            SectionInfo s;
            s.type = bytes::load<std::uint32_t>(e + layout::entry::type);
            s.offset = bytes::load<std::uint64_t>(e + layout::entry::offset);
            s.length = bytes::load<std::uint64_t>(e + layout::entry::length);
            s.checksum = bytes::load<std::uint64_t>(e + layout::entry::checksum);
            s.name = std::string(bytes::load_padded_text(e + layout::entry::name, layout::section_name_field));
            const std::uint32_t flags = bytes::load<std::uint32_t>(e + layout::entry::flags);
            s.known = known_section_name(s.type) != nullptr;
            s.required = (flags & layout::flag_required) != 0;
            const std::string label = "section " + num(i) + " ('" + printable(s.name) + "', type " + num(s.type) + ")";
            if (!s.known && s.required)
                refuse(ErrorKind::unsupported, label + " is required but not known to this reader");
            if (s.offset % layout::section_alignment != 0) corrupt(label + " offset " + num(s.offset) + " is not 64-byte aligned");
            if (s.offset < table_end || s.offset > bytes.size() || s.length > bytes.size() - s.offset)
                corrupt(label + " (offset " + num(s.offset) + ", length " + num(s.length) + ") lies outside the file's " +
                        num(bytes.size()) + " bytes");
            if (options.verify_checksums && checksum64(bytes.data() + s.offset, s.length) != s.checksum)
                corrupt(label + " checksum mismatch (corrupted data)");
            extents.emplace_back(s.offset, s.offset + s.length);
            sections.push_back(std::move(s));
        }
        std::sort(extents.begin(), extents.end());
        for (std::size_t i = 1; i < extents.size(); ++i)
            if (extents[i].first < extents[i - 1].second) corrupt("sections overlap");
        return sections;
    }

    static void attach_records(Index& index, const SectionsByType& found) {
        const std::uint64_t length = std::uint64_t{index.count_} * layout::record_size;
        index.records_ = index.bytes_.data() + found.require(layout::SectionType::records, length).offset;
        const SectionInfo* strings = found.find(layout::SectionType::strings);
        if (!strings) corrupt("the strings section is missing");
        index.strings_ = index.bytes_.subspan(strings->offset, strings->length);
    }

    // The vectors (and int8 scales), with the values each storage can never hold refused.
    static void attach_vectors(Index& index, const SectionsByType& found) {
        const std::uint64_t count = index.count_;
        const std::uint32_t dims = index.spec_.dims;
        const std::uint8_t* base = index.bytes_.data();
        index.vectors_ = base + found.require(layout::SectionType::vectors, count * index.row_bytes_).offset;
        switch (index.spec_.storage) {
            case Storage::int8:
                index.scales_ = base + found.require(layout::SectionType::scales, count * sizeof(float)).offset;
                for (std::uint32_t i = 0; i < count; ++i) {
                    const float scale = index.scale(i);
                    // Unit vectors quantise with scale = max |value| / 127 <= 1 / 127.
                    if (!(scale >= 0.0f && scale <= 1.0f / 127.0f)) corrupt("vector " + num(i) + " has an invalid int8 scale");
                }
                if (const auto bad = first_int8_minimum(index.vectors_, count * dims))
                    corrupt("vector " + num(*bad / dims) + " holds the int8 value -128 (quantised values are -127..127)");
                break;
            case Storage::binary:
                if (const auto bad = first_row_with_padding_bits(index.vectors_, count, dims))
                    corrupt("vector " + num(*bad) + " has bits set past dims " + num(dims) + " (binary rows are zero-padded)");
                break;
            case Storage::f32:
                // A NaN or infinity in a vector would make scores silently wrong.
                if (const auto bad = first_outside_unit_range(index.vectors_, count * dims))
                    corrupt("vector " + num(*bad / dims) + " holds a value outside [-1, 1] (vectors are unit length)");
                break;
        }
    }

    // Optional full-precision (f32) or int8 copies of int8/binary vectors, for rescoring.
    static void attach_rescore(Index& index, const SectionsByType& found) {
        const std::uint64_t count = index.count_;
        const std::uint32_t dims = index.spec_.dims;
        const std::uint8_t* base = index.bytes_.data();
        if (found.find(layout::SectionType::rescore)) {
            if (index.spec_.storage == Storage::f32) corrupt("an f32 index has a rescore section");
            index.rescore_ = base + found.require(layout::SectionType::rescore, count * dims * sizeof(float)).offset;
            index.spec_.rescore = true;
            if (const auto bad = first_outside_unit_range(index.rescore_, count * dims))
                corrupt("rescore vector " + num(*bad / dims) + " holds a value outside [-1, 1] (vectors are unit length)");
        }
        const auto section_at = [&](layout::SectionType type) {
            const SectionInfo* s = found.find(type);
            return std::pair(s ? base + s->offset : nullptr, s ? s->length : 0);
        };
        const auto [int8_values, int8_values_length] = section_at(layout::SectionType::rescore_int8);
        const auto [int8_scales, int8_scales_length] = section_at(layout::SectionType::rescore_scales);
        if (check_int8_rescore({int8_values, int8_values_length, int8_scales, int8_scales_length}, count, dims,
                               index.spec_.storage == Storage::binary, index.rescore_ != nullptr)) {
            index.rescore_ = int8_values;
            index.rescore_scales_ = int8_scales;
            index.spec_.rescore = true;
            index.spec_.rescore_with = Storage::int8;
        }
    }

    // Optional prepared-photo and thumbnail names, one pair per record.
    static void attach_photos(Index& index, const SectionsByType& found) {
        const SectionInfo* photos = found.find(layout::SectionType::photos);
        if (!photos) return;
        const std::uint64_t count = index.count_;
        const std::uint64_t entries = count * layout::photo_entry_size;
        if (photos->length < entries)
            corrupt("the photos section is " + num(photos->length) + " bytes, too short for " + num(count) + " entries");
        index.photos_ = index.bytes_.data() + photos->offset;
        index.photo_strings_ = index.bytes_.subspan(photos->offset + entries, photos->length - entries);
        for (std::uint64_t i = 0; i < count * 2; ++i) {
            const std::uint64_t offset = bytes::load<std::uint32_t>(index.photos_ + i * 8);
            const std::uint64_t length = bytes::load<std::uint32_t>(index.photos_ + i * 8 + 4);
            if (offset + length > index.photo_strings_.size())
                corrupt("record " + num(i / 2) + " refers to a photo name outside the photos section");
        }
    }

    // The optional image vector field (index/image_field_sections.hpp).
    static void attach_image_field(Index& index, const SectionsByType& found) {
        using layout::SectionType;
        auto image = open_image_field(index.bytes_,
                                      {found.find(SectionType::image_field), found.find(SectionType::image_presence),
                                       found.find(SectionType::image_vectors), found.find(SectionType::image_scales)},
                                      index.count_);
        if (!image) return;
        index.image_spec_ = std::move(image->spec);
        index.image_vectors_ = image->vectors;
        index.image_scales_ = image->scales;
        index.image_row_bytes_ = image->row_bytes;
        index.image_row_of_ = std::move(image->row_of_position);
        index.image_positions_ = std::move(image->position_of_row);
    }

    // The optional keywords (vitrine/keyword/keyword_index.hpp) and facet columns
    // (vitrine/index/facet_columns.hpp); the spec says which fields they cover.
    static void attach_keywords_and_facets(Index& index, const SectionsByType& found) {
        const auto span_of = [&](const SectionInfo& s) { return index.bytes_.subspan(s.offset, s.length); };
        SearchFields& fields = index.spec_.search_fields;
        if (const SectionInfo* keywords = found.find(layout::SectionType::keywords)) {
            index.keywords_ = KeywordIndex::open(span_of(*keywords), index.count_);
            fields.keywords = true;
            fields.keyword_fields = index.keywords_->metadata_fields();
        }
        fields.facet_fields = std::vector<std::string>{};
        if (const SectionInfo* columns = found.find(layout::SectionType::facet_columns)) {
            index.facet_columns_ = FacetColumns::open(span_of(*columns), index.count_);
            for (std::size_t f = 0; f < index.facet_columns_->field_count(); ++f)
                fields.facet_fields->emplace_back(index.facet_columns_->field_name(f));
        }
    }

    // The optional shard section (vitrine/index/shard.hpp), after the records it checks the ids of.
    static void attach_shard(Index& index, const SectionsByType& found) {
        const SectionInfo* section = found.find(layout::SectionType::shard);
        if (!section) return;
        const std::uint64_t expected = layout::shard_section::header + std::uint64_t{index.count_} * 4;
        if (section->length != expected)
            corrupt("the shard section is " + num(section->length) + " bytes, expected " + num(expected));
        const std::uint8_t* at = index.bytes_.data() + section->offset;
        ShardSpec spec{.shard = bytes::load<std::uint32_t>(at + layout::shard_section::shard),
                       .shards = bytes::load<std::uint32_t>(at + layout::shard_section::shards),
                       .catalogue = bytes::load<std::uint64_t>(at + layout::shard_section::catalogue),
                       .catalogue_count = bytes::load<std::uint32_t>(at + layout::shard_section::catalogue_count),
                       // 4-aligned: the index starts on a 4-byte boundary, the section on a 64-byte one
                       .positions = {reinterpret_cast<const std::uint32_t*>(at + layout::shard_section::header), index.count_}};
        if (auto fault = shard_fault(spec, index)) corrupt("the shard section: " + *fault);
        index.shard_ = spec;
    }

    // Every record's text inside the strings section, its price and metadata sound;
    // gathers the filter columns (prices, category numbers) on the way.
    static void check_records(Index& index) {
        index.prices_.resize(index.count_);
        index.category_numbers_.resize(index.count_);
        std::unordered_map<std::string_view, std::uint32_t> category_numbers;
        for (std::uint32_t i = 0; i < index.count_; ++i) {
            const std::uint8_t* entry = index.records_ + std::size_t{i} * layout::record_size;
            for (std::size_t f = 0; f < layout::record_string_fields; ++f) {
                const std::uint64_t offset = bytes::load<std::uint32_t>(entry + f * 8);
                const std::uint64_t length = bytes::load<std::uint32_t>(entry + f * 8 + 4);
                if (offset + length > index.strings_.size())
                    corrupt("record " + num(i) + " refers to text outside the strings section");
            }
            const double price = bytes::load<double>(entry + layout::record_price);
            if (!std::isfinite(price)) corrupt("record " + num(i) + " has a non-finite price");
            const bool priced = has_price(entry);
            if (!priced && price != 0.0) corrupt("record " + num(i) + " has no price but a price field of " + std::to_string(price));
            index.prices_[i] = priced ? price : std::numeric_limits<double>::quiet_NaN();
            const RecordView record = index.record(i);
            if (!is_json_object(record.metadata_json))
                corrupt("record " + num(i) + " ('" + printable(record.id) + "') has metadata that is not a JSON object");
            const auto [it, added] =
                category_numbers.try_emplace(record.category, static_cast<std::uint32_t>(index.categories_.size()));
            if (added) index.categories_.push_back(record.category);
            index.category_numbers_[i] = it->second;
        }
    }
};

Index Index::open(std::span<const std::uint8_t> bytes, const OpenOptions& options) {
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(float) != 0)
        refuse(ErrorKind::invalid_argument, "index bytes must start at a 4-byte aligned address");
    const ParsedHeader header = parse_header(bytes);

    Index index;
    index.bytes_ = bytes;
    index.spec_ = header.spec;
    index.minor_version_ = header.minor;
    index.count_ = header.count;
    index.row_bytes_ = row_bytes(header.spec.storage, header.spec.dims);
    index.sections_ = Opening::read_section_table(bytes, header, options);
    const SectionsByType found(index.sections_);
    Opening::attach_vectors(index, found);
    Opening::attach_records(index, found);
    Opening::attach_rescore(index, found);
    Opening::attach_photos(index, found);
    Opening::attach_image_field(index, found);
    Opening::attach_keywords_and_facets(index, found);
    Opening::check_records(index);
    Opening::attach_shard(index, found);
    return index;
}

RecordView Index::record(std::uint32_t position) const {
    if (position >= count_)
        throw Error(ErrorKind::invalid_argument,
                    "index: record position " + num(position) + " is out of range (count " + num(count_) + ")");
    const std::uint8_t* entry = records_ + std::size_t{position} * layout::record_size;
    const auto text = [&](std::size_t field) {
        const auto offset = bytes::load<std::uint32_t>(entry + field * 8);
        const auto length = bytes::load<std::uint32_t>(entry + field * 8 + 4);
        return std::string_view(reinterpret_cast<const char*>(strings_.data()) + offset, length);
    };
    std::optional<double> price;
    if (has_price(entry)) price = bytes::load<double>(entry + layout::record_price);
    RecordView view{.id = text(0), .title = text(1), .description = text(2), .image = text(3),
                    .category = text(4), .metadata_json = text(5), .price = price};
    if (photos_) {
        const std::uint8_t* photo = photos_ + std::size_t{position} * layout::photo_entry_size;
        const auto name = [&](std::size_t at) {
            return std::string_view(reinterpret_cast<const char*>(photo_strings_.data()) + bytes::load<std::uint32_t>(photo + at),
                                    bytes::load<std::uint32_t>(photo + at + 4));
        };
        view.prepared_image = name(0);
        view.thumbnail = name(8);
    }
    return view;
}

std::optional<std::uint32_t> Index::find(std::string_view id) const noexcept {
    for (std::uint32_t i = 0; i < count_; ++i) {
        const std::uint8_t* entry = records_ + std::size_t{i} * layout::record_size;
        const auto length = bytes::load<std::uint32_t>(entry + 4);
        if (length != id.size()) continue;
        const auto offset = bytes::load<std::uint32_t>(entry);
        if (std::memcmp(strings_.data() + offset, id.data(), length) == 0) return i;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> Index::find_category(std::string_view category) const noexcept {
    const auto it = std::find(categories_.begin(), categories_.end(), category);
    if (it == categories_.end()) return std::nullopt;
    return static_cast<std::uint32_t>(it - categories_.begin());
}

float Index::scale(std::uint32_t position) const noexcept {
    return bytes::load<float>(scales_ + std::size_t{position} * sizeof(float));
}

float Index::image_scale(std::uint32_t row) const noexcept {
    return bytes::load<float>(image_scales_ + std::size_t{row} * sizeof(float));
}

float Index::rescore_scale(std::uint32_t position) const noexcept {
    return bytes::load<float>(rescore_scales_ + std::size_t{position} * sizeof(float));
}

}  // namespace vitrine
