// endpoint_options.cpp — environment and options to an EndpointClient; key redaction.
#include "endpoint_options.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "vitrine/base/error.hpp"

namespace vitrine::cli {
namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

}  // namespace

Endpoint::Endpoint(native::EndpointConfig config, const std::string& command)
    : client_(std::move(config), transport_) {
    client_.on_retry = [command](const std::string& note) {
        std::fprintf(stderr, "vitrine %s: note: %s\n", command.c_str(), note.c_str());
    };
}

bool endpoint_configured(const Arguments& args) {
    return args.option("api-base") || environment("VITRINE_API_BASE");
}

std::unique_ptr<Endpoint> open_endpoint(const Arguments& args, const std::string& command,
                                        std::optional<std::string> base_url) {
    if (!base_url) base_url = args.option("api-base");
    if (!base_url) base_url = environment("VITRINE_API_BASE");
    if (!base_url) return nullptr;

    native::EndpointConfig config;
    config.base_url = *base_url;
    config.api_key = environment("VITRINE_API_KEY").value_or("");
    if (const auto seconds = args.number("timeout")) {
        if (*seconds <= 0 || *seconds > 3600) throw UsageError("--timeout must be more than 0 and at most 3600 seconds");
        config.timeout = std::chrono::milliseconds(static_cast<long long>(std::ceil(*seconds * 1000)));
    }
    config.retry.max_retries = static_cast<int>(args.integer("retries", 0, 10).value_or(config.retry.max_retries));
    return std::make_unique<Endpoint>(std::move(config), command);
}

SearchDepths search_depths(const Arguments& args, long long max_top_k) {
    const auto top_k = args.integer("top-k", 1, max_top_k);
    const auto retrieve_k = args.integer("retrieve-k", 1, 1000);
    try {
        return resolve_depths(top_k ? std::optional<std::size_t>(*top_k) : std::nullopt,
                              retrieve_k ? std::optional<std::size_t>(*retrieve_k) : std::nullopt);
    } catch (const Error& e) {
        throw UsageError(std::string("--top-k and --retrieve-k: ") + e.what());
    }
}

HostedRequest hosted_request(const Arguments& args, std::string query, long long max_top_k) {
    HostedRequest request;
    request.query = std::move(query);
    const SearchDepths depths = search_depths(args, max_top_k);
    request.top_k = depths.top_k;
    request.retrieve_k = depths.retrieve_k;
    request.rerank_model = model_setting(args, "rerank-model", "VITRINE_RERANK_MODEL", default_rerank_model);
    request.instruction = args.option("instruction");
    if (const auto images = args.integer("max-images", 1, 100)) request.max_images_per_request = static_cast<std::size_t>(*images);
    request.embedding.query_template = args.option("query-template");
    if (auto task = args.option("query-task")) request.embedding.task = *task;
    request.filters.category = args.option("category");
    request.filters.min_price = args.number("min-price");
    request.filters.max_price = args.number("max-price");
    return request;
}

std::string model_setting(const Arguments& args, const std::string& option, const char* variable,
                          std::string_view fallback) {
    if (auto value = args.option(option)) return *value;
    return environment(variable).value_or(std::string(fallback));
}

std::string redact_api_key(std::string text) {
    const auto key = environment("VITRINE_API_KEY");
    if (!key) return text;
    constexpr std::string_view redaction = "[redacted]";
    for (std::size_t at = text.find(*key); at != std::string::npos; at = text.find(*key, at + redaction.size()))
        text.replace(at, key->size(), redaction);
    return text;
}

std::set<std::string> with_endpoint_options(std::set<std::string> names) {
    names.insert(endpoint_option_names.begin(), endpoint_option_names.end());
    return names;
}

native::ImagePaths image_paths(const Arguments& args) {
    return args.has("any-image-path") ? native::ImagePaths::anywhere : native::ImagePaths::under_base;
}

}  // namespace vitrine::cli
