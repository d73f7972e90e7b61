// failure.hpp — how a core error crosses into JavaScript.
//
//   return guarded([&] { return open_index(bytes); });   // nullptr / undefined on failure
//
// Every binding that can fail runs its body through guarded(). A C++ exception is
// caught here, at the boundary, and never travels through JS: its kind and message
// are kept, the binding returns an empty result (null or undefined), and the JS layer
// reads them with take_failure() and throws a JS Error (js/errors.js). The core is
// compiled with exceptions on, so the stack unwinds and frees on the way here: the
// module keeps working, and leaks nothing, after any refused input.
#pragma once

#include <emscripten/val.h>

#include <type_traits>

namespace vitrine::wasm {

// Records the exception being handled (call only inside a catch block).
void remember_current_exception();

// {kind, message} of the last failure, which is then forgotten.
emscripten::val take_failure();

template <typename Body>
auto guarded(Body&& body) -> decltype(body()) {
    using Result = decltype(body());
    try {
        return body();
    } catch (...) {
        remember_current_exception();
    }
    if constexpr (std::is_same_v<Result, emscripten::val>)
        return emscripten::val::undefined();
    else
        return Result{};
}

}  // namespace vitrine::wasm
