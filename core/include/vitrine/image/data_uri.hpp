// vitrine/image/data_uri.hpp — Base64 (RFC 4648, standard alphabet, '=' padding) and data URIs.
//
//   std::string uri = vitrine::to_data_uri(prepared.bytes);   // "data:image/jpeg;base64,/9j/4AAQ..."
//
// The thin layer between prepare_image() and a rerank or chat request, which takes
// images as `image_url` strings. Any bytes are accepted; the MIME type is written
// as given, so pass a well-formed one (it defaults to the JPEG prepare_image makes).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vitrine {

std::string base64_encode(std::span<const std::uint8_t> bytes);

std::string to_data_uri(std::span<const std::uint8_t> bytes, std::string_view mime = "image/jpeg");

}  // namespace vitrine
