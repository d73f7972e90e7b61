// vitrine resize — prepare an image as a rerank call would send it (JPEG, longest
// edge at most --max-edge, EXIF applied), written as JPEG bytes or a data URI.
#include <cstdio>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::cli {

int run_resize(const Args& raw) {
    const Arguments args(raw, {"max-edge", "quality", "max-pixels"}, {"data-uri"});
    if (args.positionals().size() != 2) throw UsageError("expected IN and OUT files");
    PrepareOptions options;
    options.max_edge = static_cast<int>(args.integer("max-edge", 1, 1 << 16).value_or(options.max_edge));
    options.quality = static_cast<int>(args.integer("quality", 1, 100).value_or(options.quality));
    options.max_pixels = static_cast<std::uint64_t>(
        args.integer("max-pixels", 1, 1LL << 40).value_or(static_cast<long long>(options.max_pixels)));

    const auto input = native::read_file(args.positionals()[0]);
    const PreparedImage image = prepare_image(input, options);
    if (args.has("data-uri")) {
        const std::string uri = to_data_uri(image.bytes, "image/jpeg");
        native::write_file_atomically(args.positionals()[1], {reinterpret_cast<const std::uint8_t*>(uri.data()), uri.size()});
    } else {
        native::write_file_atomically(args.positionals()[1], image.bytes);
    }
    std::printf("{\"width\":%d,\"height\":%d,\"bytes\":%zu,\"source_width\":%d,\"source_height\":%d}\n", image.width,
                image.height, image.bytes.size(), image.source_width, image.source_height);
    return 0;
}

}  // namespace vitrine::cli
