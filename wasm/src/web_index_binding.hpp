// web_index_binding.hpp — a web pack (vitrine/web/web_index.hpp) as js/web_index.js drives it.
//
//   const { file, bytes, range } = core.webManifestFirstPass(manifestUtf8);  // what to fetch next
//   web.rangeOf(file);                       // single-file pack: {file, offset, bytes} of it; else null
//   const web = core.openWebIndex(manifestUtf8, firstPassBytes);     // null (failure.hpp) if refused
//   let answer = web.search(queryVector, { topK, candidates });      // {missing: [chunk files]} ...
//   web.addChunk(file, bytes);                                       // ... fetched, checked by the core
//   answer = web.search(queryVector, { topK, candidates });          // {results: [hits]}
//
// search runs the core's first pass; while chunks its candidates need are missing it
// answers with their names (in the core's order, best candidates' first), else with the
// exactly rescored hits shaped like index.search's. The first pass is repeated after the
// fetch rather than held between calls: it is a small scan, and no state outlives a call.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>

#include "vitrine/web/web_index.hpp"

namespace vitrine::wasm {

emscripten::val web_manifest_first_pass(const emscripten::val& manifest_utf8);

class OpenedWebIndex {
public:
    static std::unique_ptr<OpenedWebIndex> open(const emscripten::val& manifest_utf8, const emscripten::val& first_pass);

    std::uint32_t count() const { return web_.count(); }
    std::uint32_t dims() const { return web_.dims(); }
    std::uint32_t first_pass_dims() const { return web_.manifest().first_pass_dims; }
    std::string storage() const;
    std::string model() const { return web_.manifest().model; }
    double index_bytes() const { return static_cast<double>(web_.manifest().index_bytes); }
    double chunk_bytes_held() const { return static_cast<double>(web_.chunk_bytes_held()); }

    emscripten::val search(const emscripten::val& query, const emscripten::val& options) const;
    // true, or undefined (failure.hpp) for a chunk the core refuses.
    emscripten::val add_chunk(const std::string& file, const emscripten::val& bytes);
    bool has_chunk(const std::string& file) const { return web_.has_chunk(file); }
    // Where a file lies in a single-file pack (vitrine/web/manifest.hpp), or null.
    emscripten::val range_of(const std::string& file) const;

private:
    explicit OpenedWebIndex(WebIndex web) : web_(std::move(web)) {}
    WebIndex web_;
};

}  // namespace vitrine::wasm
