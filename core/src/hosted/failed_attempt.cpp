// hosted/failed_attempt.cpp — see vitrine/hosted/failed_attempt.hpp.
#include "vitrine/hosted/failed_attempt.hpp"

#include <algorithm>
#include <cstdio>

namespace vitrine {
namespace {

constexpr std::size_t snippet_bytes = 160;

// One line of printable text: control bytes become spaces, and the cut never splits a
// UTF-8 sequence.
std::string snippet(std::string_view body) {
    std::string out;
    std::size_t end = std::min(body.size(), snippet_bytes);
    while (end < body.size() && end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0u) == 0x80u) --end;
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(body[i]);
        out += byte < 0x20 || byte == 0x7F ? ' ' : static_cast<char>(byte);
    }
    if (end < body.size()) out += "...";
    return out;
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

}  // namespace

AttemptStep after_failed_attempt(const RetryPolicy& policy, const FailedAttempt& attempt, double now, double jitter) {
    AttemptStep step;
    step.delay = retry_delay(policy, attempt.retries_done, attempt.status, attempt.retry_after, now, jitter);
    step.body_snippet = snippet(attempt.body);
    const std::string status = "HTTP " + std::to_string(attempt.status);
    const std::string where(attempt.where);
    if (step.delay) {
        step.message = where + ": " + (attempt.status ? status : std::string(attempt.network_error)) + ", retrying in " +
                       seconds_text(*step.delay) + " (attempt " + std::to_string(attempt.retries_done + 2) + " of " +
                       std::to_string(policy.max_retries + 1) + ")";
        return step;
    }
    step.message = where + " failed";
    if (attempt.retries_done > 0) step.message += " after " + std::to_string(attempt.retries_done + 1) + " attempts";
    step.message += ": ";
    if (attempt.status == 0) {
        step.message += attempt.network_error;
    } else {
        step.message += status;
        if (!step.body_snippet.empty()) step.message += " — body: " + step.body_snippet;
    }
    const std::optional<double> asked = attempt.retry_after ? parse_retry_after(*attempt.retry_after, now) : std::nullopt;
    if (asked && *asked > policy.max_retry_after && is_retryable_status(attempt.status) &&
        attempt.retries_done < policy.max_retries)
        step.message += " (it asked to retry after " + seconds_text(*asked) + ", longer than the " +
                        seconds_text(policy.max_retry_after) + " allowed)";
    return step;
}

}  // namespace vitrine
