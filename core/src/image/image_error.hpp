// image/image_error.hpp — how the image units refuse an input (internal): an Error whose
// message starts "image: ", so a caller can tell an image refusal at a glance.
#pragma once

#include <string>

#include "vitrine/base/error.hpp"

namespace vitrine::image {

[[noreturn]] inline void fail(ErrorKind kind, const std::string& message) { throw Error(kind, "image: " + message); }

}  // namespace vitrine::image
