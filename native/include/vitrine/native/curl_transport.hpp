// vitrine/native/curl_transport.hpp — HttpTransport over libcurl.
//
//   vitrine::native::CurlTransport transport;   // connection caches, reused
//   auto response = transport.perform(request);
//
// http and https only (redirects too); TLS peers are verified; gzip/deflate
// bodies are accepted and decoded; GETs without credentials follow up to 5
// redirects; POSTs, and any request with an Authorization, Proxy-Authorization or
// Cookie header, follow none: the 3xx is returned as the response, so the key
// never reaches a host the Location names. The
// timeout covers the whole exchange; connecting gets at most 10 s of it.
// Thread-safe: concurrent calls each take an easy handle of a small pool (made on
// demand, kept for reuse with its connection cache).
#pragma once

#include <memory>

#include "vitrine/native/http_transport.hpp"

namespace vitrine::native {

class CurlTransport final : public HttpTransport {
public:
    CurlTransport();
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    HttpResponse perform(const HttpRequest& request) override;

    struct Handles;

private:
    std::unique_ptr<Handles> handles_;
};

}  // namespace vitrine::native
