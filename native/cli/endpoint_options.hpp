// endpoint_options.hpp — the hosted endpoint as the CLI configures it.
//
// The base URL comes from --api-base (build: --embed-url) or VITRINE_API_BASE;
// the key only from VITRINE_API_KEY, never from the command line, where other
// users could read it in the process list. --timeout SECONDS (default 30, per
// attempt) and --retries N (default 3) tune the client. Model names come from
// options, then VITRINE_RERANK_MODEL / VITRINE_CHAT_MODEL, then the core's defaults
// (vitrine/hosted/defaults.hpp), as do --top-k, --retrieve-k and --max-images.
// Every message the CLI prints passes through redact_api_key().
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "arguments.hpp"
#include "vitrine/native/curl_transport.hpp"
#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/product_images.hpp"
#include "vitrine/hosted/pipeline.hpp"

namespace vitrine::cli {

inline const std::set<std::string> endpoint_option_names = {"api-base", "timeout", "retries"};

// A libcurl client for the configured endpoint; retry notes go to stderr as
// "vitrine <command>: note: ...".
class Endpoint {
public:
    Endpoint(native::EndpointConfig config, const std::string& command);
    native::EndpointClient& client() noexcept { return client_; }

private:
    native::CurlTransport transport_;
    native::EndpointClient client_;
};

// Whether a base URL is configured (--api-base or VITRINE_API_BASE), without opening a client.
bool endpoint_configured(const Arguments& args);

// Null when no base URL is configured. base_url overrides --api-base and the environment.
std::unique_ptr<Endpoint> open_endpoint(const Arguments& args, const std::string& command,
                                        std::optional<std::string> base_url = {});

// option, else the environment variable, else the default.
std::string model_setting(const Arguments& args, const std::string& option, const char* variable,
                          std::string_view fallback);

// --top-k (1..max_top_k) and --retrieve-k (1..1000) with the core's defaults; a usage
// error when --retrieve-k is below --top-k.
SearchDepths search_depths(const Arguments& args, long long max_top_k);

// What `search --rerank`, `answer` and `answer --rerank` take from the command line:
// --rerank-model (or VITRINE_RERANK_MODEL), --instruction, --max-images, the depths,
// --query-template and --query-task.
HostedRequest hosted_request(const Arguments& args, std::string query, long long max_top_k);

// text with VITRINE_API_KEY's value replaced by "[redacted]".
std::string redact_api_key(std::string text);

// Where product photos named by the index may be read from: under the image folder, unless
// --any-image-path says the index is trusted.
native::ImagePaths image_paths(const Arguments& args);

// The same set with the endpoint options added.
std::set<std::string> with_endpoint_options(std::set<std::string> names);

}  // namespace vitrine::cli
