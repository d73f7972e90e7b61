// index/shard_section.hpp — the shard section checked, for the reader and mark_shard (internal).
//
//   if (auto fault = shard_fault(spec, index)) refuse(*fault);
//
// The rules of vitrine/index/shard.hpp in one place: the reader refuses what this finds as
// a corrupt index, mark_shard as an invalid argument.
#pragma once

#include <optional>
#include <string>

#include "vitrine/index/reader.hpp"
#include "vitrine/index/shard.hpp"

namespace vitrine {

// The first rule `spec` breaks for the products of `index`, or none.
std::optional<std::string> shard_fault(const ShardSpec& spec, const Index& index);

}  // namespace vitrine
