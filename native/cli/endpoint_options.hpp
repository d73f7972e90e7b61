// endpoint_options.hpp — the hosted endpoint as the CLI configures it.
//
// The base URL comes from --api-base (build: --embed-url) or VITRINE_API_BASE;
// the key only from VITRINE_API_KEY, never from the command line, where other
// users could read it in the process list. --timeout SECONDS (default 30, per
// attempt) and --retries N (default 3) tune the client. Model names come from
// options, then VITRINE_RERANK_MODEL / VITRINE_CHAT_MODEL, then the defaults.
// Every message the CLI prints passes through redact_api_key().
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "arguments.hpp"
#include "vitrine/native/curl_transport.hpp"
#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/hosted_search.hpp"

namespace vitrine::cli {

inline const std::set<std::string> endpoint_option_names = {"api-base", "timeout", "retries"};

inline constexpr const char* default_rerank_model = "Qwen/Qwen3-VL-Reranker-2B";
inline constexpr const char* default_chat_model = "Qwen/Qwen3-VL-8B-Instruct";

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

// Null when no base URL is configured. base_url overrides --api-base and the environment.
std::unique_ptr<Endpoint> open_endpoint(const Arguments& args, const std::string& command,
                                        std::optional<std::string> base_url = {});

// option, else the environment variable, else the default.
std::string model_setting(const Arguments& args, const std::string& option, const char* variable, const char* fallback);

// What `search --rerank` and `answer --rerank` take from the command line:
// --rerank-model (or VITRINE_RERANK_MODEL), --instruction, --max-images (default 5).
native::RerankSettings rerank_settings(const Arguments& args, std::string query, std::size_t top_k);

// text with VITRINE_API_KEY's value replaced by "[redacted]".
std::string redact_api_key(std::string text);

// The same set with the endpoint options added.
std::set<std::string> with_endpoint_options(std::set<std::string> names);

}  // namespace vitrine::cli
