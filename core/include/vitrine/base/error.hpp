// vitrine/base/error.hpp — the one exception type the core throws.
//
// Every failure the core reports (bad index bytes, hostile images, malformed
// endpoint JSON, bad delta updates, invalid arguments) is a vitrine::Error carrying a category and
// a message that names what is wrong. Bindings translate it unchanged
// (JS Error, CLI stderr line), so the message is the user-facing contract.
#pragma once

#include <stdexcept>
#include <string>

namespace vitrine {

enum class ErrorKind {
    invalid_argument,  // the caller passed something out of contract (k, dims, options)
    corrupt_index,     // index bytes fail validation (magic, bounds, checksum, ...)
    unsupported,       // well-formed but not handled by this version (format version, storage type)
    bad_image,         // image bytes cannot be decoded (truncated, not JPEG/PNG, ...)
    limit_exceeded,    // input is larger than a configured limit (pixels, sizes, counts)
    bad_response,      // endpoint JSON is malformed or fails validation
    bad_catalogue,     // catalogue / vectors JSON given to the index builder is invalid
    bad_delta,         // delta bytes fail validation (truncated, corrupted) or were made for another base
};

const char* to_string(ErrorKind kind) noexcept;

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

}  // namespace vitrine
