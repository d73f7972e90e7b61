// index/shard.cpp — shard_of, the shard section written and checked (vitrine/index/shard.hpp).
#include "vitrine/index/shard.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "base/byte_io.hpp"
#include "base/hash.hpp"
#include "index/layout.hpp"
#include "index/section_assembly.hpp"
#include "index/shard_section.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"

namespace vitrine {

std::uint32_t shard_of(std::string_view id, std::uint32_t shards) noexcept {
    return shards == 0 ? 0 : static_cast<std::uint32_t>(checksum64(id.data(), id.size()) % shards);
}

std::uint64_t catalogue_fingerprint(std::span<const std::uint8_t> whole_index) noexcept {
    return checksum64(whole_index.data(), whole_index.size());
}

std::string catalogue_id(std::uint64_t catalogue) { return to_hex(catalogue); }

std::optional<std::string> shard_fault(const ShardSpec& spec, const Index& index) {
    const auto text = [](std::uint64_t n) { return std::to_string(n); };
    if (spec.shards < 2 || spec.shards > max_shards)
        return "a catalogue is split into 2.." + text(max_shards) + " shards, not " + text(spec.shards);
    if (spec.shard >= spec.shards) return "shard " + text(spec.shard) + " is not one of " + text(spec.shards);
    if (spec.positions.size() != index.count())
        return text(spec.positions.size()) + " catalogue positions for " + text(index.count()) + " products";
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const std::uint32_t at = spec.positions[i];
        if (at >= spec.catalogue_count)
            return "product " + text(i) + "'s catalogue position " + text(at) + " is past the catalogue's " +
                   text(spec.catalogue_count) + " products";
        if (i > 0 && at <= spec.positions[i - 1]) return "catalogue positions are not ascending at product " + text(i);
        if (shard_of(index.record(i).id, spec.shards) != spec.shard)
            return "product " + text(i) + " belongs to shard " + text(shard_of(index.record(i).id, spec.shards)) +
                   ", not " + text(spec.shard);
    }
    return std::nullopt;
}

std::vector<std::uint8_t> mark_shard(std::span<const std::uint8_t> bytes, const ShardSpec& spec) {
    const Index index = Index::open(bytes);
    if (auto fault = shard_fault(spec, index)) throw Error(ErrorKind::invalid_argument, "shard: " + *fault);

    std::vector<std::uint8_t> section(layout::shard_section::header + spec.positions.size() * 4, 0);
    bytes::store<std::uint32_t>(section.data() + layout::shard_section::shard, spec.shard);
    bytes::store<std::uint32_t>(section.data() + layout::shard_section::shards, spec.shards);
    bytes::store<std::uint32_t>(section.data() + layout::shard_section::catalogue_count, spec.catalogue_count);
    bytes::store<std::uint64_t>(section.data() + layout::shard_section::catalogue, spec.catalogue);
    for (std::size_t i = 0; i < spec.positions.size(); ++i)
        bytes::store<std::uint32_t>(section.data() + layout::shard_section::header + i * 4, spec.positions[i]);

    // The index's sections as they are, but an earlier shard section, then this one.
    std::vector<OutputSection> sections;
    for (const SectionInfo& s : index.sections()) {
        if (s.type == static_cast<std::uint32_t>(layout::SectionType::shard)) continue;
        const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(s.offset);
        sections.push_back({static_cast<layout::SectionType>(s.type), s.name,
                            std::vector<std::uint8_t>(first, first + static_cast<std::ptrdiff_t>(s.length)), s.required});
    }
    sections.push_back({layout::SectionType::shard, "shard", std::move(section), false});
    std::array<std::uint8_t, layout::header_size> header{};
    std::memcpy(header.data(), bytes.data(), layout::header_size);
    return assemble_index(header, sections);
}

}  // namespace vitrine
