#include "vitrine/base/error.hpp"

namespace vitrine {

const char* to_string(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::invalid_argument: return "invalid_argument";
        case ErrorKind::corrupt_index: return "corrupt_index";
        case ErrorKind::unsupported: return "unsupported";
        case ErrorKind::bad_image: return "bad_image";
        case ErrorKind::limit_exceeded: return "limit_exceeded";
        case ErrorKind::bad_response: return "bad_response";
        case ErrorKind::bad_catalogue: return "bad_catalogue";
        case ErrorKind::bad_delta: return "bad_delta";
    }
    return "unknown";
}

}  // namespace vitrine
