// prepared_photo_binding.cpp — checkPreparedPhoto for the JS layer: whether bytes fetched
// for a record's preparedImage are a photo `vitrine build --images-out` could have made
// (a complete JPEG, edges <= 1024 px), so they can be sent to rerank as they are, without
// decoding. Returns true, or refuses (bad_image) as vitrine::check_prepared_photo does.
#include "failure.hpp"
#include "js_arrays.hpp"
#include "module_functions.hpp"
#include "vitrine/image/product_photos.hpp"

namespace vitrine::wasm {

emscripten::val check_prepared_photo(const emscripten::val& bytes) {
    return guarded([&] {
        vitrine::check_prepared_photo(bytes_from_js(bytes).view());
        return emscripten::val(true);
    });
}

}  // namespace vitrine::wasm
