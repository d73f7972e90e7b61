// vitrine/image/product_photos.hpp — a product photo prepared once, at build time.
//
//   vitrine::ProductPhotos photos = vitrine::prepare_product_photos(original_bytes);
//   write(dir / photos.rerank_name, photos.rerank.bytes);        // "<32 hex digits>.jpg"
//   write(dir / photos.thumbnail_name, photos.thumbnail.bytes);
//   ...later, at search time, before sending a stored rerank photo:
//   vitrine::check_prepared_photo(bytes);                        // no decoding
//   auto [reference, prepared] = vitrine::photo_to_send(index.record(p));   // which photo a call sends
//
// Two JPEGs from one original, by prepare_image: the rerank photo (longest edge at most
// rerank_photo_edge, the size rerank calls send) and a card thumbnail (thumbnail_edge).
// Each is named by the XXH3-128 of its own bytes, so a name never changes meaning and a
// CDN may cache it forever. photo_content_key names an original the same way (a rebuild
// reuses the photos of an original whose key it has seen).
// Refuses as prepare_image does (bad_image, limit_exceeded). check_prepared_photo refuses
// (bad_image) bytes that are not a complete baseline or progressive JPEG with both edges
// at most rerank_photo_edge: a stored photo is sent as it is, so it must be one we made.
// photo_to_send is the rule every transport follows: a record's build-time photo when it
// has one (checked, sent as it is) unless a smaller edge than it has is asked for; else
// its original reference, prepared at search time.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "vitrine/image/prepare.hpp"
#include "vitrine/index/reader.hpp"

namespace vitrine {

inline constexpr int rerank_photo_edge = 1024;
inline constexpr int thumbnail_edge = 400;
inline constexpr int thumbnail_quality = 80;

struct ProductPhotos {
    PreparedImage rerank;
    PreparedImage thumbnail;
    std::string rerank_name;     // "<hash>.jpg"
    std::string thumbnail_name;
};

ProductPhotos prepare_product_photos(std::span<const std::uint8_t> original,
                                     std::uint64_t max_pixels = PrepareOptions{}.max_pixels);

// 32 lower-case hex digits: the XXH3-128 of the bytes.
std::string photo_content_key(std::span<const std::uint8_t> bytes);

void check_prepared_photo(std::span<const std::uint8_t> jpeg);

struct PhotoToSend {
    std::string_view reference = {};  // image/reference.hpp; empty: no photo
    bool prepared = false;            // the build-time photo: check_prepared_photo, then send as it is
};

PhotoToSend photo_to_send(const RecordView& record, int max_edge = rerank_photo_edge);

}  // namespace vitrine
