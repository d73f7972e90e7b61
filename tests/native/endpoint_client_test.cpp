// Specification of the endpoint client: auth, retries with backoff and
// Retry-After, final errors with status and snippet, and a key that never leaks.
#include <catch2/catch.hpp>

#include "native_test_support.hpp"
#include "vitrine/native/endpoint_client.hpp"

using namespace vitrine;
using native::EndpointClient;
using native::EndpointError;

namespace {

constexpr const char* key = "sk-live-SECRET-0123456789";

struct Fixture {
    test::FakeTransport transport;
    test::FakeClock clock;
    EndpointClient client{{.base_url = "http://127.0.0.1:9/v1/", .api_key = key}, transport, clock.clock()};
    std::vector<std::string> notes;
    Fixture() {
        client.on_retry = [this](const std::string& note) { notes.push_back(note); };
    }
};

// Runs call and returns the EndpointError it must throw.
template <class Call>
EndpointError endpoint_error(Call&& call) {
    try {
        call();
    } catch (const EndpointError& e) {
        return e;
    }
    FAIL("no EndpointError was thrown");
    return EndpointError("", 0, false);
}

}  // namespace

TEST_CASE("a POST goes to base + path with bearer auth and JSON headers", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(200, "{\"ok\":true}"); };
    CHECK(f.client.post_json("/rerank", "{}") == "{\"ok\":true}");
    const native::HttpRequest& sent = f.transport.requests.at(0);
    CHECK(sent.method == "POST");
    CHECK(sent.url == "http://127.0.0.1:9/v1/rerank");
    CHECK(sent.timeout == std::chrono::milliseconds(30'000));
    const auto has = [&](const std::string& name, const std::string& value) {
        for (const auto& h : sent.headers)
            if (h.name == name && h.value == value) return true;
        return false;
    };
    CHECK(has("Authorization", std::string("Bearer ") + key));
    CHECK(has("Content-Type", "application/json"));
}

TEST_CASE("without a key no Authorization header is sent", "[endpoint_client]") {
    test::FakeTransport transport;
    transport.handler = [](const native::HttpRequest&) { return test::respond(200, "{}"); };
    EndpointClient client({.base_url = "https://host/v1"}, transport);
    client.post_json("embeddings", "{}");
    for (const auto& h : transport.requests.at(0).headers) CHECK(h.name != "Authorization");
}

TEST_CASE("429 is retried after the Retry-After it asks for", "[endpoint_client]") {
    Fixture f;
    int calls = 0;
    f.transport.handler = [&](const native::HttpRequest&) {
        return ++calls <= 2 ? test::respond(429, "{}", {{"retry-after", "3"}}) : test::respond(200, "done");
    };
    CHECK(f.client.post_json("rerank", "{}") == "done");
    CHECK(f.clock.sleeps == std::vector<double>{3.0, 3.0});
    REQUIRE(f.notes.size() == 2);
    CHECK_THAT(f.notes[0], Catch::Contains("HTTP 429, retrying in 3.0 s (attempt 2 of 4)"));
}

TEST_CASE("Retry-After as an HTTP-date is honoured", "[endpoint_client]") {
    Fixture f;
    f.clock.now = 784111777.0 - 4;  // 4 s before Sun, 06 Nov 1994 08:49:37 GMT
    int calls = 0;
    f.transport.handler = [&](const native::HttpRequest&) {
        return ++calls == 1 ? test::respond(503, "", {{"retry-after", "Sun, 06 Nov 1994 08:49:37 GMT"}})
                            : test::respond(200, "ok");
    };
    CHECK(f.client.post_json("rerank", "{}") == "ok");
    CHECK(f.clock.sleeps == std::vector<double>{4.0});
}

TEST_CASE("5xx and network errors back off exponentially, then fail with the status and attempts", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(502, "{\"error\":\"bad gateway\"}"); };
    const EndpointError e = endpoint_error([&] { f.client.post_json("rerank", "{}"); });
    CHECK(e.status() == 502);
    CHECK(f.transport.requests.size() == 4);
    CHECK(f.clock.sleeps == std::vector<double>{0.375, 0.75, 1.5});  // jitter 0.5: 3/4 of 0.5, 1, 2
    CHECK_THAT(e.what(), Catch::Contains("POST http://127.0.0.1:9/v1/rerank failed after 4 attempts: HTTP 502"));
    CHECK_THAT(e.what(), Catch::Contains("body: {\"error\":\"bad gateway\"}"));
}

TEST_CASE("a timeout is a retried network error, reported as timed out", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) -> native::HttpResponse {
        throw native::NetworkError("timed out after 30000 ms", true);
    };
    const EndpointError e = endpoint_error([&] { f.client.post_json("rerank", "{}"); });
    CHECK(e.status() == 0);
    CHECK(e.timed_out());
    CHECK(f.transport.requests.size() == 4);
    CHECK_THAT(e.what(), Catch::Contains("timed out after 30000 ms"));
}

TEST_CASE("4xx other than 408 and 429 fail at once", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(401, "{\"error\":{\"message\":\"no\"}}"); };
    const EndpointError e = endpoint_error([&] { f.client.post_json("rerank", "{}"); });
    CHECK(e.status() == 401);
    CHECK(f.transport.requests.size() == 1);
    CHECK_THAT(e.what(), Catch::Contains("failed: HTTP 401"));
}

TEST_CASE("a Retry-After longer than allowed fails at once and says so", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(429, "", {{"retry-after", "600"}}); };
    const EndpointError e = endpoint_error([&] { f.client.post_json("rerank", "{}"); });
    CHECK(f.transport.requests.size() == 1);
    CHECK_THAT(e.what(), Catch::Contains("asked to retry after 600.0 s, longer than the 60.0 s allowed"));
}

TEST_CASE("the key never appears in errors, retry notes or returned bodies", "[endpoint_client]") {
    Fixture f;
    int calls = 0;
    f.transport.handler = [&](const native::HttpRequest& r) {
        std::string auth;
        for (const auto& h : r.headers)
            if (h.name == "Authorization") auth = h.value;
        if (++calls == 1) return test::respond(200, "{\"echo\":\"" + auth + "\"}");
        return test::respond(500, std::string(150, 'x') + auth);  // the key straddles the snippet's cut
    };
    const std::string body = f.client.post_json("rerank", "{}");
    CHECK(body == "{\"echo\":\"Bearer [redacted]\"}");
    const EndpointError e = endpoint_error([&] { f.client.post_json("rerank", "{}"); });
    CHECK_THAT(e.what(), !Catch::Contains("SECRET"));
    for (const auto& note : f.notes) CHECK_THAT(note, !Catch::Contains("SECRET"));
    CHECK(f.client.redact(std::string("key=") + key) == "key=[redacted]");
}

TEST_CASE("a GET carries no credentials and follows the caller's size cap", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(200, "jpeg"); };
    CHECK(f.client.get("https://cdn.example/p.jpg", 1234) == "jpeg");
    const auto& sent = f.transport.requests.at(0);
    CHECK(sent.method == "GET");
    CHECK(sent.headers.empty());
    CHECK(sent.max_response_bytes == 1234);
    CHECK_THROWS_AS(f.client.get("file:///etc/passwd"), EndpointError);
}

TEST_CASE("a GET has a shorter timeout and fewer retries than API calls", "[endpoint_client]") {
    Fixture f;
    f.transport.handler = [](const native::HttpRequest&) { return test::respond(503, ""); };
    CHECK_THROWS_AS(f.client.get("https://cdn.example/p.jpg"), EndpointError);
    CHECK(f.transport.requests.size() == 2);
    CHECK(f.transport.requests[0].timeout == std::chrono::milliseconds(10'000));
}

TEST_CASE("messages show URLs without user info, query or fragment", "[endpoint_client]") {
    CHECK(native::display_url("https://user:pw@host:8443/v1/rerank?key=1#x") == "https://host:8443/v1/rerank");
    CHECK(native::display_url("http://host") == "http://host");
}

TEST_CASE("a base URL that is not http(s) is refused", "[endpoint_client]") {
    test::FakeTransport transport;
    CHECK_THROWS_WITH(EndpointClient({.base_url = "ftp://host/v1"}, transport), Catch::Contains("must start with http"));
}
