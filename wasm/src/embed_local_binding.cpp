// embed_local_binding.cpp — the offline text embedder, returning a Float32Array.
#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/embed/local_embedder.hpp"

namespace vitrine::wasm {

emscripten::val embed_local(const std::string& text, std::uint32_t dims) {
    return guarded([&] { return to_js_float32_array(vitrine::embed_local(text, dims)); });
}

}  // namespace vitrine::wasm
