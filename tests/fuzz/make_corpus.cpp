// make_corpus.cpp — writes the seed corpus of every fuzz target, deterministically.
//
//   vitrine_make_fuzz_corpus tests/fuzz/corpus      (scripts: tests/fuzz/make-corpus.sh)
//
// One folder per target, a few small valid inputs each (plus the error shapes the
// endpoint parsers must recognise), built with the same helpers as the unit tests:
// indexes of every storage type (and a shard, one with f32, one with int8 rescore vectors, two with an image
// field, f32 and int8, one with keywords and facet columns of every kind) from test_catalogue.hpp,
// images from image_test_support.hpp and png_builder.hpp (16-bit and palette PNGs,
// EXIF orientations, a JPEG marked progressive so that stb's progressive decoder is
// reached at once), the WebP and GIF fixtures of tests/fixtures/images, f32 and int8 indexes
// for the web pack target, and two deltas.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "image_test_support.hpp"
#include "png_builder.hpp"
#include "test_catalogue.hpp"
#include "vitrine/delta/make_delta.hpp"
#include "vitrine/index/shard.hpp"

namespace fs = std::filesystem;
using namespace vitrine;
using namespace vitrine::test;

namespace {

fs::path root;

void write(const std::string& target, const std::string& name, std::string_view bytes) {
    const fs::path folder = root / target;
    fs::create_directories(folder);
    std::ofstream(folder / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void write(const std::string& target, const std::string& name, const std::vector<std::uint8_t>& bytes) {
    write(target, name, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

void index_seeds() {
    write("index", "f32-3x8.vtx", build_random_index(Storage::f32, 3, 8, 1).bytes);
    write("index", "int8-3x8.vtx", build_random_index(Storage::int8, 3, 8, 2).bytes);
    write("index", "binary-3x16.vtx", build_random_index(Storage::binary, 3, 16, 4).bytes);
    write("index", "f32-empty.vtx", build_random_index(Storage::f32, 0, 4, 3).bytes);
    IndexSpec rescored = spec_for(Storage::int8, 8);
    rescored.rescore = true;
    write("index", "int8-rescore-3x8.vtx", write_index(rescored, numbered_products(3), random_vectors(3, 8, 5)));
    auto photographed = numbered_products(3);  // a photos section, one product without photos, one priceless
    photographed[0].prepared_image = "photos/0.jpg", photographed[0].thumbnail = "photos/0t.jpg";
    photographed[2].prepared_image = "photos/2.jpg";
    photographed[1].price.reset();
    write("index", "f32-photos-3x8.vtx", write_index(spec_for(Storage::f32, 8), photographed, random_vectors(3, 8, 6)));
    IndexSpec int8_copies = spec_for(Storage::binary, 16);
    int8_copies.rescore = true;
    int8_copies.rescore_with = Storage::int8;
    write("index", "binary-int8-rescore-3x16.vtx", write_index(int8_copies, numbered_products(3), random_vectors(3, 16, 6)));
    for (const Storage storage : {Storage::f32, Storage::int8}) {  // an image field, product 1 without a vector
        ImageVectors image{.spec = ImageFieldSpec{.model = "clip-test", .dims = 4, .storage = storage}};
        image.values = random_vectors(3, 4, 7);
        image.present = {1, 0, 1};
        write("index", std::string(to_string(storage)) + "-image-field-3x8.vtx",
              write_index(spec_for(Storage::int8, 8), numbered_products(3), random_vectors(3, 8, 8), image));
    }
    auto shop = numbered_products(4);  // keywords and facet columns: text, tags, booleans, numbers, codes
    shop[0].metadata_json = R"({"brand":"Acme","tags":["oak","sale"],"in_stock":true,"rating":4.5,"sku":"KX-4471"})";
    shop[1].metadata_json = R"({"brand":"Zeta","tags":["oak"],"in_stock":false,"rating":3})";
    shop[2].title = "Théière en fonte 160x80";
    shop[3].price.reset();
    write("index", "f32-keywords-facets-4x8.vtx", write_index(spec_for(Storage::f32, 8), shop, random_vectors(4, 8, 7)));
    // A shard (vitrine/index/shard.hpp): products 1 and 3 of a catalogue of 4 in shard 1 of 2.
    const auto products = numbered_products(4);
    std::vector<Product> part;
    std::vector<std::uint32_t> positions;
    for (std::uint32_t i = 0; i < products.size(); ++i)
        if (shard_of(products[i].id, 2) == 1) part.push_back(products[i]), positions.push_back(i);
    write("index", "int8-shard-1-of-2.vtx",
          mark_shard(write_index(spec_for(Storage::int8, 8), part, random_vectors(part.size(), 8, 9)),
                     {.shard = 1, .shards = 2, .catalogue = 42, .catalogue_count = 4, .positions = positions}));
}

Raster quadrants(int width, int height, int channels) {
    Raster raster(width, height, channels, red);
    raster.fill_rect(width / 2, 0, width - width / 2, height / 2, green);
    raster.fill_rect(0, height / 2, width / 2, height - height / 2, blue);
    raster.fill_rect(width / 2, height / 2, width - width / 2, height - height / 2, Colour{255, 255, 0, 96});
    return raster;
}

std::vector<std::uint8_t> marked_progressive(std::vector<std::uint8_t> jpeg) {
    for (std::size_t i = 2; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {
            jpeg[i + 1] = 0xC2;
            break;
        }
    return jpeg;
}

// Indexes for web packs: f32 and int8 with a short last chunk (2 products a chunk), and one product.
void web_pack_seeds() {
    write("web_pack", "f32-5x8.vtx", build_random_index(Storage::f32, 5, 8, 11).bytes);
    write("web_pack", "int8-7x20.vtx", build_random_index(Storage::int8, 7, 20, 12).bytes);
    write("web_pack", "int8-1x3.vtx", build_random_index(Storage::int8, 1, 3, 13).bytes);
}

void image_seeds() {
    write("image", "rgb-40x20.png", encode_png(quadrants(40, 20, 3)));
    write("image", "rgba-9x13.png", encode_png(quadrants(9, 13, 4)));
    write("image", "grey-5x5.png", encode_png(quadrants(5, 5, 1)));
    write("image", "grey-alpha-7x3.png", encode_png(quadrants(7, 3, 2)));
    write("image", "rgb-1x1.png", encode_png(Raster(1, 1, 3, red)));
    write("image", "rgb-30x40.jpg", encode_jpeg(quadrants(30, 40, 3), 90));
    write("image", "grey-16x16.jpg", encode_jpeg(quadrants(16, 16, 1), 75));
    write("image", "exif-6-little-endian-32x16.jpg", with_exif_orientation(encode_jpeg(quadrants(32, 16, 3), 80), 6));
    write("image", "exif-8-big-endian-16x32.jpg", with_exif_orientation(encode_jpeg(quadrants(16, 32, 3), 80), 8, true));
    write("image", "exif-3-8x8.jpg", with_exif_orientation(encode_jpeg(quadrants(8, 8, 3), 60), 3));
    write("image", "marked-progressive-16x16.jpg", marked_progressive(encode_jpeg(quadrants(16, 16, 3), 70)));

    // 2x2 RGB, 16 bits a sample: each row is a filter byte (0) and 2 x 6 bytes.
    std::vector<std::uint8_t> rows16;
    for (int y = 0; y < 2; ++y) {
        rows16.push_back(0);
        for (int i = 0; i < 12; ++i) rows16.push_back(static_cast<std::uint8_t>(40 * y + 20 * i));
    }
    write("image", "rgb16-2x2.png", png_file({.width = 2, .height = 2, .bit_depth = 16}, zlib_stored(rows16)));

    // 4x2 palette of 3 colours, the first transparent: rows of a filter byte and 4 indices.
    const std::vector<std::uint8_t> indices{0, 0, 1, 2, 2, 0, 1, 2, 1, 0};
    write("image", "palette-trns-4x2.png",
          png_file({.width = 4, .height = 2, .colour_type = 3}, zlib_stored(indices),
                   {{"PLTE", {255, 0, 0, 0, 255, 0, 0, 0, 255}}, {"tRNS", {0}}}));

    // WebP (lossy, lossless with alpha, animated: refused) and GIF (palette, transparency,
    // two frames): the committed fixtures of tests/fixtures/images.
    for (const char* name : {"rgb-24x16-lossy.webp", "half-clear-8x8-lossless.webp", "animated-24x16.webp",
                             "red-blue-6x4.gif", "transparent-left-4x4.gif", "animated-red-then-green-5x5.gif"}) {
        std::ifstream in(std::string(VITRINE_FIXTURES_DIR) + "/images/" + name, std::ios::binary);
        write("image", name, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }
}

void response_seeds() {
    write("embeddings_response", "two-rows.json", R"({"object":"list","data":[
  {"object":"embedding","index":1,"embedding":[3.5,-4,0.25]},
  {"object":"embedding","index":0,"embedding":[1,2e-1,-7.5e+2]}],
 "model":"Qwen3-Embedding-8B","usage":{"prompt_tokens":4,"total_tokens":4}})");
    write("embeddings_response", "base64-row.json",
          R"({"data":[{"index":0,"embedding":"AACAPw=="},{"index":1,"embedding":[1]}]})");
    write("embeddings_response", "openai-error.json",
          R"({"error":{"message":"Rate limit exceeded","type":"rate_limit","code":429}})");
    write("embeddings_response", "vllm-error.json", R"({"object":"error","message":"model not found","code":404})");

    write("rerank_response", "four-results.json", R"({"id":"rerank-1","model":"Qwen3-VL-Reranker-2B",
 "usage":{"total_tokens":120},"results":[
  {"index":2,"document":{"text":"Trail shoe, red"},"relevance_score":0.91},
  {"index":0,"document":{"text":"Blue sandal"},"relevance_score":-1.5},
  {"index":3,"document":{"content":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/"}}]},"relevance_score":0.91},
  {"index":1,"relevance_score":3}]})");
    write("rerank_response", "two-results.json", R"({"results":[{"index":0,"relevance_score":0.5},{"index":3,"relevance_score":1e-3}]})");
    write("rerank_response", "string-error.json", R"({"error":"upstream timed out"})");

    write("chat_response", "content-string.json", R"({"id":"chatcmpl-1","object":"chat.completion","choices":[
  {"index":0,"message":{"role":"assistant","content":"The trail shoe [1] is waterproof."},"finish_reason":"stop"}],
 "usage":{"prompt_tokens":900,"completion_tokens":9}})");
    write("chat_response", "content-parts.json", R"({"choices":[{"message":{"content":[
  {"type":"text","text":"Yes, "},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"[2] \u00e9t\u00e9"}]}}]})");
    write("chat_response", "null-content.json", R"({"choices":[{"message":{"content":null},"finish_reason":"length"}]})");
    write("chat_response", "refusal.json", R"({"choices":[{"message":{"content":null,"refusal":"I cannot help."}}]})");
    write("chat_response", "openai-error.json", R"({"error":{"message":"context too long","code":400}})");
}

void catalogue_seeds() {
    const std::string catalogue = R"([
 {"id":"lamp-1","title":"Brass floor lamp","description":"Warm light, 160 cm","image":"images/lamp-1.jpg",
  "category":"lighting","price":129.5,"metadata":{"colour":"brass","sizes":[160,180],"new":true}},
 {"id":"chair-2","title":"Oak chair \u00e9l\u00e9gante","category":"furniture","price":0,"metadata":null},
 {"id":"mug-3","title":"Mug","description":null,"price":4}
])";
    write("catalogue", "three-products.json", catalogue);
    write("catalogue", "minimal.json", R"([{"id":"a","title":"b"}])");
    const std::string vectors = "{\"id\":\"chair-2\",\"embedding\":[0.5,-1,2,0]}\n"
                                "{\"id\":\"lamp-1\",\"embedding\":[1,0,0,1e-3]}\n"
                                "\n"
                                "{\"id\":\"mug-3\",\"embedding\":[-2,3.25,1,1]}\n";
    write("catalogue", "three-products-with-vectors.json", catalogue + '\0' + vectors);
}

// The first byte picks the format and the field map (fuzz_feed.cpp): 0 json, 1 jsonl, 2 csv; +3 mapped.
void feed_seeds() {
    write("feed", "array.json", std::string("\x00") + R"([{"id":4711,"title":"Lamp","price":"12,50 EUR","brand":"Acme"}])");
    write("feed", "products-object.json", std::string("\x00") + R"({"products":[{"id":"a","title":"b","tags":["x"]}]})");
    write("feed", "lines.jsonl", std::string("\x01") + "\xEF\xBB\xBF{\"id\":\"a\",\"title\":\"x\"}\r\n\n{\"id\":2,\"title\":\"y\",\"price\":3}\n");
    write("feed", "quoted.csv", std::string("\x02") + "id,title,description,price\r\na,\"Lamp, brass\",\"a \"\"b\"\"\r\nc\",\"1.234,50\"\r\nb,Mug,,\r\n");
    write("feed", "merchant.csv", std::string("\x02") + "id,title,description,link,image_link,price,brand,availability\n"
                                                        "1,Lamp,Brass,https://s/l,https://c/l.jpg,15.00 USD,Acme,in stock\n");
    write("feed", "mapped.csv", std::string("\x05") + "sku,name,cost\nA1,Lamp,\u20ac3\n");
}

}  // namespace

// Deltas over fuzz_delta's base (the int8 3 x 8 index): one price changed, and no change.
void delta_seeds() {
    const BuiltIndex base = build_random_index(Storage::int8, 3, 8, 2);
    std::vector<Product> repriced = base.products;
    repriced[1].price = 99.5;
    write("delta", "int8-3x8-price.delta", make_delta(base.bytes, write_index(spec_for(Storage::int8, 8), repriced, base.vectors)));
    write("delta", "int8-3x8-same.delta", make_delta(base.bytes, base.bytes));
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    root = argv[1];
    index_seeds();
    web_pack_seeds();
    image_seeds();
    response_seeds();
    catalogue_seeds();
    feed_seeds();
    delta_seeds();
    return 0;
}
