// hosted/image_embeddings_api.cpp — see vitrine/hosted/image_embeddings_api.hpp.
#include "vitrine/hosted/image_embeddings_api.hpp"

#include <nlohmann/json.hpp>

#include "hosted/json_response.hpp"

namespace vitrine {

std::string build_image_embedding_request(std::string_view model, std::string_view image_data_uri) {
    constexpr std::string_view name = "image embedding request";
    if (model.empty()) detail::invalid_request(name, "model is empty");
    if (!image_data_uri.starts_with("data:image/")) detail::invalid_request(name, "the photo is not a data:image URI");
    const nlohmann::json image = {{"type", "image_url"}, {"image_url", {{"url", image_data_uri}}}};
    const nlohmann::json body = {{"model", model},
                                 {"messages", nlohmann::json::array({{{"role", "user"}, {"content", nlohmann::json::array({image})}}})},
                                 {"encoding_format", "float"}};
    return detail::dump_request(body);
}

DocumentEmbeddings parse_image_embedding(std::string_view body, std::size_t index_dims, std::optional<std::size_t> model_dims) {
    return parse_document_embeddings(body, 1, index_dims, model_dims);
}

}  // namespace vitrine
