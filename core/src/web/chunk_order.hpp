// web/chunk_order.hpp — which products share a chunk (internal).
//
//   std::vector<std::uint32_t> order = web::chunk_order(rows, scales, count, dims);  // positions
//
// A query's candidates are similar products, so a pack whose chunks hold similar products
// needs far fewer chunks a query (fewer bytes, fewer requests) than chunks of consecutive
// positions. Products are grouped by their nearest pivot in first-pass space (one product
// from each stretch of count / pivots positions, at a hashed offset so that a catalogue whose
// kinds repeat with the position does not put every pivot in one kind; pivots = count / 64,
// at least 1), scored as the first
// pass scores (int8 dot x the pivot's scale; ties to the lower pivot), then listed by pivot and
// position. Deterministic: the same first pass gives the same order on every platform.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace vitrine::web {

std::vector<std::uint32_t> chunk_order(std::span<const std::int8_t> rows, std::span<const float> scales,
                                       std::uint32_t count, std::uint32_t dims);

}  // namespace vitrine::web
