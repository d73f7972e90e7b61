// build_photos.cpp — see vitrine/native/build_photos.hpp.
#include "vitrine/native/build_photos.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "vitrine/base/error.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/image/reference.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::native {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* manifest_name = "manifest.json";

struct PhotoNames {
    std::string rerank;
    std::string thumbnail;
};
using Manifest = std::unordered_map<std::string, PhotoNames>;  // original's content key -> names

// A manifest that cannot be read is an empty one: the photos are prepared again.
Manifest read_manifest(const fs::path& folder) {
    Manifest manifest;
    std::error_code error;
    if (!fs::exists(folder / manifest_name, error)) return manifest;
    try {
        const json root = json::parse(read_text_file(folder / manifest_name));
        for (const auto& [key, names] : root.at("photos").items())
            manifest[key] = {names.at("rerank").get<std::string>(), names.at("thumbnail").get<std::string>()};
    } catch (const std::exception&) {
        manifest.clear();
    }
    return manifest;
}

void write_manifest(const fs::path& folder, const Manifest& manifest) {
    json photos = json::object();
    for (const auto& [key, names] : manifest) photos[key] = {{"rerank", names.rerank}, {"thumbnail", names.thumbnail}};
    const std::string text = json{{"format", 1}, {"photos", std::move(photos)}}.dump(1);
    write_file_atomically(folder / manifest_name, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

void write_unless_present(const fs::path& path, std::span<const std::uint8_t> bytes) {
    std::error_code error;
    if (fs::exists(path, error)) return;  // content-named: the same name is the same bytes
    write_file_atomically(path, bytes);
}

// The original's bytes, or the reason it cannot be had.
std::vector<std::uint8_t> read_original(const std::string& reference, const BuildPhotosOptions& options,
                                        std::string& problem) {
    const ImageReferenceKind kind = image_reference_kind(reference);
    if (kind == ImageReferenceKind::unsupported) {
        problem = "neither a file path nor an http(s) URL";
        return {};
    }
    try {
        if (kind == ImageReferenceKind::url) {
            if (!options.fetch_url) {
                problem = "a URL, and this build fetches none";
                return {};
            }
            return options.fetch_url(reference);
        }
        const fs::path relative(reference);
        const fs::path path = relative.is_absolute() ? relative : options.image_base / relative;
        std::error_code error;
        if (!fs::exists(path, error)) {
            problem = "missing (no file at " + path.string() + ")";
            return {};
        }
        if (const auto size = fs::file_size(path, error); !error && size > max_photo_file_bytes) {
            problem = std::to_string(size) + " bytes, over the " + std::to_string(max_photo_file_bytes >> 20) + " MiB limit";
            return {};
        }
        return read_regular_file(path, max_photo_file_bytes);  // not a device, FIFO or directory
    } catch (const std::exception& e) {
        problem = std::string("unreadable: ") + e.what();
        return {};
    }
}

std::string stored_reference(const BuildPhotosOptions& options, const std::string& name) {
    const fs::path folder = fs::weakly_canonical(options.images_out);
    const fs::path relative = folder.lexically_relative(fs::weakly_canonical(options.index_directory));
    const fs::path chosen = relative.empty() || *relative.begin() == ".." ? folder : relative;
    return (chosen / name).generic_string();
}

}  // namespace

std::string BuildPhotosReport::to_json() const {
    json list = json::array();
    for (const UnusablePhoto& photo : unusable)
        list.push_back({{"id", photo.id}, {"image", photo.image}, {"reason", photo.reason}});
    return json{{"products_with_photo", with_photo}, {"prepared", prepared}, {"reused", reused}, {"unusable", std::move(list)}}
               .dump(1, ' ', false, json::error_handler_t::replace) +
           "\n";
}

BuildPhotosReport prepare_build_photos(std::vector<Product>& products, const BuildPhotosOptions& options) {
    fs::create_directories(options.images_out);
    const Manifest previous = read_manifest(options.images_out);
    Manifest current;
    BuildPhotosReport report;
    for (std::size_t i = 0; i < products.size(); ++i) {
        Product& product = products[i];
        if (options.progress) options.progress(i + 1, products.size());
        if (product.image.empty()) continue;
        ++report.with_photo;
        std::string problem;
        const std::vector<std::uint8_t> original = read_original(product.image, options, problem);
        if (!problem.empty()) {
            report.unusable.push_back({product.id, product.image, problem});
            continue;
        }
        const std::string key = photo_content_key(original);
        std::optional<PhotoNames> names;
        if (const auto seen = current.find(key); seen != current.end()) names = seen->second;
        if (const auto known = previous.find(key); !names && known != previous.end()) {
            std::error_code error;
            if (fs::exists(options.images_out / known->second.rerank, error) &&
                fs::exists(options.images_out / known->second.thumbnail, error)) {
                names = known->second;
                ++report.reused;
            }
        }
        if (!names) {
            try {
                const ProductPhotos photos = prepare_product_photos(original);
                write_unless_present(options.images_out / photos.rerank_name, photos.rerank.bytes);
                write_unless_present(options.images_out / photos.thumbnail_name, photos.thumbnail.bytes);
                names = PhotoNames{photos.rerank_name, photos.thumbnail_name};
                ++report.prepared;
            } catch (const Error& e) {
                report.unusable.push_back({product.id, product.image, e.what()});
                continue;
            }
        }
        current[key] = *names;
        product.prepared_image = stored_reference(options, names->rerank);
        product.thumbnail = stored_reference(options, names->thumbnail);
    }
    write_manifest(options.images_out, current);
    return report;
}

}  // namespace vitrine::native
