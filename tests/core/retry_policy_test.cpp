// Specification of the retry policy: which statuses are retried, the jittered
// exponential backoff, and Retry-After in seconds and in all three HTTP-date forms.
#include <catch2/catch.hpp>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/retry_policy.hpp"

using namespace vitrine;

namespace {
// 1994-11-06T08:49:37Z, the RFC 9110 example date.
constexpr double example_date = 784111777.0;
}  // namespace

TEST_CASE("network errors, 408, 429 and 5xx are retried; 501, 505 and 4xx are not", "[retry]") {
    for (int status : {0, 408, 429, 500, 502, 503, 504, 599}) CHECK(is_retryable_status(status));
    for (int status : {200, 400, 401, 403, 404, 413, 422, 501, 505}) CHECK_FALSE(is_retryable_status(status));
}

TEST_CASE("backoff doubles from base_delay up to max_delay", "[retry]") {
    const RetryPolicy policy{.max_retries = 10, .base_delay = 0.5, .max_delay = 4.0};
    // jitter 0 gives the fixed half, jitter near 1 the whole step.
    CHECK(backoff_delay(policy, 0, 0.0) == Approx(0.25));
    CHECK(backoff_delay(policy, 1, 0.0) == Approx(0.5));
    CHECK(backoff_delay(policy, 2, 0.0) == Approx(1.0));
    CHECK(backoff_delay(policy, 3, 0.0) == Approx(2.0));
    CHECK(backoff_delay(policy, 9, 0.0) == Approx(2.0));
    CHECK(backoff_delay(policy, 9, 0.999) == Approx(3.998));
}

TEST_CASE("jitter spreads each step over its upper half", "[retry]") {
    const RetryPolicy policy;
    for (double jitter : {0.0, 0.25, 0.5, 0.75, 0.9999}) {
        const double delay = backoff_delay(policy, 2, jitter);
        CHECK(delay >= 1.0);
        CHECK(delay < 2.0);
    }
}

TEST_CASE("retry_delay gives up after max_retries and on final statuses", "[retry]") {
    const RetryPolicy policy{.max_retries = 2};
    CHECK(retry_delay(policy, 0, 503, std::nullopt, 0, 0.5));
    CHECK(retry_delay(policy, 1, 0, std::nullopt, 0, 0.5));
    CHECK_FALSE(retry_delay(policy, 2, 503, std::nullopt, 0, 0.5));
    CHECK_FALSE(retry_delay(policy, 0, 400, std::nullopt, 0, 0.5));
    CHECK_FALSE(retry_delay(RetryPolicy{.max_retries = 0}, 0, 429, std::nullopt, 0, 0.5));
}

TEST_CASE("Retry-After in seconds sets the minimum wait", "[retry]") {
    const RetryPolicy policy{.base_delay = 0.1};
    CHECK(*retry_delay(policy, 0, 429, "7", 0, 0.0) == Approx(7.0));
    // A shorter Retry-After than the backoff keeps the backoff.
    CHECK(*retry_delay(RetryPolicy{.base_delay = 4}, 0, 429, "1", 0, 0.0) == Approx(2.0));
    CHECK(*parse_retry_after(" 120 ", 0) == Approx(120.0));
    CHECK(*parse_retry_after("0", 0) == Approx(0.0));
}

TEST_CASE("Retry-After longer than max_retry_after is not waited for", "[retry]") {
    const RetryPolicy policy{.max_retry_after = 30};
    CHECK_FALSE(retry_delay(policy, 0, 503, "31", 0, 0.0));
    CHECK(retry_delay(policy, 0, 503, "30", 0, 0.0));
}

TEST_CASE("an unparseable Retry-After falls back to the backoff", "[retry]") {
    const RetryPolicy policy{.base_delay = 1};
    CHECK(*retry_delay(policy, 0, 429, "soon", 0, 0.0) == Approx(0.5));
    for (const char* bad : {"", "-5", "1.5", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 1994 08:49:37 GMT",
                            "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
                            "Someday, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT trailing"}) {
        INFO(bad);
        CHECK_FALSE(parse_retry_after(bad, 0));
    }
}

TEST_CASE("Retry-After as an IMF-fixdate counts from now", "[retry]") {
    CHECK(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", example_date - 5) == Approx(5.0));
    CHECK(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", example_date + 60) == Approx(0.0));
    CHECK(*parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 0) == Approx(10.0));
    CHECK(*parse_retry_after("Thu, 29 Feb 2024 12:00:00 GMT", 1709208000.0 - 3) == Approx(3.0));
}

TEST_CASE("Retry-After accepts the obsolete RFC 850 and asctime date forms", "[retry]") {
    CHECK(*parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", example_date - 2) == Approx(2.0));
    CHECK(*parse_retry_after("Sun Nov  6 08:49:37 1994", example_date - 2) == Approx(2.0));
}

TEST_CASE("a two-digit RFC 850 year more than 50 years ahead is in the past century", "[retry]") {
    const double y2030 = 1893456000.0;  // 2030-01-01T00:00:00Z
    CHECK(*parse_retry_after("Tuesday, 01-Jan-30 00:00:09 GMT", y2030) == Approx(9.0));
    CHECK(*parse_retry_after("Friday, 01-Jan-99 00:00:00 GMT", y2030) == Approx(0.0));  // 1999, long past
}

TEST_CASE("a policy or jitter out of range is refused", "[retry]") {
    CHECK_THROWS_AS(backoff_delay(RetryPolicy{.max_retries = -1}, 0, 0), Error);
    CHECK_THROWS_AS(backoff_delay(RetryPolicy{.base_delay = -1}, 0, 0), Error);
    CHECK_THROWS_AS(backoff_delay(RetryPolicy{}, 0, 1.0), Error);
    CHECK_THROWS_AS(backoff_delay(RetryPolicy{}, 0, -0.1), Error);
}
