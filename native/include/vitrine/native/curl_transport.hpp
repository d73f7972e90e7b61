// vitrine/native/curl_transport.hpp — HttpTransport over libcurl.
//
//   vitrine::native::CurlTransport transport;   // connection caches, reused
//   auto response = transport.perform(request);
//
// http and https only (redirects too); TLS peers are verified; gzip/deflate
// bodies are accepted and decoded; GETs follow up to 5 redirects, POSTs none
// (a redirected POST would carry the Authorization header elsewhere). The
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
