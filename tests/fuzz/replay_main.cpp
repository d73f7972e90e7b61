// replay_main.cpp — runs one fuzz harness over saved inputs, without libFuzzer.
//
//   replay_index tests/fuzz/regressions/index tests/fuzz/corpus/index some-crash-file
//
// Each argument is a file, or a folder whose regular files are replayed in name
// order; a folder that does not exist holds no inputs. Linked with every harness
// in every build (any compiler, sanitizers or not), so ctest replays the
// regressions and the committed corpus everywhere. The harness aborts on a
// finding; the name of the input being replayed is printed first.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "harness.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_in(const fs::path& path) {
    if (!fs::is_directory(path)) return fs::exists(path) ? std::vector<fs::path>{path} : std::vector<fs::path>{};
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path& file : inputs_in(argv[i])) {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "cannot open %s\n", file.c_str());
                return 1;
            }
            const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::printf("%s\n", file.c_str());
            std::fflush(stdout);
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    std::printf("replayed %zu inputs without a finding\n", replayed);
    return 0;
}
