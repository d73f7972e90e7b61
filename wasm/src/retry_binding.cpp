// retry_binding.cpp — the core's step after a failed attempt for js/transport.js, so
// fetch waits exactly as libcurl does natively and its failures read the same. JS
// supplies the clock and the jitter.
#include <optional>
#include <string>

#include "failure.hpp"
#include "hosted_functions.hpp"
#include "js_fields.hpp"
#include "vitrine/hosted/failed_attempt.hpp"

namespace vitrine::wasm {

using emscripten::val;

val after_failed_attempt(const val& policy, const val& attempt) {
    return guarded([&] {
        const RetryPolicy p{policy["maxRetries"].as<int>(), policy["baseDelay"].as<double>(),
                            policy["maxDelay"].as<double>(), policy["maxRetryAfter"].as<double>()};
        const std::string where = attempt["where"].as<std::string>();
        const std::string body = field<std::string>(attempt, "body").value_or("");
        const std::string network_error = field<std::string>(attempt, "networkError").value_or("");
        const std::optional<std::string> retry_after = field<std::string>(attempt, "retryAfter");
        const AttemptStep step =
            vitrine::after_failed_attempt(p, {where, attempt["retriesDone"].as<int>(), attempt["status"].as<int>(), body,
                                              network_error, retry_after},
                                          attempt["now"].as<double>(), attempt["jitter"].as<double>());
        val out = val::object();
        out.set("delay", step.delay ? val(*step.delay) : val::null());
        out.set("message", step.message);
        out.set("bodySnippet", step.body_snippet);
        return out;
    });
}

}  // namespace vitrine::wasm
