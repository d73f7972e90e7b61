// image_reference_binding.cpp — what a record's image reference is (URL, path,
// none, unsupported), decided by the core as the native CLI decides it.
#include "hosted_functions.hpp"
#include "vitrine/image/reference.hpp"

namespace vitrine::wasm {

std::string image_reference_kind(const std::string& reference) {
    return to_string(vitrine::image_reference_kind(reference));
}

}  // namespace vitrine::wasm
