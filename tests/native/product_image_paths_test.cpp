// Specification of where an index's image paths may lead natively: inside the image
// folder only (unless the user says otherwise), regular files only, read with a bound.
// An index can come from the network; it must not make `search --rerank` read, hang on
// or upload the user's files.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "native_test_support.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/product_images.hpp"

using namespace vitrine;

namespace {

// An index of one product per reference, over a folder `images/` holding one real photo.
struct Catalogue {
    test::TempDir dir;
    std::filesystem::path images = dir.path / "images";
    std::vector<std::uint8_t> bytes;

    explicit Catalogue(const std::vector<std::string>& references) {
        std::vector<Product> products(references.size());
        std::vector<float> vectors;
        for (std::size_t i = 0; i < references.size(); ++i) {
            products[i].id = "p" + std::to_string(i);
            products[i].title = "Lamp " + std::to_string(i);
            products[i].image = references[i];
            const auto v = embed_local(products[i].title, 16);
            vectors.insert(vectors.end(), v.begin(), v.end());
        }
        IndexSpec spec;
        spec.dims = spec.model_dims = 16;
        spec.model = std::string(local_embedder_model);
        bytes = write_index(spec, products, vectors);
        std::filesystem::create_directories(images);
        const auto photo = test::png(64, 48);
        std::ofstream(images / "lamp.png", std::ios::binary)
            .write(reinterpret_cast<const char*>(photo.data()), static_cast<std::streamsize>(photo.size()));
        std::ofstream(dir.path / "secret.txt") << "the user's own file";
    }
};

native::ProductImage image_of(const Catalogue& catalogue, std::uint32_t position,
                              native::ImagePaths paths = native::ImagePaths::under_base) {
    const Index index = Index::open(catalogue.bytes);
    native::ProductImages images(index, catalogue.images, nullptr, {}, paths);
    return images.get(position);
}

}  // namespace

TEST_CASE("an image path inside the image folder is read and prepared", "[product-images]") {
    const Catalogue catalogue({"lamp.png", "./sub/../lamp.png"});
    CHECK(image_of(catalogue, 0).data_uri.has_value());
    CHECK(image_of(catalogue, 1).data_uri.has_value());
}

TEST_CASE("an image path climbing out of the image folder is refused", "[product-images]") {
    const Catalogue catalogue({"../secret.txt", "../../../../../../etc/hostname"});
    for (std::uint32_t position : {0u, 1u}) {
        const auto image = image_of(catalogue, position);
        CHECK_FALSE(image.data_uri.has_value());
        CHECK_THAT(image.problem, Catch::Contains("lies outside the image folder"));
    }
}

TEST_CASE("an absolute image path outside the image folder is refused", "[product-images]") {
    const Catalogue catalogue({"/dev/zero", "/etc/hostname"});
    CHECK_THAT(image_of(catalogue, 0).problem, Catch::Contains("lies outside the image folder"));
    CHECK_THAT(image_of(catalogue, 1).problem, Catch::Contains("lies outside the image folder"));
}

TEST_CASE("a symlink in the image folder pointing out of it is refused", "[product-images]") {
    const Catalogue catalogue({"link.png"});
    std::filesystem::create_symlink(catalogue.dir.path / "secret.txt", catalogue.images / "link.png");
    CHECK_THAT(image_of(catalogue, 0).problem, Catch::Contains("lies outside the image folder"));
}

TEST_CASE("a FIFO in the image folder is refused at once, not waited on", "[product-images]") {
    const Catalogue catalogue({"pipe.png"});
    REQUIRE(::mkfifo((catalogue.images / "pipe.png").c_str(), 0600) == 0);
    const auto image = image_of(catalogue, 0);
    CHECK_FALSE(image.data_uri.has_value());
    CHECK_THAT(image.problem, Catch::Contains("not a regular file"));
}

TEST_CASE("with ImagePaths::anywhere a device is still refused without reading it", "[product-images]") {
    const Catalogue catalogue({"/dev/zero", "../secret.txt"});
    CHECK_THAT(image_of(catalogue, 0, native::ImagePaths::anywhere).problem, Catch::Contains("/dev/zero: not a regular file"));
    // Reachable now: it is read, and refused only as no image.
    CHECK_THAT(image_of(catalogue, 1, native::ImagePaths::anywhere).problem, !Catch::Contains("outside"));
}

TEST_CASE("read_regular_file refuses a file over its bound before reading it", "[product-images]") {
    test::TempDir dir;
    std::ofstream(dir.path / "big.bin") << std::string(5000, 'x');
    CHECK_THROWS_WITH(native::read_regular_file(dir.path / "big.bin", 4096), Catch::Contains("is 5000 bytes, over the limit of 4096"));
    CHECK(native::read_regular_file(dir.path / "big.bin", 5000).size() == 5000);
}
