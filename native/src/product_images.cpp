// product_images.cpp — loads, prepares and memoises product photos.
// See vitrine/native/product_images.hpp.
#include "vitrine/native/product_images.hpp"

#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/reference.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::native {
namespace {

// Far above any product photo; the core's pixel limit still refuses bombs.
constexpr std::uintmax_t max_image_bytes = std::uintmax_t{32} << 20;

}  // namespace

ProductImages::ProductImages(const Index& index, std::filesystem::path base_directory, EndpointClient* client,
                             PrepareOptions options)
    : index_(index), base_directory_(std::move(base_directory)), client_(client), options_(options) {}

const ProductImage& ProductImages::get(std::uint32_t position) {
    auto it = images_.find(position);
    if (it == images_.end()) it = images_.emplace(position, load(position)).first;
    return it->second;
}

ProductImage ProductImages::load(std::uint32_t position) {
    const RecordView record = index_.record(position);
    const std::string reference(record.image);
    const ImageReferenceKind kind = image_reference_kind(reference);
    if (kind == ImageReferenceKind::none) return {};
    const std::string quoted = "image '" + (kind == ImageReferenceKind::url ? display_url(reference) : reference) + "'";
    try {
        std::vector<std::uint8_t> bytes;
        if (kind == ImageReferenceKind::unsupported) {
            return {std::nullopt, quoted + " is neither a file path nor an http(s) URL"};
        } else if (kind == ImageReferenceKind::url) {
            if (client_ == nullptr) return {std::nullopt, quoted + " is a URL and no endpoint client can fetch it"};
            const std::string body = client_->get(reference, max_image_bytes);
            bytes.assign(body.begin(), body.end());
        } else {
            const std::filesystem::path relative(reference);
            const std::filesystem::path path = relative.is_absolute() ? relative : base_directory_ / relative;
            std::error_code error;
            if (const auto size = std::filesystem::file_size(path, error); !error && size > max_image_bytes)
                return {std::nullopt, quoted + " is " + std::to_string(size) + " bytes, over the " +
                                          std::to_string(max_image_bytes >> 20) + " MiB limit"};
            bytes = read_file(path);
        }
        ++prepared_;
        return {to_data_uri(prepare_image(bytes, options_).bytes), {}};
    } catch (const std::exception& e) {
        return {std::nullopt, quoted + " cannot be used: " + e.what()};
    }
}

}  // namespace vitrine::native
