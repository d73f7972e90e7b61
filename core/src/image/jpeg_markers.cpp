// image/jpeg_markers.cpp — the JPEG marker walk and structure check (see jpeg_markers.hpp).
#include "image/jpeg_markers.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "base/byte_io.hpp"
#include "image/image_error.hpp"

namespace vitrine::image::jpeg {
namespace {

[[noreturn]] void corrupt_jpeg(const std::string& why) { image::fail(ErrorKind::bad_image, "corrupt JPEG (" + why + ")"); }

[[noreturn]] void truncated_jpeg() {
    image::fail(ErrorKind::bad_image, "truncated JPEG (it ends before its end-of-image marker)");
}

struct JpegState {
    bool frame_seen = false;
    bool progressive = false;
    std::uint32_t width = 0, height = 0;
    int components = 0;
    std::uint8_t component_id[4] = {};
    std::uint8_t quant_table[4] = {};
    bool dc_defined[4] = {}, ac_defined[4] = {}, quant_defined[4] = {};
    unsigned scanned = 0;  // one bit per frame component
};

// SOF0/1/2: precision, height, width, component count, then id, sampling HV, table per component.
void read_frame_header(Bytes body, bool progressive, JpegState& state) {
    if (state.frame_seen) corrupt_jpeg("more than one frame header");
    if (body.size() < 6) corrupt_jpeg("short frame header");
    const int count = body[5];
    if (count != 1 && count != 3 && count != 4) corrupt_jpeg(std::to_string(count) + " components");
    if (body.size() != 6 + 3 * static_cast<std::size_t>(count)) corrupt_jpeg("frame header length");
    if (body[0] != 8) image::fail(ErrorKind::bad_image, "unsupported JPEG (" + std::to_string(body[0]) + "-bit samples)");
    state.height = bytes::load_be16(body.data() + 1);
    state.width = bytes::load_be16(body.data() + 3);
    if (state.width == 0 || state.height == 0) corrupt_jpeg("zero width or height (a DNL height is not supported)");
    int h_max = 1, v_max = 1;
    for (int i = 0; i < count; ++i) {
        const int h = body[7 + 3 * i] >> 4, v = body[7 + 3 * i] & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4) corrupt_jpeg("sampling factor out of 1..4");
        if (body[8 + 3 * i] > 3) corrupt_jpeg("quantization table number over 3");
        h_max = std::max(h_max, h);
        v_max = std::max(v_max, v);
        state.component_id[i] = body[6 + 3 * i];
        state.quant_table[i] = body[8 + 3 * i];
    }
    for (int i = 0; i < count; ++i)
        if (h_max % (body[7 + 3 * i] >> 4) != 0 || v_max % (body[7 + 3 * i] & 15) != 0)
            corrupt_jpeg("sampling factors that do not divide the largest");
    state.frame_seen = true;
    state.progressive = progressive;
    state.components = count;
}

// DHT: any number of (class/number, 16 code counts, symbols).
void read_huffman_tables(Bytes body, JpegState& state) {
    for (std::size_t at = 0; at < body.size();) {
        if (body.size() - at < 17) corrupt_jpeg("short Huffman table");
        const int table_class = body[at] >> 4, number = body[at] & 15;
        if (table_class > 1 || number > 3) corrupt_jpeg("Huffman table class or number");
        std::size_t codes = 0;
        for (int i = 1; i <= 16; ++i) codes += body[at + i];
        if (codes > 256) corrupt_jpeg("a Huffman table of more than 256 codes");
        if (body.size() - at - 17 < codes) corrupt_jpeg("short Huffman table");
        (table_class == 0 ? state.dc_defined : state.ac_defined)[number] = true;
        at += 17 + codes;
    }
}

// DQT: any number of (precision/number, 64 values of 1 or 2 bytes).
void read_quantization_tables(Bytes body, JpegState& state) {
    for (std::size_t at = 0; at < body.size();) {
        const int precision = body[at] >> 4, number = body[at] & 15;
        if (precision > 1 || number > 3) corrupt_jpeg("quantization table precision or number");
        const std::size_t size = precision == 0 ? 64 : 128;
        if (body.size() - at - 1 < size) corrupt_jpeg("short quantization table");
        state.quant_defined[number] = true;
        at += 1 + size;
    }
}

// SOS: component count, (id, DC/AC table) per component, spectral start/end, approximation.
void read_scan_header(Bytes body, JpegState& state) {
    if (!state.frame_seen) corrupt_jpeg("a scan before the frame header");
    if (body.empty()) corrupt_jpeg("short scan header");
    const std::size_t count = body[0];
    if (count < 1 || count > 4 || body.size() != 4 + 2 * count) corrupt_jpeg("scan header length");
    const int spectral_start = body[1 + 2 * count], high_bit = body[3 + 2 * count] >> 4;
    // Which Huffman tables a decoder reads in this kind of scan.
    const bool uses_dc = !state.progressive || (spectral_start == 0 && high_bit == 0);
    const bool uses_ac = !state.progressive || spectral_start > 0;
    for (std::size_t i = 0; i < count; ++i) {
        const int id = body[1 + 2 * i], dc = body[2 + 2 * i] >> 4, ac = body[2 + 2 * i] & 15;
        int component = 0;
        while (component < state.components && state.component_id[component] != id) ++component;
        if (component == state.components) corrupt_jpeg("a scan names an unknown component");
        if (dc > 3 || ac > 3) corrupt_jpeg("Huffman table number over 3");
        if ((uses_dc && !state.dc_defined[dc]) || (uses_ac && !state.ac_defined[ac]))
            corrupt_jpeg("a scan uses an undefined Huffman table");
        if (!state.quant_defined[state.quant_table[component]])
            corrupt_jpeg("a scan uses an undefined quantization table");
        state.scanned |= 1u << component;
    }
}

}  // namespace

Step next_segment(Bytes jpeg, std::size_t at) noexcept {
    Step step;
    step.next = at;
    if (at >= jpeg.size()) return step;  // truncated
    if (jpeg[at] != 0xFF) return {Status::no_marker, 0, {}, at};
    while (at < jpeg.size() && jpeg[at] == 0xFF) ++at;
    if (at >= jpeg.size()) return step;
    const std::uint8_t marker = jpeg[at++];
    if (marker == 0xD9) return {Status::end_of_image, marker, {}, at};
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) return {Status::segment, marker, {}, at};  // no length
    if (marker == 0x00 || marker == 0xD8) return {Status::misplaced_marker, marker, {}, at};
    if (jpeg.size() - at < 2) return step;
    const std::size_t length = bytes::load_be16(jpeg.data() + at);  // counts itself
    if (length < 2) return {Status::short_length, marker, {}, at};
    if (length > jpeg.size() - at) return step;
    return {Status::segment, marker, jpeg.subspan(at + 2, length - 2), at + length};
}

std::size_t skip_entropy_coded_data(Bytes jpeg, std::size_t at) noexcept {
    while (at < jpeg.size()) {
        const void* found = std::memchr(jpeg.data() + at, 0xFF, jpeg.size() - at);
        if (!found) return jpeg.size();
        at = static_cast<std::size_t>(static_cast<const std::uint8_t*>(found) - jpeg.data());
        if (at + 1 >= jpeg.size()) return jpeg.size();
        const std::uint8_t next = jpeg[at + 1];
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) at += 2;  // stuffed FF, restart marker
        else if (next == 0xFF) at += 1;                               // fill byte
        else return at;
    }
    return at;
}

namespace {

// A step of the walk that is not a segment and not the end: what is wrong, named.
[[noreturn]] void refuse_step(const Step& step, std::size_t at) {
    switch (step.status) {
        case Status::no_marker: corrupt_jpeg("no marker at byte " + std::to_string(at));
        case Status::misplaced_marker: corrupt_jpeg("misplaced marker");
        case Status::short_length: corrupt_jpeg("segment length below 2");
        default: truncated_jpeg();
    }
}

}  // namespace

Structure read_structure(Bytes jpeg) {
    JpegState state;
    unsigned scans = 0;
    std::size_t at = 2;  // after SOI
    for (Step step = next_segment(jpeg, at); step.status != Status::end_of_image; step = next_segment(jpeg, at)) {
        if (step.status != Status::segment) refuse_step(step, at);
        at = step.next;
        const std::uint8_t marker = step.marker;
        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) read_frame_header(step.body, marker == 0xC2, state);
        else if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            image::fail(ErrorKind::bad_image, "unsupported JPEG (lossless, hierarchical or arithmetic-coded)");
        else if (marker == 0xC4) read_huffman_tables(step.body, state);
        else if (marker == 0xDB) read_quantization_tables(step.body, state);
        else if (marker == 0xDA) {
            if (++scans > max_scans)
                image::fail(ErrorKind::limit_exceeded, "JPEG has more than " + std::to_string(max_scans) + " scans");
            read_scan_header(step.body, state);
            at = skip_entropy_coded_data(jpeg, at);
        }
    }
    if (!state.frame_seen) corrupt_jpeg("no frame header");
    if (state.scanned != (1u << state.components) - 1) corrupt_jpeg("a component is never scanned");
    return {state.width, state.height, state.components, state.progressive, scans};
}

}  // namespace vitrine::image::jpeg
