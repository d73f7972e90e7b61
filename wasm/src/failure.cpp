// failure.cpp — keeps the last core error for the JS layer (see failure.hpp).
#include "failure.hpp"

#include <exception>
#include <new>
#include <string>
#include <utility>

#include "vitrine/base/error.hpp"

namespace vitrine::wasm {
namespace {

// One module instance runs one call at a time, so one slot is enough.
struct Failure {
    std::string kind;
    std::string message;
};
Failure last_failure;

}  // namespace

void remember_current_exception() {
    try {
        throw;
    } catch (const Error& e) {
        last_failure = {to_string(e.kind()), e.what()};
    } catch (const std::bad_alloc&) {
        last_failure = {"out_of_memory", "out of WebAssembly memory (the heap cannot grow any further)"};
    } catch (const std::exception& e) {
        last_failure = {"internal", e.what()};
    } catch (...) {
        last_failure = {"internal", "an unknown C++ exception"};
    }
}

emscripten::val take_failure() {
    // Moved out, so the strings' heap memory is released before the JS Error exists.
    const Failure failure = std::exchange(last_failure, {});
    emscripten::val out = emscripten::val::object();
    out.set("kind", failure.kind);
    out.set("message", failure.message);
    return out;
}

}  // namespace vitrine::wasm
