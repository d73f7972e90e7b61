// embedding_cache.cpp — per-batch, checksummed, atomically written cache files.
// See vitrine/native/embedding_cache.hpp for the layout and what is skipped.
#include "vitrine/native/embedding_cache.hpp"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "vitrine/native/file_io.hpp"

namespace vitrine::native {
namespace {

constexpr std::string_view magic = "VTXEMBC1";
constexpr std::string_view extension = ".vec";
// Far beyond any real model name or batch; a length past these marks a damaged file.
constexpr std::uint32_t max_model_name = 4096;
constexpr std::uint32_t max_vector_dims = 1 << 20;

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_u64(std::vector<std::uint8_t>& out, std::uint64_t v) {
    for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// Reads little-endian fields; running past the end leaves ok false.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    bool ok() const { return ok_; }
    std::size_t offset() const { return pos_; }
    std::span<const std::uint8_t> take(std::size_t n) {
        if (!ok_ || bytes_.size() - pos_ < n) {
            ok_ = false;
            return {};
        }
        pos_ += n;
        return bytes_.subspan(pos_ - n, n);
    }
    std::uint64_t uint(std::size_t n) {
        const auto field = take(n);
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < field.size(); ++i) v |= std::uint64_t{field[i]} << (8 * i);
        return v;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

std::size_t EmbeddingCache::KeyHash::operator()(const Key& key) const noexcept {
    std::size_t h = 0;
    std::memcpy(&h, key.data(), sizeof h);  // the key is already a hash
    return h;
}

EmbeddingCache::Key EmbeddingCache::key(std::string_view text) noexcept {
    const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, hash);
    Key key;
    std::memcpy(key.data(), canonical.digest, key.size());
    return key;
}

EmbeddingCache::EmbeddingCache(std::filesystem::path directory, std::string model, std::uint32_t dims)
    : directory_(std::move(directory)), model_(std::move(model)), dims_(dims) {
    std::error_code error;
    std::filesystem::directory_iterator it(directory_, error);
    if (error) return;  // no cache yet
    std::vector<std::filesystem::path> files;
    for (const auto& entry : it)
        if (entry.path().extension() == extension) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // the same cache loads the same way every time
    for (const auto& file : files)
        if (!load_file(file)) ++skipped_files_;
}

bool EmbeddingCache::load_file(const std::filesystem::path& file) {
    std::vector<std::uint8_t> bytes;
    try {
        bytes = read_file(file);
    } catch (const std::exception&) {
        return false;
    }
    if (bytes.size() < magic.size() + 8 || std::memcmp(bytes.data(), magic.data(), magic.size()) != 0) return false;
    const std::size_t body = bytes.size() - 8;
    const std::span<const std::uint8_t> all(bytes);
    Reader trailer(all.subspan(body));
    if (trailer.uint(8) != XXH3_64bits(bytes.data(), body)) return false;

    Reader in(all.first(body));
    in.take(magic.size());
    const auto name_length = static_cast<std::uint32_t>(in.uint(4));
    if (!in.ok() || name_length > max_model_name) return false;
    const auto name = in.take(name_length);
    const auto dims = static_cast<std::uint32_t>(in.uint(4));
    const auto model_dims = static_cast<std::uint32_t>(in.uint(4));
    const auto count = in.uint(4);
    if (!in.ok() || std::string_view(reinterpret_cast<const char*>(name.data()), name.size()) != model_ ||
        dims != dims_)
        return false;  // another model or dims: not ours, not damaged either
    const std::uint32_t length = dims != 0 ? dims : model_dims;
    if (model_dims == 0 || model_dims > max_vector_dims || length > model_dims) return false;
    if (model_dims_ && *model_dims_ != model_dims) return false;  // older vectors of another model size
    if ((body - in.offset()) != count * (16 + std::uint64_t{length} * 4)) return false;

    for (std::uint64_t i = 0; i < count; ++i) {
        Key key;
        const auto raw = in.take(key.size());
        std::memcpy(key.data(), raw.data(), key.size());
        std::vector<float> vector(length);
        for (float& value : vector) value = std::bit_cast<float>(static_cast<std::uint32_t>(in.uint(4)));
        entries_.insert_or_assign(key, std::move(vector));
    }
    model_dims_ = model_dims;
    return true;
}

const std::vector<float>* EmbeddingCache::find(const Key& key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

void EmbeddingCache::store(std::span<const Key> keys, std::span<const std::vector<float>> vectors,
                           std::uint32_t model_dims) {
    if (keys.size() != vectors.size() || keys.empty())
        throw std::invalid_argument("embedding cache: one vector per key, at least one");
    std::vector<std::uint8_t> out(magic.begin(), magic.end());
    put_u32(out, static_cast<std::uint32_t>(model_.size()));
    out.insert(out.end(), model_.begin(), model_.end());
    put_u32(out, dims_);
    put_u32(out, model_dims);
    put_u32(out, static_cast<std::uint32_t>(keys.size()));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (vectors[i].size() != vectors[0].size())
            throw std::invalid_argument("embedding cache: vectors of one batch differ in length");
        out.insert(out.end(), keys[i].begin(), keys[i].end());
        for (const float value : vectors[i]) put_u32(out, std::bit_cast<std::uint32_t>(value));
    }
    const std::uint64_t checksum = XXH3_64bits(out.data(), out.size());
    put_u64(out, checksum);

    std::filesystem::create_directories(directory_);
    char name[32];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(checksum));
    write_file_atomically(directory_ / (std::string(name) + std::string(extension)), out);
    for (std::size_t i = 0; i < keys.size(); ++i) entries_.insert_or_assign(keys[i], vectors[i]);
    model_dims_ = model_dims;
}

}  // namespace vitrine::native
