// catalogue/image_vectors.cpp — see vitrine/catalogue/image_vectors.hpp.
#include "vitrine/catalogue/image_vectors.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "hosted/json_response.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_image_embedder.hpp"

namespace vitrine {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::bad_catalogue, "image vectors: " + message); }

ImageVectorsBuild empty_build(std::size_t count, ImageFieldSpec spec) {
    ImageVectorsBuild built;
    built.vectors.values.assign(count * spec.dims, 0.0f);
    built.vectors.present.assign(count, 0);
    built.vectors.spec = std::move(spec);
    return built;
}

void warn_missing(ImageVectorsBuild& built, std::span<const Product> products, std::string_view why) {
    for (std::size_t i = 0; i < products.size(); ++i)
        if (!built.vectors.present[i]) built.warnings.push_back(image_vector_warning(products[i].id, why));
}

}  // namespace

Storage default_image_storage(Storage text_storage) noexcept {
    return text_storage == Storage::f32 ? Storage::f32 : Storage::int8;
}

std::string image_vector_warning(std::string_view id, std::string_view why) {
    return std::string(id) + ": no image vector (" + std::string(why) + "); found by its text alone";
}

ImageVectorsBuild parse_image_vectors_jsonl(std::string_view jsonl, std::span<const Product> products,
                                            std::string_view model, Storage storage, std::uint32_t dims) {
    std::unordered_map<std::string_view, std::size_t> position;
    for (std::size_t i = 0; i < products.size(); ++i) position.emplace(products[i].id, i);
    ImageVectorsBuild built;
    std::uint32_t model_dims = 0;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < jsonl.size();) {
        const std::size_t end = std::min(jsonl.find('\n', start), jsonl.size());
        const std::string_view line = jsonl.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::string where = "line " + std::to_string(line_number);
        if (detail::nests_deeper_than(line, detail::max_response_depth)) refuse(where + " nests too deep");
        json item;
        try {
            item = json::parse(line);
        } catch (const json::exception& e) {
            refuse(where + " is not valid JSON: " + e.what());
        }
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("vector") ||
            !item["vector"].is_array())
            refuse(where + ": expected {\"id\": string, \"vector\": [numbers]}");
        const std::string& id = item["id"].get_ref<const std::string&>();
        const auto found = position.find(id);
        if (found == position.end()) refuse(where + ": id '" + id + "' is not in the catalogue");
        const json& vector = item["vector"];
        if (model_dims == 0) {
            if (vector.empty() || vector.size() > IndexLimits::max_dims)
                refuse(where + ": the vector has " + std::to_string(vector.size()) + " values (1.." +
                       std::to_string(IndexLimits::max_dims) + ")");
            model_dims = static_cast<std::uint32_t>(vector.size());
            if (dims > model_dims)
                refuse("dims " + std::to_string(dims) + " is more than the vectors' " + std::to_string(model_dims));
            built = empty_build(products.size(), {.model = std::string(model),
                                                  .model_dims = model_dims,
                                                  .dims = dims ? dims : model_dims,
                                                  .storage = storage,
                                                  .embedder = EmbedderKind::hosted});
        }
        if (vector.size() != model_dims)
            refuse(where + ": the vector has " + std::to_string(vector.size()) + " values, expected " + std::to_string(model_dims));
        if (built.vectors.present[found->second]) refuse(where + ": id '" + id + "' appears twice");
        const std::uint32_t stored = built.vectors.spec->dims;
        float* row = built.vectors.values.data() + found->second * stored;
        double norm = 0.0;
        for (std::size_t d = 0; d < stored; ++d) {
            const double v = vector[d].is_number() ? vector[d].get<double>() : NAN;
            if (!std::isfinite(v) || std::fabs(v) > 3.0e38)
                refuse(where + ": value " + std::to_string(d) + " of '" + id + "' is not a finite number");
            row[d] = static_cast<float>(v);
            norm += v * v;
        }
        if (norm == 0.0) refuse(where + ": the vector of '" + id + "' is zero");
        built.vectors.present[found->second] = 1;
    }
    if (!built.vectors.spec) refuse("the file holds no vector");
    warn_missing(built, products, "no line in the image vectors file");
    return built;
}

ImageVectorsBuild local_image_vectors(std::span<const Product> products, const PreparedPhotoSource& photo, Storage storage,
                                      const Progress& progress) {
    ImageVectorsBuild built = empty_build(products.size(), {.model = std::string(local_image_embedder_model),
                                                            .model_dims = local_image_dims,
                                                            .dims = local_image_dims,
                                                            .storage = storage,
                                                            .embedder = EmbedderKind::local_image});
    for (std::size_t i = 0; i < products.size(); ++i) {
        if (progress) progress(i + 1, products.size());
        std::string why;
        const auto bytes = photo(i, why);
        if (!bytes) {
            built.warnings.push_back(image_vector_warning(products[i].id, why.empty() ? "no prepared photo" : why));
            continue;
        }
        try {
            const std::vector<float> v = embed_image_local(*bytes);
            std::copy(v.begin(), v.end(), built.vectors.values.begin() + static_cast<std::ptrdiff_t>(i * local_image_dims));
            built.vectors.present[i] = 1;
        } catch (const Error& e) {
            built.warnings.push_back(image_vector_warning(products[i].id, e.what()));
        }
    }
    return built;
}

}  // namespace vitrine
