// The image vector field: written, opened, refused when hostile, skipped by a reader that
// does not know it; fusion of the two fields, similar products, the local image descriptor
// and precomputed image vectors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "image_test_support.hpp"
#include "index_editing.hpp"
#include "require_error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/image_vectors.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/embed/local_image_embedder.hpp"
#include "vitrine/hosted/image_embeddings_api.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/photo_query.hpp"
#include "vitrine/search/similar.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

// Four products; text vectors on axes 0..3 of 4 dims; image vectors for a, b, d (not c).
Product product(std::string id, std::string title, std::string category) {
    Product p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.category = std::move(category);
    return p;
}

std::vector<Product> products() {
    return {product("a", "red lamp", "light"), product("b", "blue lamp", "light"), product("c", "green mug", "kitchen"),
            product("d", "red mug", "kitchen")};
}

ImageVectors image_vectors(Storage storage = Storage::f32) {
    ImageVectors image{.spec = ImageFieldSpec{.model = "clip-test", .dims = 3, .storage = storage}};
    image.values = {1, 0, 0, /**/ 0, 1, 0, /**/ 0, 0, 0, /**/ 0.8f, 0.6f, 0};
    image.present = {1, 1, 0, 1};
    return image;
}

std::vector<float> text_vectors() {
    std::vector<float> v(16, 0.0f);
    for (int i = 0; i < 4; ++i) v[i * 4 + i] = 1.0f;
    v[3 * 4 + 0] = 0.5f;  // d leans towards a
    return v;
}

std::vector<std::uint8_t> build(Storage image_storage = Storage::f32) {
    const IndexSpec spec{.storage = Storage::f32, .dims = 4, .model = "text-test", .embedder = EmbedderKind::hosted};
    return write_index(spec, products(), text_vectors(), image_vectors(image_storage));
}

std::uint8_t* entry_of(std::vector<std::uint8_t>& bytes, layout::SectionType type) {
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    for (std::uint32_t i = 0; i < count; ++i)
        if (bytes::load<std::uint32_t>(test::section_entry(bytes, i) + layout::entry::type) == static_cast<std::uint32_t>(type))
            return test::section_entry(bytes, i);
    return nullptr;
}

std::uint8_t* section_bytes(std::vector<std::uint8_t>& bytes, layout::SectionType type) {
    return bytes.data() + bytes::load<std::uint64_t>(entry_of(bytes, type) + layout::entry::offset);
}

std::vector<std::string> ids(const Index& index, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& hit : hits) out.emplace_back(index.record(hit.position).id);
    return out;
}

// A hostile edit, resealed so the check under test fires (not a checksum).
template <class Edit>
void require_corrupt(Edit&& edit, std::string_view fragment, ErrorKind kind = ErrorKind::corrupt_index) {
    auto bytes = build(Storage::int8);
    edit(bytes);
    test::reseal(bytes);
    require_error([&] { Index::open(bytes); }, kind, {fragment});
}

std::vector<std::uint8_t> photo(test::Colour colour, int x, int y, int w, int h) {
    test::Raster raster(64, 64, 3);
    raster.fill_rect(x, y, w, h, colour);
    return test::encode_png(raster);
}

}  // namespace

TEST_CASE("an image field round-trips: its spec, which products have a vector, and their unit rows", "[image_field]") {
    for (const Storage storage : {Storage::f32, Storage::int8}) {
        const auto bytes = build(storage);
        const Index index = Index::open(bytes);
        REQUIRE(index.image_field());
        CHECK(index.image_field()->model == "clip-test");
        CHECK(index.image_field()->dims == 3);
        CHECK(index.image_field()->model_dims == 3);
        CHECK(index.image_field()->storage == storage);
        CHECK_FALSE(index.image_field()->joint_space);
        CHECK(index.image_rows() == 3);
        CHECK(index.image_row(2) == std::nullopt);  // c has no photo: no row, not a zero vector
        REQUIRE(index.image_row(3) == 2u);
        CHECK(index.image_row_position(2) == 3u);
    }
}

TEST_CASE("a text-only index is written as before and has no image field", "[image_field]") {
    const IndexSpec spec{.dims = 4, .model = "text-test", .embedder = EmbedderKind::hosted};
    const auto plain = write_index(spec, products(), text_vectors());
    CHECK(Index::open(plain).image_field() == nullptr);
    CHECK(write_index(spec, products(), text_vectors(), ImageVectors{}) == plain);
}

TEST_CASE("a reader that does not know the image sections skips them and searches the text as before", "[image_field]") {
    auto bytes = build();
    const auto before = search(Index::open(bytes), std::vector<float>{1, 0, 0, 0}, {.top_k = 4});
    for (const auto type : {layout::SectionType::image_field, layout::SectionType::image_presence, layout::SectionType::image_vectors}) {
        std::uint8_t* entry = entry_of(bytes, type);
        CHECK((bytes::load<std::uint32_t>(entry + layout::entry::flags) & layout::flag_required) == 0);
        bytes::store<std::uint32_t>(entry + layout::entry::type, 200 + static_cast<std::uint32_t>(type));  // unknown to this reader
    }
    test::reseal(bytes);
    const Index old_view = Index::open(bytes);
    CHECK(old_view.image_field() == nullptr);
    const auto after = search(old_view, std::vector<float>{1, 0, 0, 0}, {.top_k = 4});
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) CHECK((after[i].position == before[i].position && after[i].score == before[i].score));
}

TEST_CASE("refuses hostile image sections by name", "[image_field]") {
    using T = layout::SectionType;
    namespace f = layout::image_field;
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(entry_of(b, T::image_presence) + layout::entry::type, 99); },
                    "come together");
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(entry_of(b, T::image_scales) + layout::entry::type, 99); },
                    "no image_scales");
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::storage, 7); }, "storage type 7",
                    ErrorKind::unsupported);
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::embedder, 9); }, "embedder kind 9",
                    ErrorKind::unsupported);
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::dims, 0); }, "dims 0");
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::model_dims, 2); }, "model dims 2");
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::flags, 6); }, "flags 6");
    require_corrupt([](auto& b) { bytes::store<std::uint32_t>(section_bytes(b, T::image_field) + f::rows, 9); }, "9 image vectors for 4");
    require_corrupt([](auto& b) { section_bytes(b, T::image_field)[f::model_name] = 0; }, "model name is empty");
    require_corrupt([](auto& b) { std::memset(section_bytes(b, T::image_field) + f::model_name, 'x', 64); }, "not NUL-terminated");
    require_corrupt([](auto& b) { section_bytes(b, T::image_presence)[0] |= 0x04; }, "marks 4 products, the descriptor says 3");
    require_corrupt([](auto& b) { section_bytes(b, T::image_presence)[0] |= 0x80; }, "past the last product");
    require_corrupt([](auto& b) { section_bytes(b, T::image_vectors)[1] = 0x80; }, "image vector 0 holds the int8 value -128");
    require_corrupt([](auto& b) { bytes::store<float>(section_bytes(b, T::image_scales) + 4, 1.0f); }, "image vector 1 has an invalid int8 scale");
    require_corrupt([](auto& b) { bytes::store<std::uint64_t>(entry_of(b, T::image_vectors) + layout::entry::length, 8); },
                    "image_vectors section is 8 bytes, expected 9");
    auto f32 = build(Storage::f32);
    bytes::store<float>(section_bytes(f32, T::image_vectors) + 4, std::numeric_limits<float>::quiet_NaN());
    test::reseal(f32);
    require_error([&] { Index::open(f32); }, ErrorKind::corrupt_index, {"image vector 0 holds a value outside [-1, 1]"});
}

TEST_CASE("the writer refuses an image field out of contract, naming the product", "[image_field]") {
    const IndexSpec spec{.dims = 4, .model = "text-test", .embedder = EmbedderKind::hosted};
    ImageVectors zero = image_vectors();
    zero.present[2] = 1;  // c's row is zero
    require_error([&] { write_index(spec, products(), text_vectors(), zero); }, ErrorKind::bad_catalogue, {"'c'", "zero"});
    ImageVectors binary = image_vectors(Storage::binary);
    require_error([&] { write_index(spec, products(), text_vectors(), binary); }, ErrorKind::invalid_argument, {"f32 or int8"});
}

TEST_CASE("fusion: the weighted mean of the fields used, a product without a photo scored on its text", "[image_field][fusion]") {
    CHECK(fuse_field_scores(0.5f, 1.0f, {}) == 0.75f);
    CHECK(fuse_field_scores(0.5f, std::nullopt, {}) == 0.5f);
    CHECK(fuse_field_scores(0.5f, 1.0f, {.text = 1, .image = 3}) == (0.5f + 3.0f) / 4.0f);
    CHECK(fuse_field_scores(0.5f, 1.0f, {.text = 0, .image = 1}) == 1.0f);
    CHECK(fuse_field_scores(std::nullopt, 1.0f, {.text = 1, .image = 0}) == std::nullopt);

    const auto bytes = build();
    const Index index = Index::open(bytes);
    const auto photo_only = search_fields(index, {.image = std::vector<float>{1, 0, 0}}, {.top_k = 10});
    CHECK(ids(index, photo_only) == std::vector<std::string>{"a", "d", "b"});  // c has no image vector: not a candidate
    CHECK(photo_only[1].score == Approx(0.8f));
    const auto both = search_fields(index, {.text = std::vector<float>{0, 0, 1, 0}, .image = std::vector<float>{1, 0, 0}}, {.top_k = 10});
    // c: its text alone (1.0); a: (0 + 1) / 2; d: (0 + 0.8) / 2; b: 0
    CHECK(ids(index, both) == std::vector<std::string>{"c", "a", "d", "b"});
    CHECK(both[0].score == 1.0f);
    CHECK(both[1].score == 0.5f);
    const auto filtered = search_fields(index, {.image = std::vector<float>{1, 0, 0}}, {.top_k = 10, .category = "kitchen"});
    CHECK(ids(index, filtered) == std::vector<std::string>{"d"});
    const auto text_only = search_fields(index, {.text = std::vector<float>{1, 0, 0, 0}}, {.top_k = 2});
    const auto plain = search(index, std::vector<float>{1, 0, 0, 0}, {.top_k = 2});
    CHECK((text_only[0].position == plain[0].position && text_only[1].score == plain[1].score));
}

TEST_CASE("fused search refuses queries out of contract", "[image_field][fusion]") {
    const auto bytes = build();
    const Index index = Index::open(bytes);
    require_error([&] { search_fields(index, {}); }, ErrorKind::invalid_argument, {"neither a text nor an image vector"});
    require_error([&] { search_fields(index, {.image = std::vector<float>{1, 0}}); }, ErrorKind::invalid_argument, {"2 dims", "has 3"});
    require_error([&] { search_fields(index, {.image = std::vector<float>{0, 0, 0}}); }, ErrorKind::invalid_argument, {"zero or not finite"});
    require_error([&] { search_fields(index, {.image = std::vector<float>{1, 0, 0}}, {}, {.image = -1}); }, ErrorKind::invalid_argument,
                  {"weight"});
    require_error([&] { search_fields(index, {.image = std::vector<float>{1, 0, 0}}, {}, {.image = 0}); }, ErrorKind::invalid_argument,
                  {"all 0"});
    const IndexSpec spec{.dims = 4, .model = "text-test", .embedder = EmbedderKind::hosted};
    const auto plain = write_index(spec, products(), text_vectors());
    require_error([&] { search_fields(Index::open(plain), {.image = std::vector<float>{1, 0, 0}}); }, ErrorKind::invalid_argument,
                  {"no image field"});
}

TEST_CASE("similar: the nearest products by both stored fields, the product itself left out, filters applied", "[image_field][similar]") {
    for (const Storage storage : {Storage::f32, Storage::int8}) {
        const auto bytes = build(storage);
        const Index index = Index::open(bytes);
        const auto hits = similar(index, "a", {.top_k = 3});
        CHECK(ids(index, hits) == std::vector<std::string>{"d", "b", "c"});  // d shares text and photo with a
        CHECK(ids(index, similar(index, "a", {.top_k = 3, .category = "light"})) == std::vector<std::string>{"b"});
        CHECK(ids(index, similar(index, "c", {.top_k = 1})).size() == 1);  // no photo: by its text alone
        require_error([&] { similar(index, "zzz"); }, ErrorKind::invalid_argument, {"no product has the id 'zzz'"});
    }
}

TEST_CASE("the local image descriptor: deterministic, unit length, look-alikes by colour and place", "[image_field][local_image]") {
    const auto red_left = photo(test::red, 0, 0, 32, 64);
    const auto v = embed_image_local(red_left);
    REQUIRE(v.size() == local_image_dims);
    CHECK(v == embed_image_local(red_left));
    double norm = 0;
    for (const float x : v) norm += double{x} * x;
    CHECK(norm == Approx(1.0));
    const auto dot = [](const std::vector<float>& a, const std::vector<float>& b) {
        double s = 0;
        for (std::size_t i = 0; i < a.size(); ++i) s += double{a[i]} * b[i];
        return s;
    };
    const auto similar_red = embed_image_local(photo(test::red, 4, 0, 28, 64));
    const auto blue_right = embed_image_local(photo(test::blue, 32, 0, 32, 64));
    CHECK(dot(v, similar_red) > dot(v, blue_right) + 0.3);
    require_error([] { embed_image_local(test::encode_png(test::Raster(8, 8, 3))); }, ErrorKind::bad_image, {"blank"});
}

TEST_CASE("a query photo finds its product through the local image field", "[image_field][local_image]") {
    const auto prods = products();
    const std::vector<std::vector<std::uint8_t>> photos = {photo(test::red, 0, 0, 32, 32), photo(test::blue, 32, 32, 32, 32), {},
                                                           photo(test::yellow, 0, 32, 64, 32)};
    const ImageVectorsBuild built = local_image_vectors(
        prods,
        [&](std::size_t i, std::string& why) -> std::optional<std::vector<std::uint8_t>> {
            if (photos[i].empty()) {
                why = "no photo";
                return std::nullopt;
            }
            return prepare_image(photos[i]).bytes;
        },
        Storage::int8);
    CHECK(built.warnings == std::vector<std::string>{"c: no image vector (no photo); found by its text alone"});
    const auto bytes = build_local_index(prods, {.dims = 16, .image = &built.vectors});
    const Index index = Index::open(bytes);
    REQUIRE(index.image_field());
    CHECK(index.image_field()->embedder == EmbedderKind::local_image);
    const auto hits = search_fields(index, {.image = local_photo_query(index, photos[1])}, {.top_k = 1});
    CHECK(ids(index, hits) == std::vector<std::string>{"b"});
}

TEST_CASE("precomputed image vectors: missing products warned by id, bad lines refused by line", "[image_field][image_vectors]") {
    const auto prods = products();
    const auto built = parse_image_vectors_jsonl("{\"id\":\"a\",\"vector\":[1,0]}\n{\"id\":\"d\",\"vector\":[0,2]}\n", prods, "clip", Storage::f32);
    CHECK(built.vectors.spec->dims == 2);
    CHECK(built.vectors.present == std::vector<std::uint8_t>{1, 0, 0, 1});
    CHECK(built.warnings.size() == 2);
    CHECK(built.warnings[0] == "b: no image vector (no line in the image vectors file); found by its text alone");
    require_error([&] { parse_image_vectors_jsonl("{\"id\":\"a\",\"vector\":[1,0]}\n{\"id\":\"b\",\"vector\":[1]}", prods, "m", Storage::f32); },
                  ErrorKind::bad_catalogue, {"line 2", "1 values, expected 2"});
    require_error([&] { parse_image_vectors_jsonl("{\"id\":\"a\",\"vector\":[1,\"x\"]}", prods, "m", Storage::f32); },
                  ErrorKind::bad_catalogue, {"line 1", "not a finite number"});
    require_error([&] { parse_image_vectors_jsonl("{\"id\":\"q\",\"vector\":[1]}", prods, "m", Storage::f32); }, ErrorKind::bad_catalogue,
                  {"'q' is not in the catalogue"});
    require_error([&] { parse_image_vectors_jsonl("{\"id\":\"a\",\"vector\":[0,0]}", prods, "m", Storage::f32); }, ErrorKind::bad_catalogue,
                  {"zero"});
}

TEST_CASE("a photo goes to a multimodal embedding model in vLLM's chat form, one a request", "[image_field][hosted]") {
    const auto body = nlohmann::json::parse(build_image_embedding_request("Qwen/Qwen3-VL-Embedding-2B", "data:image/jpeg;base64,/9j/"));
    CHECK(body["model"] == "Qwen/Qwen3-VL-Embedding-2B");
    CHECK(body["encoding_format"] == "float");
    CHECK(body["messages"][0]["role"] == "user");
    CHECK(body["messages"][0]["content"][0]["type"] == "image_url");
    CHECK(body["messages"][0]["content"][0]["image_url"]["url"] == "data:image/jpeg;base64,/9j/");
    require_error([] { build_image_embedding_request("m", "https://x/y.jpg"); }, ErrorKind::invalid_argument, {"data:image"});
    const auto row = parse_image_embedding(R"({"data":[{"index":0,"embedding":[3,4,12]}]})", 2);
    CHECK(row.model_dims == 3);
    CHECK(row.vectors.at(0) == std::vector<float>{0.6f, 0.8f});
    require_error([] { parse_image_embedding(R"({"data":[]})", 2); }, ErrorKind::bad_response, {"expected 1"});
    require_error([] { parse_image_embedding(R"({"data":[{"index":0,"embedding":[1,2]}]})", 2, 3); }, ErrorKind::bad_response, {});
}
