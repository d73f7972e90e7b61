// image_bench — prepare_image (decode + EXIF + resize to <= 1024 px + JPEG q85)
// on the photos given, median of a few runs each, in megapixels per second.
// Usage: vitrine_image_bench PHOTO... (scripts/bench.sh fetches 4-15 MP photos)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "vitrine/image/prepare.hpp"
#include "vitrine/native/file_io.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: vitrine_image_bench PHOTO...\n", stderr);
        return 2;
    }
    std::printf("%-32s %11s %9s %10s %8s\n", "image", "source", "ms", "MP/s", "out KB");
    for (int a = 1; a < argc; ++a) {
        const auto bytes = vitrine::native::read_file(argv[a]);
        std::vector<double> times;
        vitrine::PreparedImage image;
        for (int run = 0; run < 5; ++run) {
            const auto start = std::chrono::steady_clock::now();
            image = vitrine::prepare_image(bytes);
            times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(times.begin(), times.end());
        const double megapixels = double(image.source_width) * image.source_height / 1e6;
        char source[32];
        std::snprintf(source, sizeof source, "%dx%d", image.source_width, image.source_height);
        const char* name = std::max(argv[a], std::strrchr(argv[a], '/') ? std::strrchr(argv[a], '/') + 1 : argv[a]);
        std::printf("%-32s %11s %9.1f %10.1f %8.1f\n", name, source, times[2] * 1e3, megapixels / times[2],
                    image.bytes.size() / 1024.0);
    }
}
