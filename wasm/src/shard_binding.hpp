// shard_binding.hpp — a catalogue's shards for the JS layer: index.shard, and
// vitrine.mergePages, which merges shard pages into the whole catalogue's page.
//
//   index.shard                      // {shard, shards, catalogue, catalogueCount} or null
//   vitrine.mergePages(pages, {topK, offset, sort, facets})
//     // pages: shard answers of index.search(text, {...page options, topK: offset + topK, offset: 0})
//     -> {results, total, facets, facetStats}, as index.search answers for the whole catalogue
//
// A shard page's hits carry cataloguePosition (text_page_binding.cpp) and, sorted by a
// field, sortKey; the merge (vitrine/search/merge_pages.hpp) orders them as the whole index
// does and gives each merged hit its catalogue position as `position`, its rank in the page.
// Refuses (invalid_argument): a hit without a cataloguePosition (a page of an index that is
// not a shard) and what merge_pages refuses.
#pragma once

#include <emscripten/val.h>

#include "opened_index.hpp"

namespace vitrine::wasm {

emscripten::val shard_js(const OpenedIndex& index);
emscripten::val merge_pages_js(const emscripten::val& pages, const emscripten::val& options);

}  // namespace vitrine::wasm
