#include "vitrine/catalogue/catalogue.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "hosted/json_response.hpp"
#include "vitrine/catalogue/feed.hpp"
#include "vitrine/catalogue/product_text.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/writer.hpp"
#include "vitrine/embed/local_embedder.hpp"

namespace vitrine {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::bad_catalogue, message); }

json parse_json(std::string_view text, const std::string& what) {
    // Metadata is stored by dump(), which recurses: keep trees shallow.
    if (detail::nests_deeper_than(text, detail::max_response_depth))
        refuse(what + " nests deeper than " + std::to_string(detail::max_response_depth) + " levels");
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        refuse(what + " is not valid JSON: " + e.what());
    }
}

}  // namespace

std::vector<Product> parse_catalogue(std::string_view json_text) {
    return parse_feed(json_text, {.format = FeedFormat::json});
}

LoadedVectors parse_vectors_jsonl(std::string_view jsonl, std::span<const Product> products, std::uint32_t dims) {
    std::unordered_map<std::string_view, std::size_t> position;
    for (std::size_t i = 0; i < products.size(); ++i) position.emplace(products[i].id, i);

    LoadedVectors out;
    std::vector<bool> seen(products.size(), false);
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < jsonl.size();) {
        const std::size_t end = std::min(jsonl.find('\n', start), jsonl.size());
        const std::string_view line = jsonl.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::string where = "vectors line " + std::to_string(line_number);
        const json item = parse_json(line, where);
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("embedding") ||
            !item["embedding"].is_array())
            refuse(where + ": expected {\"id\": string, \"embedding\": [numbers]}");
        const auto found = position.find(item["id"].get_ref<const std::string&>());
        if (found == position.end()) refuse(where + ": id '" + item["id"].get<std::string>() + "' is not in the catalogue");
        if (seen[found->second]) refuse(where + ": id '" + item["id"].get<std::string>() + "' appears twice");
        seen[found->second] = true;

        const json& embedding = item["embedding"];
        if (out.model_dims == 0) {
            if (embedding.empty()) refuse(where + ": the embedding is empty");
            out.model_dims = static_cast<std::uint32_t>(std::min<std::size_t>(embedding.size(), UINT32_MAX));
            out.dims = dims == 0 ? out.model_dims : dims;
            if (out.dims > out.model_dims)
                refuse("dims " + std::to_string(dims) + " is more than the " + std::to_string(out.model_dims) +
                       " dims of the vectors");
            if (out.dims > IndexLimits::max_dims) refuse(where + ": embedding is longer than the dims limit");
            out.values.assign(products.size() * out.dims, 0.0f);
        }
        if (embedding.size() != out.model_dims)
            refuse(where + ": embedding has " + std::to_string(embedding.size()) + " values, expected " +
                   std::to_string(out.model_dims));
        float* row = out.values.data() + found->second * out.dims;
        for (std::size_t d = 0; d < out.dims; ++d) {
            if (!embedding[d].is_number()) refuse(where + ": embedding value " + std::to_string(d) + " is not a number");
            const double v = embedding[d].get<double>();
            if (!std::isfinite(v) || std::fabs(v) > 3.0e38) refuse(where + ": embedding value " + std::to_string(d) + " is not finite");
            row[d] = static_cast<float>(v);
        }
    }
    for (std::size_t i = 0; i < products.size(); ++i)
        if (!seen[i]) refuse("vectors file has no embedding for product '" + products[i].id + "'");
    return out;
}

std::vector<std::uint8_t> build_index_from_vectors(std::span<const Product> products, const LoadedVectors& vectors,
                                                   Storage storage, std::string_view model, bool rescore,
                                                   Storage rescore_with, const ImageVectors& image,
                                                   const SearchFields& search_fields) {
    IndexSpec spec;
    spec.search_fields = search_fields;
    spec.storage = storage;
    spec.rescore = rescore;
    spec.rescore_with = rescore_with;
    spec.dims = vectors.dims;
    spec.model = std::string(model);
    spec.model_dims = vectors.model_dims;
    spec.embedder = EmbedderKind::hosted;
    return write_index(spec, products, vectors.values, image);
}

std::vector<std::uint8_t> build_local_index(std::span<const Product> products, const LocalIndexOptions& options) {
    // Before products x dims floats are reserved: 2^32 - 1 dims must not be an allocation failure.
    if (options.dims == 0 || options.dims > IndexLimits::max_dims)
        throw Error(ErrorKind::invalid_argument, "build: dims " + std::to_string(options.dims) + " must be 1.." +
                                                     std::to_string(IndexLimits::max_dims));
    std::vector<float> vectors;
    vectors.reserve(products.size() * options.dims);
    for (std::size_t i = 0; i < products.size(); ++i) {
        const auto v = embed_local(product_embedding_text(products[i]), options.dims);
        vectors.insert(vectors.end(), v.begin(), v.end());
        if (options.progress) options.progress(i + 1, products.size());
    }
    IndexSpec spec;
    spec.storage = options.storage;
    spec.dims = options.dims;
    spec.model = std::string(local_embedder_model);
    spec.model_dims = options.dims;
    spec.embedder = EmbedderKind::local_hashing;
    spec.rescore = options.rescore;
    spec.rescore_with = options.rescore_with;
    spec.search_fields = options.search_fields;
    return write_index(spec, products, vectors, options.image ? *options.image : ImageVectors{});
}

}  // namespace vitrine
