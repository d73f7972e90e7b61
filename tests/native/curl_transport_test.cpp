// Specification of the libcurl transport against a one-shot HTTP responder on
// loopback: what it sends, what it returns, and each way an exchange can fail.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "vitrine/native/curl_transport.hpp"

using namespace vitrine::native;

namespace {

// Accepts one connection, reads the request, waits `delay`, writes `reply` verbatim, closes.
class OneShotServer {
public:
    explicit OneShotServer(std::string reply, std::chrono::milliseconds delay = {}) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(listener_, 1) == 0);
        REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this, reply = std::move(reply), delay] { serve(reply, delay); });
    }
    ~OneShotServer() {
        finish();
        ::close(listener_);
    }
    std::string url(const std::string& path = "/v1/rerank") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    // What the server read; waits for it to finish first.
    const std::string& request() {
        finish();
        return request_;
    }

private:
    void finish() {
        ::shutdown(listener_, SHUT_RDWR);
        if (thread_.joinable()) thread_.join();
    }

    void serve(const std::string& reply, std::chrono::milliseconds delay) {
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        char buffer[4096];
        std::size_t wanted = std::string::npos;
        while (request_.size() < wanted) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            request_.append(buffer, static_cast<std::size_t>(n));
            const std::size_t head_end = request_.find("\r\n\r\n");
            if (head_end != std::string::npos && wanted == std::string::npos) {
                const std::size_t field = request_.find("Content-Length: ");
                wanted = head_end + 4 + (field < head_end ? std::stoul(request_.substr(field + 16)) : 0);
            }
        }
        std::this_thread::sleep_for(delay);
        ::send(client, reply.data(), reply.size(), MSG_NOSIGNAL);
        ::close(client);
    }

    int listener_ = -1;
    unsigned short port_ = 0;
    std::thread thread_;
    std::string request_;
};

std::string http_response(const std::string& status_line, const std::string& headers, const std::string& body) {
    return "HTTP/1.1 " + status_line + "\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

NetworkError network_error(CurlTransport& transport, const HttpRequest& request) {
    try {
        transport.perform(request);
    } catch (const NetworkError& e) {
        return e;
    }
    FAIL("no NetworkError was thrown");
    return NetworkError("", false);
}

}  // namespace

TEST_CASE("a POST sends its headers and body and returns status, headers and body", "[curl]") {
    OneShotServer server(http_response("429 Too Many Requests", "Retry-After: 7\r\nX-Mixed-Case: yes\r\n", "{\"slow\":1}"));
    CurlTransport transport;
    const HttpResponse response = transport.perform(
        {.method = "POST", .url = server.url(), .headers = {{"Authorization", "Bearer k"}}, .body = "{\"q\":1}"});
    CHECK(response.status == 429);
    CHECK(response.body == "{\"slow\":1}");
    CHECK(response.header("retry-after") == "7");
    CHECK(response.header("x-mixed-case") == "yes");
    CHECK_THAT(server.request(), Catch::StartsWith("POST /v1/rerank HTTP/1.1\r\n"));
    CHECK_THAT(server.request(), Catch::Contains("Authorization: Bearer k\r\n"));
    CHECK_THAT(server.request(), !Catch::Contains("Expect:"));
    CHECK_THAT(server.request(), Catch::EndsWith("\r\n\r\n{\"q\":1}"));
}

TEST_CASE("a GET returns the body", "[curl]") {
    OneShotServer server(http_response("200 OK", "", "jpeg bytes"));
    CurlTransport transport;
    CHECK(transport.perform({.method = "GET", .url = server.url("/p.jpg")}).body == "jpeg bytes");
    CHECK_THAT(server.request(), Catch::StartsWith("GET /p.jpg HTTP/1.1\r\n"));
}

TEST_CASE("a body cut short of its Content-Length is a network error", "[curl]") {
    OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"results\":");
    CurlTransport transport;
    const NetworkError e = network_error(transport, {.url = server.url(), .body = "{}"});
    CHECK_FALSE(e.timed_out());
    CHECK_THAT(e.what(), Catch::Contains("cut short"));
}

TEST_CASE("an answer slower than the timeout is a timed-out network error", "[curl]") {
    OneShotServer server(http_response("200 OK", "", "{}"), std::chrono::milliseconds(800));
    CurlTransport transport;
    const auto started = std::chrono::steady_clock::now();
    const NetworkError e = network_error(transport, {.url = server.url(), .body = "{}", .timeout = std::chrono::milliseconds(200)});
    CHECK(e.timed_out());
    CHECK_THAT(e.what(), Catch::Contains("timed out after 200 ms"));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(700));
}

TEST_CASE("a closed connection without an answer is a network error", "[curl]") {
    OneShotServer server("");
    CurlTransport transport;
    CHECK_FALSE(network_error(transport, {.url = server.url(), .body = "{}"}).timed_out());
}

TEST_CASE("a refused connection is a network error", "[curl]") {
    std::string url;
    {
        OneShotServer gone(http_response("200 OK", "", ""));
        url = gone.url();
        CurlTransport{}.perform({.method = "GET", .url = url});
    }
    CurlTransport transport;
    CHECK_THAT(network_error(transport, {.method = "GET", .url = url}).what(), Catch::Contains("onnect"));
}

TEST_CASE("a body over max_response_bytes is refused", "[curl]") {
    OneShotServer server(http_response("200 OK", "", std::string(5000, 'x')));
    CurlTransport transport;
    CHECK_THAT(network_error(transport, {.method = "GET", .url = server.url(), .max_response_bytes = 1000}).what(),
               Catch::Contains("larger than 1000 bytes"));
}

TEST_CASE("schemes other than http and https are refused", "[curl]") {
    CurlTransport transport;
    CHECK_THROWS_AS(transport.perform({.method = "GET", .url = "file:///etc/hostname"}), NetworkError);
}

TEST_CASE("a POST carrying the key does not follow a redirect: the 3xx is the answer", "[curl]") {
    OneShotServer elsewhere(http_response("200 OK", "", "{}"));
    OneShotServer server(http_response("307 Temporary Redirect", "Location: " + elsewhere.url() + "\r\n", ""));
    CurlTransport transport;
    const HttpResponse response = transport.perform(
        {.method = "POST", .url = server.url(), .headers = {{"Authorization", "Bearer sk-secret"}}, .body = "{}"});
    CHECK(response.status == 307);
    CHECK(elsewhere.request().empty());
}

TEST_CASE("a GET with an Authorization header does not follow a redirect", "[curl]") {
    OneShotServer elsewhere(http_response("200 OK", "", "jpeg bytes"));
    OneShotServer server(http_response("302 Found", "Location: " + elsewhere.url("/p.jpg") + "\r\n", ""));
    CurlTransport transport;
    const HttpResponse response = transport.perform(
        {.method = "GET", .url = server.url("/p.jpg"), .headers = {{"authorization", "Bearer sk-secret"}}});
    CHECK(response.status == 302);
    CHECK(elsewhere.request().empty());
}

TEST_CASE("a GET without credentials follows a redirect", "[curl]") {
    OneShotServer elsewhere(http_response("200 OK", "", "jpeg bytes"));
    OneShotServer server(http_response("302 Found", "Location: " + elsewhere.url("/p.jpg") + "\r\n", ""));
    CurlTransport transport;
    CHECK(transport.perform({.method = "GET", .url = server.url("/p.jpg")}).body == "jpeg bytes");
    CHECK_THAT(elsewhere.request(), Catch::StartsWith("GET /p.jpg HTTP/1.1\r\n"));
}
