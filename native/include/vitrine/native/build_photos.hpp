// vitrine/native/build_photos.hpp — every product photo prepared once, at build time,
// into a folder of content-named JPEGs, with a report of the photos that cannot be used.
//
//   BuildPhotosOptions options{.images_out = "shop/photos", .image_base = "shop",
//                              .index_directory = "shop"};
//   const BuildPhotosReport report = prepare_build_photos(products, options);
//   // products[i].prepared_image / .thumbnail now name "photos/<hash>.jpg" (relative to the index)
//   write_file_atomically("shop/photos/report.json", report.to_json());
//
// A product's image reference is read from disk (a relative path against image_base,
// the catalogue's folder) or, when it is an http(s) URL and fetch_url is set, fetched.
// The core prepares it (vitrine/image/product_photos.hpp); both JPEGs are written under
// their content names unless a file of that name is there already. A manifest in the
// folder (manifest.json: original's content key -> the two names) lets a rebuild reuse
// the photos of every original whose bytes it has seen: read, hashed, not decoded.
// A photo that is missing, unreadable, over vitrine::max_photo_file_bytes, not an image, over the
// pixel limit or undecodable is not an error here: the product keeps its original
// reference only, and the report lists it with the reason. No reference: no photo.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine::native {

struct UnusablePhoto {
    std::string id;
    std::string image;   // the reference as written
    std::string reason;
};

struct BuildPhotosReport {
    std::size_t with_photo = 0;  // products with an image reference
    std::size_t prepared = 0;    // photos prepared by this build
    std::size_t reused = 0;      // photos found in the manifest, not decoded again
    std::vector<UnusablePhoto> unusable;

    std::string to_json() const;
};

struct BuildPhotosOptions {
    std::filesystem::path images_out;
    std::filesystem::path image_base;       // relative image paths are read against this
    std::filesystem::path index_directory;  // stored references are relative to this
    std::function<std::vector<std::uint8_t>(const std::string& url)> fetch_url = {};  // empty: URLs are unusable
    std::function<void(std::size_t done, std::size_t total)> progress = {};
};

BuildPhotosReport prepare_build_photos(std::vector<Product>& products, const BuildPhotosOptions& options);

}  // namespace vitrine::native
