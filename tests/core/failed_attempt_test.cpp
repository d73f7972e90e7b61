// Specification of the step after a failed attempt: the one wording of retry notes and
// failures that libcurl and fetch both show.
#include <catch2/catch.hpp>

#include "vitrine/hosted/failed_attempt.hpp"

using namespace vitrine;

TEST_CASE("a retryable failure with retries left waits and says which attempt comes next", "[retry]") {
    const AttemptStep step = after_failed_attempt({}, {.where = "POST http://h/v1/rerank", .status = 503, .body = "busy"}, 0, 0.5);
    REQUIRE(step.delay);
    CHECK(step.message == "POST http://h/v1/rerank: HTTP 503, retrying in 0.4 s (attempt 2 of 4)");
}

TEST_CASE("a final failure names the attempts, the status and one printable line of the body", "[retry]") {
    const std::string body = "line one\nline two " + std::string(200, 'x');
    const AttemptStep step =
        after_failed_attempt({}, {.where = "POST http://h/v1/rerank", .retries_done = 3, .status = 503, .body = body}, 0, 0);
    CHECK_FALSE(step.delay);
    CHECK(step.body_snippet.size() == 163);
    CHECK(step.body_snippet.substr(0, 18) == "line one line two ");
    CHECK(step.body_snippet.ends_with("..."));
    CHECK(step.message == "POST http://h/v1/rerank failed after 4 attempts: HTTP 503 — body: " + step.body_snippet);
}

TEST_CASE("a cut body never splits a UTF-8 sequence", "[retry]") {
    const std::string body = std::string(159, 'a') + "é" + "tail";  // é straddles byte 160
    const AttemptStep step = after_failed_attempt({}, {.where = "GET u", .status = 400, .body = body}, 0, 0);
    CHECK(step.body_snippet == std::string(159, 'a') + "...");
}

TEST_CASE("a network error is named as it is; a Retry-After beyond the limit is said to have ended the call", "[retry]") {
    const AttemptStep network = after_failed_attempt({.max_retries = 0}, {.where = "GET u", .network_error = "timed out"}, 0, 0);
    CHECK(network.message == "GET u failed: timed out");
    const AttemptStep asked = after_failed_attempt({}, {.where = "GET u", .status = 429, .retry_after = "90"}, 0, 0);
    CHECK_FALSE(asked.delay);
    CHECK(asked.message == "GET u failed: HTTP 429 (it asked to retry after 90.0 s, longer than the 60.0 s allowed)");
}
