// vitrine/native/http_transport.hpp — the seam between the native pipeline and
// the network: one HTTP exchange, no retries, no credentials of its own.
//
//   vitrine::native::CurlTransport curl;                 // curl_transport.hpp
//   HttpResponse r = curl.perform({.method = "POST", .url = url, .headers = {...}, .body = json});
//
// perform() returns any response the server completes, whatever its status
// (retrying, auth and error wording are EndpointClient's job), and throws
// NetworkError when there is none: refused or reset connections, DNS failures,
// timeouts, bodies cut short, bodies over max_response_bytes. Tests substitute
// a fake transport to drive the pipeline without a network.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::native {

struct HttpHeader {
    std::string name = {};
    std::string value = {};
};

struct HttpRequest {
    std::string method = "POST";  // "POST" or "GET"
    std::string url = {};
    std::vector<HttpHeader> headers = {};
    std::string body = {};  // POST only
    std::chrono::milliseconds timeout{30'000};  // the whole exchange
    std::size_t max_response_bytes = std::size_t{64} << 20;
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers = {};  // names in lower case; a repeated header keeps its last value
    std::string body = {};

    std::optional<std::string> header(std::string_view lower_case_name) const;
};

// No response to speak of. The message names the cause, never a header value.
class NetworkError : public std::runtime_error {
public:
    NetworkError(const std::string& message, bool timed_out) : std::runtime_error(message), timed_out_(timed_out) {}
    bool timed_out() const noexcept { return timed_out_; }

private:
    bool timed_out_;
};

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    virtual HttpResponse perform(const HttpRequest& request) = 0;
};

}  // namespace vitrine::native
