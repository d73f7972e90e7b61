// Photos prepared at build time: content-named files, the report of unusable photos,
// reuse on rebuild, the photos section of the index, and the rerank path sending the
// prepared photo without decoding it.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "native_test_support.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/native/build_photos.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/native/product_images.hpp"

using namespace vitrine;
namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<Product> products_with_images(std::initializer_list<const char*> images) {
    std::vector<Product> products;
    for (const char* image : images)
        products.push_back({.id = "p" + std::to_string(products.size()), .title = "lamp", .image = image});
    return products;
}

std::vector<std::uint8_t> index_of(const std::vector<Product>& products) {
    std::vector<float> vectors;
    for (const Product& p : products) {
        const auto v = embed_local(p.title + p.id, 16);
        vectors.insert(vectors.end(), v.begin(), v.end());
    }
    IndexSpec spec;
    spec.dims = spec.model_dims = 16;
    spec.model = std::string(local_embedder_model);
    return write_index(spec, products, vectors);
}

struct Shop {
    test::TempDir dir;
    native::BuildPhotosOptions options;
    Shop() {
        fs::create_directories(dir.path / "img");
        write_bytes(dir.path / "img/big.png", test::png(2000, 1000));
        write_bytes(dir.path / "img/small.png", test::png(300, 200, 40));
        write_bytes(dir.path / "img/text.png", {'h', 'e', 'l', 'l', 'o'});
        options = {.images_out = dir.path / "photos", .image_base = dir.path, .index_directory = dir.path};
    }
};

}  // namespace

TEST_CASE("prepares each photo once into content-named rerank and thumbnail JPEGs", "[build-photos]") {
    Shop shop;
    auto products = products_with_images({"img/big.png", "", "img/small.png", "img/big.png"});
    const native::BuildPhotosReport report = native::prepare_build_photos(products, shop.options);
    CHECK(report.with_photo == 3);
    CHECK(report.prepared == 2);  // big.png twice: the same bytes, prepared once
    CHECK(report.unusable.empty());
    CHECK(std::regex_match(products[0].prepared_image, std::regex("photos/[0-9a-f]{32}\\.jpg")));
    CHECK(products[0].prepared_image == products[3].prepared_image);
    CHECK(products[1].prepared_image.empty());

    const auto rerank = native::read_file(shop.dir.path / products[0].prepared_image);
    const auto thumbnail = native::read_file(shop.dir.path / products[0].thumbnail);
    CHECK(products[0].prepared_image == "photos/" + photo_content_key(rerank) + ".jpg");
    const ProductPhotos expected = prepare_product_photos(native::read_file(shop.dir.path / "img/big.png"));
    CHECK(rerank == expected.rerank.bytes);
    CHECK(expected.rerank.width == rerank_photo_edge);
    CHECK(thumbnail == expected.thumbnail.bytes);
    CHECK(expected.thumbnail.width == thumbnail_edge);
}

TEST_CASE("the report lists every unusable photo with its reason", "[build-photos]") {
    Shop shop;
    auto huge = test::png(8, 7);
    for (const std::size_t at : {16u, 20u}) huge[at + 2] = 0x1F, huge[at + 3] = 0x40;  // IHDR says 8000 x 8000: over 50 MP
    write_bytes(shop.dir.path / "img/huge.png", huge);
    auto products = products_with_images({"img/gone.png", "img/text.png", "ftp://x/y.png", "https://cdn.example/a.png",
                                          "img/huge.png", "img/small.png"});
    const native::BuildPhotosReport report = native::prepare_build_photos(products, shop.options);
    REQUIRE(report.unusable.size() == 5);
    CHECK_THAT(report.unusable[0].reason, Catch::Contains("missing"));
    CHECK_THAT(report.unusable[1].reason, Catch::Contains("not a JPEG, PNG, WebP or GIF"));
    CHECK_THAT(report.unusable[2].reason, Catch::Contains("neither a file path nor an http(s) URL"));
    CHECK_THAT(report.unusable[3].reason, Catch::Contains("fetches none"));
    CHECK_THAT(report.unusable[4].reason, Catch::Contains("over the limit"));
    CHECK(report.unusable[4].id == "p4");
    CHECK(products[4].prepared_image.empty());
    CHECK_FALSE(products[5].prepared_image.empty());

    const auto json = nlohmann::json::parse(report.to_json());
    CHECK(json["prepared"] == 1);
    CHECK(json["unusable"].size() == 5);
    CHECK(json["unusable"][1]["image"] == "img/text.png");
}

TEST_CASE("a rebuild reuses the photos of originals it has seen and prepares only new ones", "[build-photos]") {
    Shop shop;
    auto first = products_with_images({"img/big.png", "img/small.png"});
    native::prepare_build_photos(first, shop.options);

    write_bytes(shop.dir.path / "img/small.png", test::png(300, 200, 200));  // changed photo
    auto second = products_with_images({"img/big.png", "img/small.png"});
    const native::BuildPhotosReport report = native::prepare_build_photos(second, shop.options);
    CHECK(report.reused == 1);
    CHECK(report.prepared == 1);
    CHECK(second[0].prepared_image == first[0].prepared_image);
    CHECK(second[1].prepared_image != first[1].prepared_image);

    fs::remove(shop.dir.path / first[0].thumbnail);  // a file gone from the folder is prepared again
    auto third = products_with_images({"img/big.png"});
    CHECK(native::prepare_build_photos(third, shop.options).prepared == 1);
}

TEST_CASE("the index records the prepared photos in an optional section", "[build-photos][index]") {
    Shop shop;
    auto products = products_with_images({"img/big.png", ""});
    native::prepare_build_photos(products, shop.options);
    const auto bytes = index_of(products);
    const Index index = Index::open(bytes);
    CHECK(index.record(0).prepared_image == products[0].prepared_image);
    CHECK(index.record(0).thumbnail == products[0].thumbnail);
    CHECK(index.record(1).prepared_image.empty());
    const auto photos = std::find_if(index.sections().begin(), index.sections().end(),
                                     [](const SectionInfo& s) { return s.name == "photos"; });
    REQUIRE(photos != index.sections().end());
    CHECK(photos->known);
    const auto unphotographed = index_of(products_with_images({"a.png"}));  // no photos: no section
    const Index plain = Index::open(unphotographed);
    CHECK(std::none_of(plain.sections().begin(), plain.sections().end(), [](const SectionInfo& s) { return s.name == "photos"; }));
}

TEST_CASE("the rerank path sends the prepared photo as it is, without decoding the original", "[build-photos]") {
    Shop shop;
    auto products = products_with_images({"img/big.png"});
    native::prepare_build_photos(products, shop.options);
    fs::remove(shop.dir.path / "img/big.png");  // only the prepared photo is left
    const auto bytes = index_of(products);
    const Index index = Index::open(bytes);
    native::ProductImages images(index, shop.dir.path, nullptr);
    const native::ProductImage& image = images.get(0);
    REQUIRE(image.data_uri);
    CHECK(*image.data_uri == to_data_uri(native::read_file(shop.dir.path / products[0].prepared_image)));
    CHECK(images.prepared() == 0);
}

TEST_CASE("a prepared photo that is not a JPEG we could have made is not sent", "[build-photos]") {
    Shop shop;
    auto products = products_with_images({"img/big.png"});
    products[0].prepared_image = "img/small.png";  // a PNG, not a prepared JPEG
    const auto bytes = index_of(products);
    const Index index = Index::open(bytes);
    native::ProductImages images(index, shop.dir.path, nullptr);
    CHECK_FALSE(images.get(0).data_uri);
    CHECK_THAT(images.get(0).problem, Catch::Contains("a prepared photo must be a JPEG"));
    CHECK_THROWS(check_prepared_photo(prepare_image(native::read_file(shop.dir.path / "img/big.png"), {.max_edge = 1500}).bytes));
}
