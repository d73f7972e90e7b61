// endpoint_client.cpp — auth, retry loop and error wording over an HttpTransport;
// concurrent calls share the clock under a mutex.
// See vitrine/native/endpoint_client.hpp for what it does and refuses.
#include "vitrine/native/endpoint_client.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

namespace vitrine::native {
namespace {

constexpr std::string_view redaction = "[redacted]";
constexpr std::size_t min_body_redaction = 8;
constexpr std::size_t snippet_bytes = 160;

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

// One line of printable text: control bytes become spaces, and the cut never
// splits a UTF-8 sequence.
std::string snippet(std::string_view body) {
    std::string out;
    std::size_t end = std::min(body.size(), snippet_bytes);
    while (end < body.size() && end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0u) == 0x80u) --end;
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(body[i]);
        out += byte < 0x20 || byte == 0x7F ? ' ' : static_cast<char>(byte);
    }
    if (end < body.size()) out += "...";
    return out;
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
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
        int status = 0;
        bool timed_out = false;
        std::string cause;
        std::optional<std::string> retry_after;
        try {
            HttpResponse response = transport_.perform(request);
            if (response.status >= 200 && response.status < 300) return response;
            status = response.status;
            retry_after = response.header("retry-after");
            std::string body = response.body;
            if (!config_.api_key.empty()) replace_all(body, config_.api_key);
            cause = "HTTP " + std::to_string(status) + (body.empty() ? "" : " — body: " + snippet(body));
        } catch (const NetworkError& e) {
            timed_out = e.timed_out();
            cause = e.what();
        }

        std::unique_lock lock(mutex_);  // the clock, its random engine and on_retry are not shared unguarded
        const double now = clock_.now();
        const std::optional<double> delay = retry_delay(policy, retries, status, retry_after, now, clock_.jitter());
        if (!delay) {
            std::string message = where + " failed";
            if (retries > 0) message += " after " + std::to_string(retries + 1) + " attempts";
            message += ": " + cause;
            const std::optional<double> asked = retry_after ? parse_retry_after(*retry_after, now) : std::nullopt;
            if (asked && *asked > policy.max_retry_after && is_retryable_status(status) && retries < policy.max_retries)
                message += " (it asked to retry after " + seconds_text(*asked) + ", longer than the " +
                           seconds_text(policy.max_retry_after) + " allowed)";
            throw EndpointError(redact(message), status, timed_out);
        }
        if (on_retry)
            on_retry(redact(where + ": " + (status ? "HTTP " + std::to_string(status) : cause) + ", retrying in " +
                            seconds_text(*delay) + " (attempt " + std::to_string(retries + 2) + " of " +
                            std::to_string(policy.max_retries + 1) + ")"));
        lock.unlock();
        clock_.sleep(*delay);
    }
}

}  // namespace vitrine::native
