// endpoint_client.cpp — auth and the retry loop over an HttpTransport (when to retry and
// what a failure says are the core's: vitrine/hosted/failed_attempt.hpp); concurrent
// calls share the clock under a mutex.
// See vitrine/native/endpoint_client.hpp for what it does and refuses.
#include "vitrine/native/endpoint_client.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "vitrine/hosted/failed_attempt.hpp"

namespace vitrine::native {
namespace {

constexpr std::string_view redaction = "[redacted]";
constexpr std::size_t min_body_redaction = 8;

bool starts_with_http(std::string_view url) {
    const auto lower_prefix = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            const char c = url[i] >= 'A' && url[i] <= 'Z' ? static_cast<char>(url[i] - 'A' + 'a') : url[i];
            if (c != prefix[i]) return false;
        }
        return true;
    };
    return lower_prefix("http://") || lower_prefix("https://");
}

void replace_all(std::string& text, std::string_view needle) {
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + redaction.size()))
        text.replace(at, needle.size(), redaction);
}

}  // namespace

RetryClock system_retry_clock() {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    return {
        [] {
            return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        },
        [](double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); },
        [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); },
    };
}

std::string display_url(std::string_view url) {
    std::size_t authority = url.find("://");
    authority = authority == std::string_view::npos ? 0 : authority + 3;
    const std::size_t end = std::min(url.find_first_of("?#"), url.size());
    const std::size_t path = std::min(url.find('/', authority), end);
    std::string_view host = url.substr(authority, path - authority);
    if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    return std::string(url.substr(0, authority)) + std::string(host) + std::string(url.substr(path, end - path));
}

EndpointClient::EndpointClient(EndpointConfig config, HttpTransport& transport, RetryClock clock)
    : config_(std::move(config)), transport_(transport), clock_(std::move(clock)) {
    if (!starts_with_http(config_.base_url))
        throw EndpointError(redact("the endpoint base URL must start with http:// or https://, got '" +
                                   display_url(config_.base_url) + "'"),
                            0, false);
}

std::string EndpointClient::redact(std::string text) const {
    if (!config_.api_key.empty()) replace_all(text, config_.api_key);
    return text;
}

std::string EndpointClient::post_json(std::string_view path, const std::string& body) {
    std::string url = config_.base_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    url.append("/").append(path);

    HttpRequest request;
    request.method = "POST";
    request.url = std::move(url);
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!config_.api_key.empty()) request.headers.push_back({"Authorization", "Bearer " + config_.api_key});
    request.timeout = config_.timeout;
    std::string answer = send(std::move(request), config_.retry).body;
    if (config_.api_key.size() >= min_body_redaction) replace_all(answer, config_.api_key);
    return answer;
}

std::string EndpointClient::get(const std::string& url, std::size_t max_bytes) {
    if (!starts_with_http(url)) throw EndpointError("only http(s) URLs can be fetched, got '" + display_url(url) + "'", 0, false);
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.max_response_bytes = max_bytes;
    request.timeout = std::min(config_.timeout, config_.image_timeout);
    RetryPolicy policy = config_.retry;
    policy.max_retries = std::min(policy.max_retries, config_.image_retries);
    return send(std::move(request), policy).body;
}

HttpResponse EndpointClient::send(HttpRequest request, const RetryPolicy& policy) {
    const std::string where = request.method + " " + display_url(request.url);
    for (int retries = 0;; ++retries) {
        bool timed_out = false;
        std::string network_error;
        std::optional<std::string> retry_after;
        HttpResponse response;
        try {
            response = transport_.perform(request);
            if (response.status >= 200 && response.status < 300) return response;
            retry_after = response.header("retry-after");
            if (!config_.api_key.empty()) replace_all(response.body, config_.api_key);
        } catch (const NetworkError& e) {
            response = {};
            timed_out = e.timed_out();
            network_error = e.what();
        }

        std::unique_lock lock(mutex_);  // the clock, its random engine and on_retry are not shared unguarded
        const AttemptStep step = after_failed_attempt(
            policy, {where, retries, response.status, response.body, network_error, retry_after}, clock_.now(), clock_.jitter());
        if (!step.delay) throw EndpointError(redact(step.message), response.status, timed_out);
        if (on_retry) on_retry(redact(step.message));
        lock.unlock();
        clock_.sleep(*step.delay);
    }
}

}  // namespace vitrine::native
