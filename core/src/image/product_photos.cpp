// image/product_photos.cpp — see vitrine/image/product_photos.hpp.
#include "vitrine/image/product_photos.hpp"

#include <string>

#include "base/hash.hpp"
#include "image/jpeg_markers.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {

std::string photo_content_key(std::span<const std::uint8_t> bytes) {
    return to_hex(content_hash128(bytes.data(), bytes.size()));
}

ProductPhotos prepare_product_photos(std::span<const std::uint8_t> original, std::uint64_t max_pixels) {
    ProductPhotos photos;
    photos.rerank = prepare_image(original, {.max_edge = rerank_photo_edge, .max_pixels = max_pixels});
    photos.thumbnail =
        prepare_image(original, {.max_edge = thumbnail_edge, .quality = thumbnail_quality, .max_pixels = max_pixels});
    photos.rerank_name = photo_content_key(photos.rerank.bytes) + ".jpg";
    photos.thumbnail_name = photo_content_key(photos.thumbnail.bytes) + ".jpg";
    return photos;
}

void check_prepared_photo(std::span<const std::uint8_t> jpeg) {
    if (jpeg.size() < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        throw Error(ErrorKind::bad_image, "image: a prepared photo must be a JPEG");
    const image::jpeg::Structure structure = image::jpeg::read_structure(jpeg);
    if (structure.width > rerank_photo_edge || structure.height > rerank_photo_edge)
        throw Error(ErrorKind::bad_image, "image: a prepared photo of " + std::to_string(structure.width) + "x" +
                                              std::to_string(structure.height) + " is over " +
                                              std::to_string(rerank_photo_edge) + " px");
}

PhotoToSend photo_to_send(const RecordView& record, int max_edge) {
    if (!record.prepared_image.empty() && max_edge >= rerank_photo_edge) return {record.prepared_image, true};
    return {record.image, false};
}

}  // namespace vitrine
