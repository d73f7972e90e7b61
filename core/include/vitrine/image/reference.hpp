// vitrine/image/reference.hpp — what kind of thing a record's image reference is.
//
//   switch (vitrine::image_reference_kind(record.image)) {
//       case ImageReferenceKind::url:  fetch it (the platform's transport);
//       case ImageReferenceKind::path: read it, relative to the index file (or URL);
//       ...
//   }
//
// A reference is an http(s) URL, or a file path (relative references resolve
// against the index's own location: its directory natively, its URL in a
// browser). Anything else with a URI scheme (data:, file:, ftp:...) is
// unsupported, and an empty reference means the product has no image. The
// platform that loads the bytes hands them to prepare_image; a product whose
// image cannot be had is reranked on its text alone.
#pragma once

#include <string_view>

namespace vitrine {

enum class ImageReferenceKind {
    none,         // empty: no image
    url,          // http:// or https:// (any case)
    path,         // a relative or absolute file path
    unsupported,  // another URI scheme
};

ImageReferenceKind image_reference_kind(std::string_view reference) noexcept;

const char* to_string(ImageReferenceKind kind) noexcept;

}  // namespace vitrine
