// native_test_support.hpp — a scripted HttpTransport, an instant retry clock,
// temporary directories and small PNG product photos for the native tests.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#include "vitrine/native/endpoint_client.hpp"
#include "vitrine/native/http_transport.hpp"

namespace vitrine::test {

// Answers each request with `handler`, and keeps every request it saw.
struct FakeTransport : native::HttpTransport {
    std::function<native::HttpResponse(const native::HttpRequest&)> handler;
    std::vector<native::HttpRequest> requests;

    std::mutex mutex;  // rerank batches call at once: a handler they reach must be thread-safe

    native::HttpResponse perform(const native::HttpRequest& request) override {
        {
            const std::lock_guard lock(mutex);
            requests.push_back(request);
        }
        return handler(request);
    }
    std::size_t count(const std::string& url_suffix) const {
        std::size_t n = 0;
        for (const auto& r : requests) n += r.url.size() >= url_suffix.size() &&
                                            r.url.compare(r.url.size() - url_suffix.size(), url_suffix.size(), url_suffix) == 0;
        return n;
    }
};

inline native::HttpResponse respond(int status, std::string body, std::map<std::string, std::string> headers = {}) {
    native::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

// A clock at a fixed time whose sleeps return at once and are recorded.
struct FakeClock {
    double now = 1'700'000'000.0;
    std::vector<double> sleeps;
    std::mutex mutex;

    native::RetryClock clock() {
        return {[this] { return now; },
                [this](double s) {
                    const std::lock_guard lock(mutex);
                    sleeps.push_back(s);
                },
                [] { return 0.5; }};
    }
};

// A fresh directory under the system temp dir, removed with the object.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "vitrine-native-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// A width x height PNG of one colour.
inline std::vector<std::uint8_t> png(int width, int height, std::uint8_t shade = 128) {
    const std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 3, shade);
    std::vector<std::uint8_t> out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            auto* bytes = static_cast<std::uint8_t*>(data);
            static_cast<std::vector<std::uint8_t>*>(context)->insert(
                static_cast<std::vector<std::uint8_t>*>(context)->end(), bytes, bytes + size);
        },
        &out, width, height, 3, pixels.data(), width * 3);
    return out;
}

}  // namespace vitrine::test
