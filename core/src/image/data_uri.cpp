// image/data_uri.cpp — Base64 encoding and "data:<mime>;base64,<payload>" URIs (see vitrine/image/data_uri.hpp).
#include "vitrine/image/data_uri.hpp"

#include <cstddef>

namespace vitrine {
namespace {

std::size_t base64_size(std::size_t n) noexcept { return (n + 2) / 3 * 4; }

// Appends in place so a data URI is built without a second copy of the payload.
void append_base64(std::string& out, std::span<const std::uint8_t> bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group =
            (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
        out += kAlphabet[(group >> 6) & 63];
        out += kAlphabet[group & 63];
    }
    const std::size_t rest = bytes.size() - i;  // 1 or 2 bytes left: pad to a full quantum
    if (rest > 0) {
        std::uint32_t group = std::uint32_t{bytes[i]} << 16;
        if (rest == 2) group |= std::uint32_t{bytes[i + 1]} << 8;
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
        out += rest == 2 ? kAlphabet[(group >> 6) & 63] : '=';
        out += '=';
    }
}

}  // namespace

std::string base64_encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve(base64_size(bytes.size()));
    append_base64(out, bytes);
    return out;
}

std::string to_data_uri(std::span<const std::uint8_t> bytes, std::string_view mime) {
    static constexpr std::string_view kScheme = "data:", kEncoding = ";base64,";
    std::string uri;
    uri.reserve(kScheme.size() + mime.size() + kEncoding.size() + base64_size(bytes.size()));
    uri += kScheme;
    uri += mime;
    uri += kEncoding;
    append_base64(uri, bytes);
    return uri;
}

}  // namespace vitrine
