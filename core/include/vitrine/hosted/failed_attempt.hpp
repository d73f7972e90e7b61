// vitrine/hosted/failed_attempt.hpp — what a call to the endpoint does and says after an
// attempt fails: wait and retry (with a note for the log), or give up (with the error).
//
//   vitrine::AttemptStep step = vitrine::after_failed_attempt(policy,
//       {.where = "POST https://host/v1/rerank", .retries_done = 0, .status = 503, .body = body}, now, jitter);
//   if (step.delay) { log(step.message); sleep(*step.delay); } else throw EndpointError(step.message, ...);
//
// The one wording of every transport (libcurl natively, fetch in JS), so a failure reads
// the same everywhere: "POST … failed after 4 attempts: HTTP 503 — body: …", with
// "(it asked to retry after 90.0 s, longer than the 60.0 s allowed)" when Retry-After
// ended it, and "POST …: HTTP 503, retrying in 0.6 s (attempt 2 of 4)" for each retry.
// The body appears as one printable line of at most 160 bytes (never a split UTF-8
// sequence). Callers pass the body with the API key already replaced, and redact the
// message again for text the key could hide in (a network error naming a URL).
// Refuses what retry_delay refuses (a bad policy or jitter).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vitrine/hosted/retry_policy.hpp"

namespace vitrine {

struct FailedAttempt {
    std::string_view where = {};                       // method and display URL (no user info, no query)
    int retries_done = 0;
    int status = 0;                                    // 0: no response (a network error or a timeout)
    std::string_view body = {};                        // the response's, key redacted
    std::string_view network_error = {};               // what failed, when status is 0
    std::optional<std::string_view> retry_after = {};  // the response's Retry-After header
};

struct AttemptStep {
    std::optional<double> delay;  // seconds to wait before the next attempt; none: give up
    std::string message;          // the retry note, or the failure's message
    std::string body_snippet;     // the body as the message quotes it
};

AttemptStep after_failed_attempt(const RetryPolicy& policy, const FailedAttempt& attempt, double now_unix_seconds,
                                 double jitter);

}  // namespace vitrine
