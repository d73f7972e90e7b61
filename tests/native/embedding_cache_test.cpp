// Specification of the on-disk embedding cache: what survives a restart, what
// is kept apart, and damaged files that are skipped rather than fatal.
#include <catch2/catch.hpp>
#include <fstream>

#include "native_test_support.hpp"
#include "vitrine/native/embedding_cache.hpp"

using namespace vitrine;
using native::EmbeddingCache;

namespace {

void store_two(EmbeddingCache& cache) {
    const std::vector<EmbeddingCache::Key> keys = {EmbeddingCache::key("red shoe"), EmbeddingCache::key("blue hat")};
    const std::vector<std::vector<float>> vectors = {{0.6f, 0.8f}, {1.0f, 0.0f}};
    cache.store(keys, vectors, 16);
}

std::vector<std::filesystem::path> cache_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
    return files;
}

}  // namespace

TEST_CASE("stored vectors are found again by a new cache on the same directory", "[embedding_cache]") {
    test::TempDir dir;
    {
        EmbeddingCache cache(dir.path / "cache", "m", 2);
        CHECK(cache.size() == 0);
        store_two(cache);
        CHECK(*cache.find(EmbeddingCache::key("red shoe")) == std::vector<float>{0.6f, 0.8f});
    }
    EmbeddingCache reopened(dir.path / "cache", "m", 2);
    CHECK(reopened.size() == 2);
    CHECK(reopened.model_dims() == 16u);
    CHECK(*reopened.find(EmbeddingCache::key("blue hat")) == std::vector<float>{1.0f, 0.0f});
    CHECK(reopened.find(EmbeddingCache::key("red shoes")) == nullptr);
}

TEST_CASE("entries of another model or dims are not used", "[embedding_cache]") {
    test::TempDir dir;
    EmbeddingCache cache(dir.path, "m", 2);
    store_two(cache);
    CHECK(EmbeddingCache(dir.path, "other-model", 2).size() == 0);
    CHECK(EmbeddingCache(dir.path, "m", 0).size() == 0);
}

TEST_CASE("each store is one new file written atomically, leaving no temp files", "[embedding_cache]") {
    test::TempDir dir;
    EmbeddingCache cache(dir.path, "m", 2);
    store_two(cache);
    cache.store(std::vector{EmbeddingCache::key("green sofa")}, std::vector<std::vector<float>>{{0.0f, 1.0f}}, 16);
    const auto files = cache_files(dir.path);
    REQUIRE(files.size() == 2);
    for (const auto& f : files) CHECK(f.extension() == ".vec");
}

TEST_CASE("truncated, corrupted and foreign files are skipped, not fatal", "[embedding_cache]") {
    test::TempDir dir;
    {
        EmbeddingCache cache(dir.path, "m", 2);
        store_two(cache);
        cache.store(std::vector{EmbeddingCache::key("green sofa")}, std::vector<std::vector<float>>{{0.0f, 1.0f}}, 16);
    }
    auto files = cache_files(dir.path);
    std::sort(files.begin(), files.end());
    const auto size = std::filesystem::file_size(files[0]);
    std::filesystem::resize_file(files[0], size - 3);  // a torn write
    {
        std::fstream f(files[1], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(20);
        f.put('\x7f');  // a flipped byte
    }
    std::ofstream(dir.path / "garbage.vec") << "not a cache file";
    std::ofstream(dir.path / "x.vec.tmp-123456") << "a stray temp file";
    EmbeddingCache reopened(dir.path, "m", 2);
    CHECK(reopened.size() == 0);
    CHECK(reopened.skipped_files() == 3);
}

TEST_CASE("a missing directory is an empty cache, created on the first store", "[embedding_cache]") {
    test::TempDir dir;
    EmbeddingCache cache(dir.path / "a" / "b", "m", 2);
    CHECK(cache.size() == 0);
    store_two(cache);
    CHECK(std::filesystem::exists(dir.path / "a" / "b"));
}
