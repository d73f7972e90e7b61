// vitrine/native/product_images.hpp — product photos, prepared for the endpoint
// once per product and reused (rerank batches, then the answer's context).
//
//   ProductImages images(index, index_directory, &client);
//   const ProductImage& image = images.get(position);
//   if (image.data_uri) ... else if (!image.problem.empty()) ... // say why it is text-only
//
// A record's image reference (vitrine/image/reference.hpp) is read from disk
// when it is a path (relative ones against base_directory, the index file's
// directory) or fetched through the client when it is an http(s) URL (no
// credentials are sent), then prepared by the core: upright, longest edge at most
// options.max_edge (1024), JPEG, base64 data URI. An index may come from anywhere,
// so its paths are confined: by default a path must lie inside base_directory once
// `..` and symlinks are resolved (ImagePaths::anywhere lifts that, for an index the
// user trusts), and only a regular file of at most 32 MiB is read — a device
// (/dev/zero), a FIFO or a directory is refused without waiting or reading. A
// missing, unreadable, refused, undecodable or oversized image, or an unsupported
// reference, is not an error: the product gets no image and `problem` says why.
// No reference: no image, no problem. A record with a photo prepared at build time
// (prepared_image) sends that file, checked but not decoded, when options.max_edge is
// at least its 1024 px.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vitrine/image/prepare.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/endpoint_client.hpp"

namespace vitrine::native {

struct ProductImage {
    std::optional<std::string> data_uri = {};
    std::string problem = {};  // non-empty when the product has an image reference that could not be used
};

// Which files an index's image paths may name.
enum class ImagePaths {
    under_base,  // only files inside base_directory (after resolving `..` and symlinks)
    anywhere,    // any file the user can read
};

class ProductImages {
public:
    // client may be null: URL references then become problems.
    ProductImages(const Index& index, std::filesystem::path base_directory, EndpointClient* client,
                  PrepareOptions options = {}, ImagePaths paths = ImagePaths::under_base);

    const ProductImage& get(std::uint32_t position);
    std::size_t prepared() const noexcept { return prepared_; }  // preparations run so far

private:
    ProductImage load(std::uint32_t position);

    const Index& index_;
    std::filesystem::path base_directory_;
    EndpointClient* client_;
    PrepareOptions options_;
    ImagePaths paths_;
    std::unordered_map<std::uint32_t, ProductImage> images_;
    std::size_t prepared_ = 0;
};

}  // namespace vitrine::native
