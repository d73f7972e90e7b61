// vitrine/web/pack_writer.hpp — writes a web pack: an index split for lazy loading.
//
//   vitrine::WebPack pack = vitrine::write_web_pack(index, {.first_pass_dims = 64});
//   write(dir / "manifest.json", pack.manifest_json);
//   write(dir / pack.first_pass.name, pack.first_pass.bytes);  for (auto& c : pack.chunks) ...
//
// The first pass holds, for every product, the first first_pass_dims values of its
// vector (dequantised from int8 storage), re-normalised to unit length and quantised to
// int8 with one scale (as the int8 index storage quantises). A product whose prefix is
// all zeros gets a zero row (it scores 0 in the first pass). Chunks hold chunk_products
// products each: their rows exactly as the index stores them, and their records. Similar
// products share chunks (each product joins its nearest of count / 64 pivot products in
// first-pass space), so a query's candidates, which are similar, need few chunks.
// With single_file the manifest names the concatenation too, for a host that serves it
// (and the manifest) with Range requests instead of the separate files.
// Layout and names: vitrine/web/manifest.hpp; reading: vitrine/web/web_index.hpp.
//
// Refuses (ErrorKind::unsupported) binary storage and indexes with rescoring copies (their
// search is a two-step estimate that a pack cannot reproduce bit for bit), and
// (invalid_argument) first_pass_dims of 0 or above the index's dims, chunk_products of 0.
// The text vector field only: an image field, keywords and facets are not packed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vitrine/index/reader.hpp"

namespace vitrine {

struct WebPackOptions {
    std::uint32_t first_pass_dims = 64;
    std::uint32_t chunk_products = 16;
    bool single_file = false;  // also the single-file form (manifest.hpp), named in the manifest
};

struct WebPackFile {
    std::string name;  // content name, "<32 hex digits>.bin"
    std::vector<std::uint8_t> bytes;
};

struct WebPack {
    std::string manifest_json;  // written as manifest.json (web_manifest_name)
    WebPackFile first_pass;
    std::vector<WebPackFile> chunks;
    std::optional<WebPackFile> single;  // single_file: the first pass and the chunks, concatenated
};

WebPack write_web_pack(const Index& index, const WebPackOptions& options = {});

}  // namespace vitrine
