// image/reference.cpp — classifies image references by their URI scheme.
// See vitrine/image/reference.hpp.
#include "vitrine/image/reference.hpp"

#include <algorithm>

namespace vitrine {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) {
               return p == (t >= 'A' && t <= 'Z' ? static_cast<char>(t - 'A' + 'a') : t);
           });
}

// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". One letter is taken
// for a Windows drive ("C:\..."), not a scheme.
bool has_scheme(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon < 2 || !is_alpha(text[0])) return false;
    return std::all_of(text.begin() + 1, text.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    });
}

}  // namespace

ImageReferenceKind image_reference_kind(std::string_view reference) noexcept {
    if (reference.empty()) return ImageReferenceKind::none;
    if (starts_with_ignoring_case(reference, "http://") || starts_with_ignoring_case(reference, "https://"))
        return ImageReferenceKind::url;
    if (has_scheme(reference)) return ImageReferenceKind::unsupported;
    return ImageReferenceKind::path;
}

const char* to_string(ImageReferenceKind kind) noexcept {
    switch (kind) {
        case ImageReferenceKind::none: return "none";
        case ImageReferenceKind::url: return "url";
        case ImageReferenceKind::path: return "path";
        case ImageReferenceKind::unsupported: return "unsupported";
    }
    return "unknown";
}

}  // namespace vitrine
