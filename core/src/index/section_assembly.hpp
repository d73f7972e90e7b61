// index/section_assembly.hpp — a header and sections laid out as an index file (internal).
//
//   auto bytes = assemble_index(header, sections);   // the writer's and mark_shard's last step
//
// `header` holds the header's fixed fields (magic, versions, counts, spec, model name);
// this fills in the file size, section count and table offset, writes the section table
// (types, flags, offsets on 64-byte boundaries, lengths, XXH3-64 checksums, names) and the
// header checksum (index/layout.hpp).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "index/layout.hpp"

namespace vitrine {

struct OutputSection {
    layout::SectionType type;
    std::string name;
    std::vector<std::uint8_t> bytes;
    bool required = true;
};

std::vector<std::uint8_t> assemble_index(std::span<const std::uint8_t, layout::header_size> header,
                                         std::span<const OutputSection> sections);

}  // namespace vitrine
