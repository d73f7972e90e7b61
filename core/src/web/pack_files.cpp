// web/pack_files.cpp — first-pass and chunk files. See web/pack_files.hpp.
#include "web/pack_files.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/byte_io.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/image/product_photos.hpp"

namespace vitrine::web {
namespace {

constexpr char first_pass_magic[8] = {'V', 'T', 'X', 'W', 'F', 'P', '0', '1'};
constexpr char chunk_magic[8] = {'V', 'T', 'X', 'W', 'C', 'K', '0', '1'};
constexpr std::size_t first_pass_header = 16;
constexpr std::size_t chunk_header = 24;

[[noreturn]] void refuse(const std::string& what, const std::string& message) {
    throw Error(ErrorKind::corrupt_index, what + ": " + message);
}

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    const std::size_t at = out.size();
    out.resize(at + 4);
    bytes::store(out.data() + at, value);
}

void put_raw(std::vector<std::uint8_t>& out, const void* data, std::size_t length) {
    if (length == 0) return;
    const std::size_t at = out.size();
    out.resize(at + length);
    std::memcpy(out.data() + at, data, length);
}

void put_string(std::vector<std::uint8_t>& out, std::string_view s) {
    put_u32(out, static_cast<std::uint32_t>(s.size()));
    put_raw(out, s.data(), s.size());
}

// Reads a chunk's records, each bound checked against the bytes left.
class RecordReader {
public:
    RecordReader(std::span<const std::uint8_t> bytes, std::size_t at, std::string what)
        : bytes_(bytes), at_(at), what_(std::move(what)) {}
    RecordView next(std::uint32_t slot) {
        RecordView r;
        const std::uint8_t has_price = take(1)[0];
        double price;
        std::memcpy(&price, take(sizeof price), sizeof price);
        if (has_price > 1 || (has_price && !std::isfinite(price)))
            refuse(what_, "slot " + std::to_string(slot) + " has a bad price");
        if (has_price) r.price = price;
        for (std::string_view* s : {&r.id, &r.title, &r.description, &r.image, &r.category, &r.metadata_json,
                                    &r.prepared_image, &r.thumbnail}) {
            const std::uint32_t length = bytes::load<std::uint32_t>(take(4));
            *s = {reinterpret_cast<const char*>(take(length)), length};
        }
        return r;
    }
    bool done() const noexcept { return at_ == bytes_.size(); }

private:
    const std::uint8_t* take(std::size_t n) {
        if (n > bytes_.size() - at_) refuse(what_, "ends inside a record (truncated?)");
        const std::uint8_t* p = bytes_.data() + at_;
        at_ += n;
        return p;
    }
    std::span<const std::uint8_t> bytes_;
    std::size_t at_;
    std::string what_;
};

}  // namespace

std::string content_name(std::span<const std::uint8_t> bytes) { return photo_content_key(bytes) + ".bin"; }

void check_pack_file(const WebPackFileRef& ref, std::span<const std::uint8_t> bytes, const std::string& what) {
    if (bytes.size() != ref.bytes)
        refuse(what, "has " + std::to_string(bytes.size()) + " bytes, the manifest says " + std::to_string(ref.bytes) +
                         (bytes.size() < ref.bytes ? " (truncated)" : ""));
    if (content_name(bytes) != ref.file)
        refuse(what, "content hash is " + content_name(bytes) + ", not its name (corrupted, or from another pack)");
}

std::vector<std::uint8_t> encode_first_pass(std::uint32_t count, std::uint32_t dims, std::span<const std::int8_t> rows,
                                            std::span<const float> scales, std::span<const std::uint32_t> slots) {
    std::vector<std::uint8_t> out;
    out.reserve(first_pass_header + rows.size() + scales.size_bytes() + slots.size_bytes());
    put_raw(out, first_pass_magic, sizeof first_pass_magic);
    put_u32(out, count);
    put_u32(out, dims);
    put_raw(out, rows.data(), rows.size());
    put_raw(out, scales.data(), scales.size_bytes());
    put_raw(out, slots.data(), slots.size_bytes());
    return out;
}

FirstPassRows decode_first_pass(std::span<const std::uint8_t> bytes, const WebManifest& m) {
    const std::string what = "web first pass " + m.first_pass.file;
    const std::size_t rows = static_cast<std::size_t>(m.count) * m.first_pass_dims;
    const std::size_t per_product = sizeof(float) + sizeof(std::uint32_t);
    if (bytes.size() != first_pass_header + rows + std::size_t{m.count} * per_product)
        refuse(what, "has " + std::to_string(bytes.size()) + " bytes, not the manifest's count x dims");
    if (std::memcmp(bytes.data(), first_pass_magic, sizeof first_pass_magic) != 0) refuse(what, "bad magic");
    if (bytes::load<std::uint32_t>(bytes.data() + 8) != m.count ||
        bytes::load<std::uint32_t>(bytes.data() + 12) != m.first_pass_dims)
        refuse(what, "count or dims differ from the manifest's");
    const std::uint8_t* scales = bytes.data() + first_pass_header + rows;
    FirstPassRows out{reinterpret_cast<const std::int8_t*>(bytes.data() + first_pass_header), scales,
                      scales + std::size_t{m.count} * sizeof(float)};
    std::vector<bool> taken(m.count, false);
    for (std::uint32_t i = 0; i < m.count; ++i) {
        const float scale = bytes::load<float>(out.scales + std::size_t{i} * sizeof(float));
        if (!std::isfinite(scale) || scale < 0) refuse(what, "product " + std::to_string(i) + " has a bad scale");
        const std::uint32_t slot = slot_of(out, i);
        if (slot >= m.count || taken[slot]) refuse(what, "product " + std::to_string(i) + " has a slot out of range or taken twice");
        taken[slot] = true;
    }
    return out;
}

std::vector<std::uint8_t> encode_chunk(const Index& index, std::uint32_t number, std::span<const std::uint32_t> positions) {
    const std::size_t row = static_cast<std::size_t>(index.dims()) * (index.storage() == Storage::int8 ? 1 : sizeof(float));
    const auto products = static_cast<std::uint32_t>(positions.size());
    std::vector<std::uint8_t> out;
    put_raw(out, chunk_magic, sizeof chunk_magic);
    for (const std::uint32_t value : {number, products, index.dims(), static_cast<std::uint32_t>(index.storage())})
        put_u32(out, value);
    for (const std::uint32_t i : positions) put_u32(out, i);
    for (const std::uint32_t i : positions) put_raw(out, index.vector_row(i), row);
    if (index.storage() == Storage::int8)
        for (const std::uint32_t i : positions) {
            const float scale = index.scale(i);
            put_raw(out, &scale, sizeof scale);
        }
    for (const std::uint32_t i : positions) {
        const RecordView r = index.record(i);
        const double price = r.price.value_or(0.0);
        out.push_back(r.price ? 1 : 0);
        put_raw(out, &price, sizeof price);
        for (const std::string_view s :
             {r.id, r.title, r.description, r.image, r.category, r.metadata_json, r.prepared_image, r.thumbnail})
            put_string(out, s);
    }
    return out;
}

ChunkView decode_chunk(std::span<const std::uint8_t> bytes, const WebManifest& m, const FirstPassRows& first,
                       std::uint32_t chunk) {
    const std::string what = "web chunk " + m.chunks[chunk].file;
    const std::uint32_t first_slot = chunk * m.chunk_products;
    const std::uint32_t products = std::min(m.chunk_products, m.count - first_slot);
    const std::size_t scales = m.storage == Storage::int8 ? sizeof(float) : 0;
    const std::size_t positions_at = chunk_header;
    const std::size_t rows_at = positions_at + std::size_t{products} * sizeof(std::uint32_t);
    const std::size_t fixed = rows_at + std::size_t{products} * (row_bytes(m) + scales);
    if (bytes.size() < fixed) refuse(what, "is too short for its rows (truncated?)");
    if (std::memcmp(bytes.data(), chunk_magic, sizeof chunk_magic) != 0) refuse(what, "bad magic");
    if (bytes::load<std::uint32_t>(bytes.data() + 8) != chunk || bytes::load<std::uint32_t>(bytes.data() + 12) != products ||
        bytes::load<std::uint32_t>(bytes.data() + 16) != m.dims ||
        bytes::load<std::uint32_t>(bytes.data() + 20) != static_cast<std::uint32_t>(m.storage))
        refuse(what, "is not chunk " + std::to_string(chunk) + " of this pack (its number, size, dims or storage differ)");
    for (std::uint32_t i = 0; i < products; ++i) {
        const auto position = bytes::load<std::uint32_t>(bytes.data() + positions_at + std::size_t{i} * sizeof(std::uint32_t));
        if (position >= m.count || slot_of(first, position) != first_slot + i)
            refuse(what, "holds product " + std::to_string(position) + " where the first pass puts another");
    }
    ChunkView view{bytes.data() + rows_at, bytes.data() + rows_at + std::size_t{products} * row_bytes(m), {}};
    for (std::uint32_t i = 0; i < products && scales; ++i) {
        const float scale = bytes::load<float>(view.scales + std::size_t{i} * sizeof(float));
        if (!std::isfinite(scale) || scale < 0) refuse(what, "slot " + std::to_string(i) + " has a bad scale");
    }
    if (m.storage == Storage::f32)
        for (std::size_t v = 0; v < std::size_t{products} * m.dims; ++v)
            if (!std::isfinite(bytes::load<float>(view.rows + v * sizeof(float)))) refuse(what, "holds a non-finite value");
    RecordReader reader(bytes, fixed, what);
    view.records.reserve(products);
    for (std::uint32_t i = 0; i < products; ++i) view.records.push_back(reader.next(first_slot + i));
    if (!reader.done()) refuse(what, "has bytes after its last record");
    return view;
}

}  // namespace vitrine::web
