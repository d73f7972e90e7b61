// vitrine/native/file_io.hpp — the native side's file I/O (the core does none).
//
//   MappedFile file("catalogue.vtx");          // read-only mmap, unmapped on destruction
//   auto index = vitrine::Index::open(file.bytes());
//   write_file_atomically("out.vtx", bytes);   // temp file + fsync + rename
//   read_regular_file("photo.jpg", 32 << 20);  // a regular file of at most that many bytes
//
// Errors are std::runtime_error naming the path and the system's reason.
// An atomic write either replaces the target whole or leaves it untouched: a
// failure or a kill mid-write leaves at most a stray "<name>.tmp-XXXXXX" beside it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace vitrine::native {

class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const std::uint8_t> bytes() const noexcept { return {data_, size_}; }

private:
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

std::vector<std::uint8_t> read_file(const std::filesystem::path& path);
std::string read_text_file(const std::filesystem::path& path);
// For paths named by untrusted input (an index's image references): refuses, without
// reading a byte, anything but a regular file (a device such as /dev/zero, a FIFO, which
// opening never waits on, a directory) and files over max_bytes, and a file that grows
// while it is read.
std::vector<std::uint8_t> read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes);
void write_file_atomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

}  // namespace vitrine::native
