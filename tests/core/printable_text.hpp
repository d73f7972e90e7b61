// printable_text.hpp — what an error message that quotes hostile bytes must still be.
//
//   CHECK(vitrine::test::is_printable_utf8(error.what()));
//
// Well-formed UTF-8 (no stray continuation bytes, overlong forms, surrogates or
// code points past U+10FFFF) without ASCII control characters, so that it shows
// as one line in a terminal and converts to a JS string unchanged.
#pragma once

#include <cstdint>
#include <string_view>

namespace vitrine::test {

inline bool is_printable_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x20 || lead == 0x7F) return false;
        std::size_t length = 0;  // of the sequence `lead` starts; 0: no valid sequence starts so
        if (lead < 0x80) length = 1;
        else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
        else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
        if (length == 0 || text.size() - i < length) return false;
        std::uint32_t code_point = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if ((byte & 0xC0u) != 0x80u) return false;
            code_point = (code_point << 6) | (byte & 0x3Fu);
        }
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code_point < smallest[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

}  // namespace vitrine::test
