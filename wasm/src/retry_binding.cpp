// retry_binding.cpp — the core's retry decision for js/transport.js, so fetch waits
// exactly as libcurl does natively. JS supplies the clock and the jitter.
#include <optional>
#include <string>

#include "failure.hpp"
#include "hosted_functions.hpp"
#include "js_fields.hpp"
#include "vitrine/hosted/retry_policy.hpp"

namespace vitrine::wasm {

using emscripten::val;

val retry_delay(const val& policy, const val& attempt) {
    return guarded([&] {
        const RetryPolicy p{policy["maxRetries"].as<int>(), policy["baseDelay"].as<double>(),
                            policy["maxDelay"].as<double>(), policy["maxRetryAfter"].as<double>()};
        const std::optional<std::string> header = field<std::string>(attempt, "retryAfter");
        const double now = attempt["now"].as<double>();
        const auto delay = vitrine::retry_delay(p, attempt["retriesDone"].as<int>(), attempt["status"].as<int>(), header,
                                                now, attempt["jitter"].as<double>());
        const auto asked = header ? parse_retry_after(*header, now) : std::nullopt;
        val out = val::object();
        out.set("delay", delay ? val(*delay) : val::null());
        out.set("retryAfter", asked ? val(*asked) : val::null());
        return out;
    });
}

}  // namespace vitrine::wasm
