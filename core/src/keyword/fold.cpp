// keyword/fold.cpp — case and accent folding (see vitrine/keyword/fold.hpp).
#include "vitrine/keyword/fold.hpp"

#include <cstdint>

namespace vitrine {
namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), one per code point; the two
// ligatures (IJ, OE) are handled before this table is read.
constexpr char latin_extended_a[129] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";

// Folded form of U+00C0..U+00FF (Latin-1 letters); "" marks the two signs, × and ÷.
constexpr const char* latin_1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Decodes the well-formed UTF-8 sequence at text[i]; returns its length, 0 if there is none.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code_point) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code_point = length == 1 ? lead : lead & (0x7fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xc0) != 0x80) return 0;
        code_point = (code_point << 6) | (next & 0x3f);
    }
    static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < least[length] || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff)) return 0;
    return length;
}

void encode(std::uint32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

// Symbols and punctuation outside ASCII: separators, like spaces.
bool is_separator(std::uint32_t c) {
    return (c >= 0x80 && c <= 0xbf) || c == 0xd7 || c == 0xf7 || (c >= 0x2000 && c <= 0x2bff) ||
           (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || c == 0xfeff;
}

// Accented and capital Greek letters to plain lowercase ones.
std::uint32_t fold_greek(std::uint32_t c) {
    switch (c) {
        case 0x386: case 0x3ac: return 0x3b1;  // alpha
        case 0x388: case 0x3ad: return 0x3b5;  // epsilon
        case 0x389: case 0x3ae: return 0x3b7;  // eta
        case 0x38a: case 0x3af: case 0x3ca: case 0x390: return 0x3b9;  // iota
        case 0x38c: case 0x3cc: return 0x3bf;  // omicron
        case 0x38e: case 0x3cd: case 0x3cb: case 0x3b0: return 0x3c5;  // upsilon
        case 0x38f: case 0x3ce: return 0x3c9;  // omega
        case 0x3c2: return 0x3c3;  // final sigma
    }
    if (c >= 0x391 && c <= 0x3a9) return c + 0x20;
    return c;
}

std::uint32_t fold_cyrillic(std::uint32_t c) {
    if (c == 0x401 || c == 0x451) return 0x435;  // yo -> ye
    if (c >= 0x400 && c <= 0x40f) return c + 0x50;
    if (c >= 0x410 && c <= 0x42f) return c + 0x20;
    return c;
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t c = 0;
        const std::size_t length = decode(text, i, c);
        if (length == 0) {  // not UTF-8: a separator
            out += ' ';
            ++i;
            continue;
        }
        i += length;
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c >= 0x300 && c <= 0x36f) {
            // combining accent: dropped
        } else if (c >= 0xc0 && c <= 0xff) {
            const char* folded = latin_1[c - 0xc0];
            out += *folded ? folded : " ";
        } else if (c == 0x132 || c == 0x133) {
            out += "ij";
        } else if (c == 0x152 || c == 0x153) {
            out += "oe";
        } else if (c >= 0x100 && c <= 0x17f) {
            out += latin_extended_a[c - 0x100];
        } else if (is_separator(c)) {
            out += ' ';
        } else if (c >= 0x370 && c <= 0x3ff) {
            encode(fold_greek(c), out);
        } else if (c >= 0x400 && c <= 0x4ff) {
            encode(fold_cyrillic(c), out);
        } else {
            encode(c, out);
        }
    }
    return out;
}

}  // namespace vitrine
