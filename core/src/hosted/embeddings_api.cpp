// hosted/embeddings_api.cpp — builds /v1/embeddings request bodies and validates
// responses into one float vector per input, ordered by `index`.
// What is refused is listed in vitrine/hosted/embeddings_api.hpp.
#include "vitrine/hosted/embeddings_api.hpp"

#include <cmath>
#include <limits>

#include "hosted/json_response.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {

namespace {
constexpr std::string_view request_name = "embeddings request";
constexpr std::string_view response_name = "embeddings response";
}  // namespace

std::string build_embeddings_request(const EmbeddingsRequest& request) {
    if (request.model.empty()) detail::invalid_request(request_name, "model is empty");
    if (request.input.empty()) detail::invalid_request(request_name, "input has no texts");
    for (std::size_t i = 0; i < request.input.size(); ++i) {
        // OpenAI-compatible servers reject empty strings; say which one here instead.
        if (request.input[i].empty()) {
            detail::invalid_request(request_name, "input " + std::to_string(i) + " is empty");
        }
    }
    if (request.dimensions && *request.dimensions < 1) {
        detail::invalid_request(request_name,
                                "dimensions must be at least 1, got " + std::to_string(*request.dimensions));
    }

    nlohmann::json body = {{"model", request.model}, {"input", request.input}};
    if (request.dimensions) body["dimensions"] = *request.dimensions;
    return detail::dump_request(body);
}

std::vector<std::vector<float>> parse_embeddings_response(std::string_view body, std::size_t expected_count,
                                                          std::optional<std::size_t> expected_dims) {
    if (expected_count == 0) throw Error(ErrorKind::invalid_argument, "embeddings response: expected_count is 0");
    if (expected_dims && *expected_dims == 0) {
        throw Error(ErrorKind::invalid_argument, "embeddings response: expected_dims is 0");
    }

    const detail::Response response{response_name, body};
    const nlohmann::json root = detail::parse_response_object(response);
    const nlohmann::json& data = detail::array_member(response, root, "data", "response");
    if (data.size() != expected_count) {
        response.fail("`data` has " + std::to_string(data.size()) + " entries, expected " +
                      std::to_string(expected_count));
    }

    std::vector<std::vector<float>> vectors(expected_count);
    std::vector<bool> seen(expected_count, false);
    // The first entry fixes the length when the caller did not.
    std::optional<std::size_t> dims = expected_dims;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::string where = "data entry " + std::to_string(i);
        const nlohmann::json& entry = data[i];
        detail::require_object(response, entry, where);
        const std::size_t index = detail::index_member(response, entry, expected_count, where);
        if (seen[index]) response.fail(where + " repeats index " + std::to_string(index));
        seen[index] = true;

        const nlohmann::json& embedding = detail::member(response, entry, "embedding", where);
        if (embedding.is_string()) {
            response.fail(where + " has a string embedding (base64 encoding_format?), expected an array of numbers");
        }
        if (!embedding.is_array()) {
            response.fail(where + " has an embedding that is " + detail::describe_value(embedding) +
                          ", expected an array of numbers");
        }
        if (embedding.empty()) response.fail(where + " has an empty embedding");
        if (dims && embedding.size() != *dims) {
            response.fail(where + " has " + std::to_string(embedding.size()) + " dimensions, expected " +
                          std::to_string(*dims) + (expected_dims ? "" : " like the entries before it"));
        }
        dims = embedding.size();

        std::vector<float>& vector = vectors[index];
        vector.reserve(embedding.size());
        for (std::size_t j = 0; j < embedding.size(); ++j) {
            const nlohmann::json& value = embedding[j];
            if (!value.is_number()) {
                response.fail(where + " value " + std::to_string(j) + " is " + detail::describe_value(value) +
                              ", expected a number");
            }
            // The parser refuses overflowing literals; finite doubles past FLT_MAX remain.
            const double number = value.get<double>();
            if (std::fabs(number) > std::numeric_limits<float>::max()) {
                response.fail(where + " value " + std::to_string(j) + " is " + detail::describe_value(value) +
                              ", outside the float range");
            }
            vector.push_back(static_cast<float>(number));
        }
    }
    return vectors;
}

}  // namespace vitrine
