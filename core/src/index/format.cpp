#include "vitrine/index/format.hpp"

namespace vitrine {

const char* to_string(Storage storage) noexcept {
    switch (storage) {
        case Storage::f32: return "f32";
        case Storage::int8: return "int8";
        case Storage::binary: return "binary";
    }
    return "unknown";
}

const char* to_string(Metric metric) noexcept {
    return metric == Metric::inner_product ? "inner_product" : "unknown";
}

const char* to_string(EmbedderKind kind) noexcept {
    switch (kind) {
        case EmbedderKind::hosted: return "hosted";
        case EmbedderKind::local_hashing: return "local_hashing";
        case EmbedderKind::local_image: return "local_image";
    }
    return "unknown";
}

std::optional<Storage> storage_from_string(std::string_view name) noexcept {
    if (name == "f32") return Storage::f32;
    if (name == "int8") return Storage::int8;
    if (name == "binary") return Storage::binary;
    return std::nullopt;
}

}  // namespace vitrine
