// vitrine/hosted/retry_policy.hpp — whether to retry a call to the hosted endpoint, and
// how long to wait first.
//
//   vitrine::RetryPolicy policy;   // 3 retries; 0.5 s doubling up to 8 s; Retry-After up to 60 s
//   auto wait = vitrine::retry_delay(policy, retries_done, status, retry_after_header, now, jitter);
//   if (!wait) report the failure; else sleep *wait seconds and send again.
//
// Pure: the transport (libcurl natively, fetch in JS) supplies the clock (Unix
// seconds) and the random jitter in [0, 1), so both decide identically.
// Retried: network errors and timeouts (pass status 0), 408, 429 and 5xx except
// 501 and 505 (those will not change on a retry). Backoff is base_delay * 2^retry,
// capped at max_delay, with "equal jitter" (half fixed, half random) so clients
// spread out but never hammer the server at once. A Retry-After header
// (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) sets the minimum wait; one
// asking for more than max_retry_after is not waited for: the call fails at once.
// An unparseable Retry-After is ignored (plain backoff).
//
// Refuses (Error, kind invalid_argument): a policy with negative retries, delays
// that are negative or not finite, and jitter outside [0, 1).
#pragma once

#include <optional>
#include <string_view>

namespace vitrine {

struct RetryPolicy {
    int max_retries = 3;            // so at most 1 + max_retries attempts
    double base_delay = 0.5;        // seconds, before jitter, ahead of the first retry
    double max_delay = 8.0;         // cap on the exponential backoff, seconds
    double max_retry_after = 60.0;  // longest Retry-After the caller will wait, seconds
};

// 0 (no response: network error or timeout), 408, 429, and 5xx but 501 and 505.
bool is_retryable_status(int status) noexcept;

// Seconds from now_unix_seconds until the time a Retry-After value names (0 if
// it is in the past); nullopt when the value is neither form.
std::optional<double> parse_retry_after(std::string_view value, double now_unix_seconds);

// The jittered exponential backoff ahead of retry number `retry` (0 = the first).
double backoff_delay(const RetryPolicy& policy, int retry, double jitter);

// Seconds to wait before the next attempt, or nullopt to give up: the status is
// final, max_retries are used up, or Retry-After asks for too long.
std::optional<double> retry_delay(const RetryPolicy& policy, int retries_done, int status,
                                  std::optional<std::string_view> retry_after, double now_unix_seconds,
                                  double jitter);

}  // namespace vitrine
