#include "vitrine/native/file_io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace vitrine::native {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* action) {
    throw std::runtime_error("cannot " + std::string(action) + " " + path.string() + ": " + std::strerror(errno));
}

// Closes a file descriptor on every path out of a scope.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) fail(path, "open");
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) fail(path, "stat");
    if (!S_ISREG(info.st_mode)) throw std::runtime_error("cannot map " + path.string() + ": not a regular file");
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ == 0) return;  // mmap refuses empty files; an empty span is what they hold
    void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (mapped == MAP_FAILED) fail(path, "map");
    data_ = static_cast<const std::uint8_t*>(mapped);
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "open");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail(path, "read");
    return bytes;
}

std::vector<std::uint8_t> read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
    if (file.fd < 0) fail(path, "open");
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) fail(path, "stat");
    if (!S_ISREG(info.st_mode)) throw std::runtime_error("cannot read " + path.string() + ": not a regular file");
    if (static_cast<std::uintmax_t>(info.st_size) > max_bytes)
        throw std::runtime_error(path.string() + " is " + std::to_string(info.st_size) + " bytes, over the limit of " +
                                 std::to_string(max_bytes));
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(info.st_size) + 1);  // one more: did it grow?
    std::size_t size = 0;
    while (size < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + size, bytes.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(path, "read");
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    if (size > static_cast<std::size_t>(info.st_size))
        throw std::runtime_error("cannot read " + path.string() + ": it grew while it was read");
    bytes.resize(size);
    return bytes;
}

std::string read_text_file(const std::filesystem::path& path) {
    const auto bytes = read_file(path);
    return std::string(bytes.begin(), bytes.end());
}

void write_file_atomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    std::string temp = (directory / (path.filename().string() + ".tmp-XXXXXX")).string();
    const Descriptor file{::mkstemp(temp.data())};
    if (file.fd < 0) fail(temp, "create");
    const auto discard = [&](const char* action) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        fail(path, action);
    };
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(file.fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) discard("write");
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(file.fd, 0644) != 0 || ::fsync(file.fd) != 0) discard("sync");
    if (::rename(temp.c_str(), path.c_str()) != 0) discard("replace");
    // Make the rename itself durable.
    const Descriptor dir{::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
}

}  // namespace vitrine::native
