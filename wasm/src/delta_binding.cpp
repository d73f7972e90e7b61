// delta_binding.cpp — applyDelta for the JS layer: a delta update (`vitrine delta`) applied
// over its base index, as vitrine::apply_delta does (vitrine/delta/apply_delta.hpp), to the
// new index's bytes as a Uint8Array, ready for openIndex. The WASM core has zstd's decoder
// only: deltas are made natively.
#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/delta/apply_delta.hpp"

namespace vitrine::wasm {

emscripten::val apply_delta(const emscripten::val& base, const emscripten::val& delta) {
    return guarded([&] {
        const AlignedBytes delta_bytes = bytes_from_js(delta);
        const AlignedBytes base_bytes = bytes_from_js(base);
        return to_js_uint8_array(vitrine::apply_delta(base_bytes.view(), delta_bytes.view()));
    });
}

}  // namespace vitrine::wasm
