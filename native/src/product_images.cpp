// product_images.cpp — loads, prepares and memoises product photos.
// See vitrine/native/product_images.hpp.
#include "vitrine/native/product_images.hpp"

#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/image/reference.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::native {
namespace {

// Whether `path` is `root` or lies under it, component by component (both canonical).
bool lies_under(const std::filesystem::path& path, const std::filesystem::path& root) {
    auto at = path.begin();
    for (auto part = root.begin(); part != root.end(); ++part, ++at) {
        if (part->empty()) continue;  // the empty last component of a root ending in '/'
        if (at == path.end() || *at != *part) return false;
    }
    return true;
}

// The file a path reference names; under_base refuses one outside the base folder.
std::filesystem::path image_file(const std::filesystem::path& base, const std::string& reference, ImagePaths paths) {
    const std::filesystem::path relative(reference);
    const std::filesystem::path path = relative.is_absolute() ? relative : base / relative;
    if (paths == ImagePaths::anywhere) return path;
    const std::filesystem::path root = std::filesystem::weakly_canonical(base);
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(path);
    if (!lies_under(resolved, root))
        throw std::runtime_error("it lies outside the image folder " + root.string() +
                                 ", and an index's images are read only from there");
    return resolved;
}

}  // namespace

ProductImages::ProductImages(const Index& index, std::filesystem::path base_directory, EndpointClient* client,
                             PrepareOptions options, ImagePaths paths)
    : index_(index), base_directory_(std::move(base_directory)), client_(client), options_(options), paths_(paths) {}

const ProductImage& ProductImages::get(std::uint32_t position) {
    auto it = images_.find(position);
    if (it == images_.end()) it = images_.emplace(position, load(position)).first;
    return it->second;
}

ProductImage ProductImages::load(std::uint32_t position) {
    const RecordView record = index_.record(position);
    const PhotoToSend photo = photo_to_send(record, options_.max_edge);
    const std::string reference(photo.reference);
    const ImageReferenceKind kind = image_reference_kind(reference);
    if (kind == ImageReferenceKind::none) return {};
    const std::string quoted = "image '" + (kind == ImageReferenceKind::url ? display_url(reference) : reference) + "'";
    try {
        std::vector<std::uint8_t> bytes;
        if (kind == ImageReferenceKind::unsupported) {
            return {std::nullopt, quoted + " is neither a file path nor an http(s) URL"};
        } else if (kind == ImageReferenceKind::url) {
            if (client_ == nullptr) return {std::nullopt, quoted + " is a URL and no endpoint client can fetch it"};
            const std::string body = client_->get(reference, max_photo_file_bytes);
            bytes.assign(body.begin(), body.end());
        } else {
            bytes = read_regular_file(image_file(base_directory_, reference, paths_), max_photo_file_bytes);
        }
        if (photo.prepared) {
            check_prepared_photo(bytes);
            return {to_data_uri(bytes), {}};
        }
        ++prepared_;
        return {to_data_uri(prepare_image(bytes, options_).bytes), {}};
    } catch (const std::exception& e) {
        return {std::nullopt, quoted + " cannot be used: " + e.what()};
    }
}

}  // namespace vitrine::native
