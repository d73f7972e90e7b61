// vitrine/native/embedding_cache.hpp — an on-disk cache of product embeddings,
// so a rebuild embeds only products whose text changed and an interrupted
// build resumes where it stopped.
//
//   EmbeddingCache cache("out.vtx.embed-cache", "Qwen/Qwen3-Embedding-8B", 1024);
//   if (const auto* v = cache.find(EmbeddingCache::key(text))) ...;  // a hit
//   cache.store(keys, vectors, model_dims);                          // after each batch
//
// Keyed by model, dims (the index dims asked for; 0 = the model's own) and an
// XXH3-128 hash of the exact text embedded. Each store() writes one new file,
// atomically (temp file + rename), named by its checksum: a killed build loses
// at most the batch in flight and never leaves a half-written entry. A file
// that is truncated, corrupt, of another format or for another model or dims
// is skipped on load, never fatal. The directory only grows; delete it to
// start afresh.
//
// File layout (little-endian): "VTXEMBC1", u32 model name length, the name,
// u32 dims, u32 model_dims, u32 entry count, entries of 16-byte key + dims f32,
// and an XXH3-64 checksum of everything before it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vitrine::native {

class EmbeddingCache {
public:
    using Key = std::array<std::uint8_t, 16>;

    EmbeddingCache(std::filesystem::path directory, std::string model, std::uint32_t dims);

    static Key key(std::string_view text) noexcept;

    const std::vector<float>* find(const Key& key) const;
    // The model length of the cached vectors, once any are known.
    std::optional<std::uint32_t> model_dims() const noexcept { return model_dims_; }

    // keys.size() == vectors.size(); every vector equally long.
    void store(std::span<const Key> keys, std::span<const std::vector<float>> vectors, std::uint32_t model_dims);

    std::size_t size() const noexcept { return entries_.size(); }
    std::size_t skipped_files() const noexcept { return skipped_files_; }
    const std::filesystem::path& directory() const noexcept { return directory_; }

private:
    struct KeyHash {
        std::size_t operator()(const Key& key) const noexcept;
    };
    bool load_file(const std::filesystem::path& file);

    std::filesystem::path directory_;
    std::string model_;
    std::uint32_t dims_;
    std::optional<std::uint32_t> model_dims_;
    std::unordered_map<Key, std::vector<float>, KeyHash> entries_;
    std::size_t skipped_files_ = 0;
};

}  // namespace vitrine::native
