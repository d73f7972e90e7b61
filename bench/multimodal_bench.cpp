// multimodal_bench — what the image vector field costs: index bytes per product with the
// text field alone and with both fields, and search time with one field against two
// (fused, vitrine/search/field_fusion.hpp), a photo alone, and similar products.
// N random unit vectors per field (default 100,000; text 1024 dims, image 1024 dims, every
// 10th product without a photo), text int8; image f32 and int8; median of `queries` runs,
// single-threaded. Usage: vitrine_multimodal_bench [N] [text dims] [image dims] [queries]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "vitrine/embed/local_image_embedder.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/similar.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

std::vector<float> random_rows(std::size_t count, std::size_t dims, std::mt19937& random) {
    std::normal_distribution<float> normal;
    std::vector<float> values(count * dims);
    for (float& v : values) v = normal(random);
    return values;
}

std::vector<vitrine::Product> products(std::size_t count) {
    std::vector<vitrine::Product> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        out[i].id = "p" + std::to_string(i);
        out[i].title = "product " + std::to_string(i);
        out[i].category = "c" + std::to_string(i % 8);
    }
    return out;
}

template <class Search>
double median_ms(std::size_t runs, Search&& search) {
    std::vector<double> times;
    for (std::size_t q = 0; q < runs; ++q) {
        const auto start = clock_type::now();
        search(q);
        times.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100'000;
    const std::uint32_t text_dims = argc > 2 ? static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 1024;
    const std::uint32_t image_dims = argc > 3 ? static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10)) : 1024;
    const std::size_t queries = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 21;

    std::mt19937 random(12);
    const auto catalogue = products(count);
    const auto text = random_rows(count, text_dims, random);
    const vitrine::IndexSpec spec{.storage = vitrine::Storage::int8, .dims = text_dims, .model = "text", .embedder = vitrine::EmbedderKind::hosted};
    const auto text_only = vitrine::write_index(spec, catalogue, text);
    std::printf("multimodal_bench: %zu products, text %u dims int8, image %u dims, every 10th without a photo\n\n", count,
                text_dims, image_dims);
    std::printf("%-44s %12s %14s\n", "index", "bytes", "bytes/product");
    std::printf("%-44s %12zu %14.0f\n", "text field alone (int8)", text_only.size(), double(text_only.size()) / double(count));

    vitrine::ImageVectors image{.spec = vitrine::ImageFieldSpec{.model = "image", .dims = image_dims}};
    image.values = random_rows(count, image_dims, random);
    image.present.assign(count, 1);
    for (std::size_t i = 9; i < count; i += 10) image.present[i] = 0;
    std::vector<std::vector<std::uint8_t>> files;
    for (const vitrine::Storage storage : {vitrine::Storage::f32, vitrine::Storage::int8}) {
        image.spec->storage = storage;
        files.push_back(vitrine::write_index(spec, catalogue, text, image));
        std::printf("%-44s %12zu %14.0f\n", (std::string("text int8 + image ") + vitrine::to_string(storage)).c_str(),
                    files.back().size(), double(files.back().size()) / double(count));
    }
    vitrine::ImageVectors local{.spec = vitrine::ImageFieldSpec{.model = std::string(vitrine::local_image_embedder_model),
                                                               .dims = vitrine::local_image_dims, .storage = vitrine::Storage::int8,
                                                               .embedder = vitrine::EmbedderKind::local_image}};
    local.values = random_rows(count, vitrine::local_image_dims, random);
    local.present = image.present;
    const auto with_local = vitrine::write_index(spec, catalogue, text, local);
    std::printf("%-44s %12zu %14.0f\n", "text int8 + local image descriptor (112, int8)", with_local.size(),
                double(with_local.size()) / double(count));

    const auto text_queries = random_rows(queries, text_dims, random);
    const auto image_queries = random_rows(queries, image_dims, random);
    const auto row = [](const std::vector<float>& rows, std::size_t q, std::size_t dims) {
        return std::vector<float>(rows.begin() + static_cast<std::ptrdiff_t>(q * dims), rows.begin() + static_cast<std::ptrdiff_t>((q + 1) * dims));
    };
    std::printf("\n%-44s %12s\n", "top-10 search, median of runs (1 thread)", "ms");
    const vitrine::Index plain = vitrine::Index::open(text_only);
    std::printf("%-44s %12.2f\n", "text field alone", median_ms(queries, [&](std::size_t q) {
        vitrine::search(plain, row(text_queries, q, text_dims), {.top_k = 10});
    }));
    for (std::size_t f = 0; f < files.size(); ++f) {
        const vitrine::Index index = vitrine::Index::open(files[f]);
        const std::string storage = vitrine::to_string(index.image_field()->storage);
        std::printf("%-44s %12.2f\n", ("text + image fused (image " + storage + ")").c_str(), median_ms(queries, [&](std::size_t q) {
            vitrine::search_fields(index, {.text = row(text_queries, q, text_dims), .image = row(image_queries, q, image_dims)}, {.top_k = 10});
        }));
        std::printf("%-44s %12.2f\n", ("photo alone (image " + storage + ")").c_str(), median_ms(queries, [&](std::size_t q) {
            vitrine::search_fields(index, {.image = row(image_queries, q, image_dims)}, {.top_k = 10});
        }));
        std::printf("%-44s %12.2f\n", ("similar (both fields, image " + storage + ")").c_str(), median_ms(queries, [&](std::size_t q) {
            vitrine::similar(index, catalogue[(q * 7919) % count].id, {.top_k = 10});
        }));
    }
    return 0;
}
