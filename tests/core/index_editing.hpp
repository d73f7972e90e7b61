// index_editing.hpp — edits the bytes of an index file after the fact, for tests
// and fuzz targets that need a hostile index whose checksums still match.
//
//   bytes::store<std::uint32_t>(bytes.data() + layout::header::dims, 20000);
//   vitrine::test::reseal(bytes);   // now the dims check fires, not the checksum
//
// reseal() rewrites the file-size field (to the size of the bytes, or to the size
// given), the checksum of every section that lies inside the bytes, and the header
// checksum. It trusts nothing it reads: bytes too short for a header, or a section
// table outside them, are left as they are.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "index/layout.hpp"

namespace vitrine::test {

inline std::uint8_t* section_entry(std::vector<std::uint8_t>& bytes, std::size_t i) {
    const auto table = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_table);
    return bytes.data() + table + i * layout::section_entry_size;
}

inline void reseal(std::vector<std::uint8_t>& bytes, std::optional<std::uint64_t> file_size = {}) {
    if (bytes.size() < layout::header_size) return;
    std::uint8_t* h = bytes.data();
    bytes::store<std::uint64_t>(h + layout::header::file_size, file_size.value_or(bytes.size()));
    const std::uint64_t count = bytes::load<std::uint32_t>(h + layout::header::section_count);
    const std::uint64_t table = bytes::load<std::uint32_t>(h + layout::header::section_table);
    const std::uint64_t table_end = table + count * layout::section_entry_size;
    if (table < layout::header_size || table_end > bytes.size()) return;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint8_t* e = h + table + i * layout::section_entry_size;
        const auto offset = bytes::load<std::uint64_t>(e + layout::entry::offset);
        const auto length = bytes::load<std::uint64_t>(e + layout::entry::length);
        if (offset <= bytes.size() && length <= bytes.size() - offset)
            bytes::store<std::uint64_t>(e + layout::entry::checksum, checksum64(h + offset, length));
    }
    bytes::store<std::uint64_t>(h + layout::header::checksum, 0);
    bytes::store<std::uint64_t>(h + layout::header::checksum, checksum64(h, table_end));
}

}  // namespace vitrine::test
