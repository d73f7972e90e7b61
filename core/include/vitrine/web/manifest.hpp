// vitrine/web/manifest.hpp — the manifest of a web pack: what a browser fetches first.
//
//   vitrine::WebManifest m = vitrine::parse_web_manifest(json_text);
//   m.first_pass.file; m.chunks[i].file; m.chunk_products;
//
// A web pack (vitrine/web/pack_writer.hpp) is a companion of an index for hosts that
// serve whole files only: manifest.json, a first-pass file (an int8 Matryoshka prefix of
// every vector) and chunk files, each holding chunk_products consecutive products' full
// rows and records. Every file but the manifest is named by the XXH3-128 of its bytes
// (32 hex digits + ".bin"), so a CDN may cache it forever and a reader can check it.
// Chunk i holds slots [i * chunk_products, min(count, (i + 1) * chunk_products)); the first
// pass says which product has which slot (similar products share chunks, web/chunk_order.hpp).
// A single-file pack (for hosts with HTTP Range requests) has one more content-named file,
// "pack": the first pass and every chunk concatenated in manifest order, so each is a byte
// range of it (web_pack_range) and the host holds two files, not thousands; the names and
// lengths listed still check every range fetched.
//
// parse_web_manifest refuses (ErrorKind::corrupt_index, naming the field) text that is
// not JSON, a format other than "vitrine-web-pack", missing or mistyped fields, counts
// and dims out of IndexLimits, a chunk table whose length does not match count, a pack
// whose length is not the sum of its parts, and file names that are not content names; a newer version is ErrorKind::unsupported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/index/format.hpp"

namespace vitrine {

inline constexpr std::uint32_t web_pack_version = 1;
inline constexpr std::string_view web_manifest_name = "manifest.json";

struct WebPackFileRef {
    std::string file;         // "<32 hex digits>.bin"
    std::uint64_t bytes = 0;  // its exact length
};

struct WebManifest {
    std::string model;
    std::uint32_t model_dims = 0;
    std::uint32_t dims = 0;
    Storage storage = Storage::f32;  // the index's: f32 or int8
    std::uint32_t count = 0;
    std::uint64_t index_bytes = 0;   // the whole index's size, for comparison
    std::uint32_t first_pass_dims = 0;
    WebPackFileRef first_pass;
    std::uint32_t chunk_products = 0;
    std::vector<WebPackFileRef> chunks;
    std::optional<WebPackFileRef> pack;  // a single-file pack: every file above, in one
};

WebManifest parse_web_manifest(std::string_view json_text);

// Where the first pass or a chunk lies in a single-file pack; none for a pack of separate
// files, or a name the manifest does not list.
struct WebPackRange {
    std::string file;  // the pack's
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
};
std::optional<WebPackRange> web_pack_range(const WebManifest& manifest, std::string_view file);
std::string to_json(const WebManifest& manifest);

}  // namespace vitrine
