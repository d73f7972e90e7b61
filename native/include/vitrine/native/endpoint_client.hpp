// vitrine/native/endpoint_client.hpp — calls to an OpenAI-compatible endpoint:
// bearer auth, timeouts, bounded retries with backoff, and errors a user can act on.
//
//   vitrine::native::CurlTransport transport;
//   vitrine::native::EndpointClient client({.base_url = "https://host/v1", .api_key = key}, transport);
//   std::string body = client.post_json("rerank", request_body);     // POST https://host/v1/rerank
//   std::string jpeg = client.get("https://cdn.example/p/1.jpg");    // no credentials sent
//
// base_url is the endpoint's prefix including its version ("…/v1"), as in the
// OpenAI SDKs; paths are appended after one "/". Retries follow
// vitrine/hosted/retry_policy.hpp (network errors and timeouts, 408, 429, 5xx;
// Retry-After honoured). GETs of product images use their own, shorter timeout
// and fewer retries: a slow image host should cost a search seconds, not
// minutes, since a missing photo only makes that product text-only.
// on_retry, when set, hears one line per retry. Calls may run concurrently (the
// rerank batches do) when the transport allows it, as CurlTransport does: the clock
// and on_retry are called under a mutex, sleeps outside it.
//
// Failures throw EndpointError: the method, the URL (without user info or query),
// the HTTP status (0: no response) or network cause, the attempts made and a
// short printable snippet of the body. The API key is sent only to base_url and
// never appears in a message: any occurrence (a server echoing the
// Authorization header) is replaced by "[redacted]", in error messages and in
// the bodies post_json returns (so parse errors quoting them are clean too).
// Keys shorter than 8 characters are not redacted from bodies, since such
// short strings would corrupt legitimate JSON.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

#include "vitrine/hosted/defaults.hpp"
#include "vitrine/hosted/retry_policy.hpp"
#include "vitrine/native/http_transport.hpp"

namespace vitrine::native {

struct EndpointConfig {
    std::string base_url = {};
    std::string api_key = {};  // empty: no Authorization header
    std::chrono::milliseconds timeout{static_cast<long long>(default_timeout_seconds * 1000)};  // per attempt
    RetryPolicy retry = {};
    std::chrono::milliseconds image_timeout{10'000};  // per attempt, for get()
    int image_retries = 1;
};

// Time and chance, injectable so tests run retries instantly and repeatably.
struct RetryClock {
    std::function<double()> now;               // Unix seconds
    std::function<void(double)> sleep;         // seconds
    std::function<double()> jitter;            // uniform in [0, 1)
};
RetryClock system_retry_clock();

class EndpointError : public std::runtime_error {
public:
    EndpointError(const std::string& message, int status, bool timed_out)
        : std::runtime_error(message), status_(status), timed_out_(timed_out) {}
    int status() const noexcept { return status_; }  // 0 when no response came
    bool timed_out() const noexcept { return timed_out_; }

private:
    int status_;
    bool timed_out_;
};

class EndpointClient {
public:
    EndpointClient(EndpointConfig config, HttpTransport& transport, RetryClock clock = system_retry_clock());

    std::string post_json(std::string_view path, const std::string& body);
    std::string get(const std::string& url, std::size_t max_bytes = std::size_t{32} << 20);

    // text with the API key replaced by "[redacted]".
    std::string redact(std::string text) const;
    const EndpointConfig& config() const noexcept { return config_; }
    std::function<void(const std::string&)> on_retry;

private:
    HttpResponse send(HttpRequest request, const RetryPolicy& policy);

    EndpointConfig config_;
    HttpTransport& transport_;
    RetryClock clock_;
    std::mutex mutex_;
};

// scheme://host[:port]/path of a URL: user info, query and fragment dropped.
std::string display_url(std::string_view url);

}  // namespace vitrine::native
