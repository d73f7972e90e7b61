// web_index_binding.cpp — a web pack in WASM memory (see web_index_binding.hpp).
#include "web_index_binding.hpp"

#include "failure.hpp"
#include "js_arrays.hpp"
#include "opened_index.hpp"

namespace vitrine::wasm {

using emscripten::val;

namespace {

WebSearchOptions web_options_from(const val& js) {
    WebSearchOptions options;
    if (const val top_k = js["topK"]; !top_k.isUndefined()) options.top_k = top_k.as<std::uint32_t>();
    if (const val candidates = js["candidates"]; !candidates.isUndefined())
        options.candidates = candidates.as<std::uint32_t>();
    return options;
}

// {file, offset, bytes} of a single-file pack's part, or null.
val range_js(const WebManifest& manifest, const std::string& file) {
    const auto range = web_pack_range(manifest, file);
    if (!range) return val::null();
    val out = val::object();
    out.set("file", range->file);
    out.set("offset", static_cast<double>(range->offset));
    out.set("bytes", static_cast<double>(range->bytes));
    return out;
}

}  // namespace

val web_manifest_first_pass(const val& manifest_utf8) {
    return guarded([&] {
        const WebManifest manifest = parse_web_manifest(text_from_js(manifest_utf8));
        val out = val::object();
        out.set("file", manifest.first_pass.file);
        out.set("bytes", static_cast<double>(manifest.first_pass.bytes));
        out.set("range", range_js(manifest, manifest.first_pass.file));
        return out;
    });
}

val OpenedWebIndex::range_of(const std::string& file) const { return range_js(web_.manifest(), file); }

std::unique_ptr<OpenedWebIndex> OpenedWebIndex::open(const val& manifest_utf8, const val& first_pass) {
    return guarded([&] {
        const AlignedBytes bytes = bytes_from_js(first_pass);
        return std::unique_ptr<OpenedWebIndex>(new OpenedWebIndex(WebIndex::open(text_from_js(manifest_utf8), bytes.view())));
    });
}

std::string OpenedWebIndex::storage() const { return to_string(web_.manifest().storage); }

val OpenedWebIndex::search(const val& query, const val& options) const {
    return guarded([&] {
        const std::vector<float> vector = floats_from_js(query);
        const WebSearchOptions web_options = web_options_from(options);
        const WebFirstPass first = web_.first_pass(vector, web_options);
        val missing = val::array();
        std::size_t n = 0;
        for (const std::string& file : first.chunks)
            if (!web_.has_chunk(file)) missing.set(n++, file);
        if (n > 0) {
            val out = val::object();
            out.set("missing", missing);
            return out;
        }
        return hits_to_js(web_, web_.rescore(vector, first, web_options));
    });
}

val OpenedWebIndex::add_chunk(const std::string& file, const val& bytes) {
    return guarded([&] {
        const AlignedBytes copy = bytes_from_js(bytes);
        web_.add_chunk(file, copy.view());
        return val(true);
    });
}

}  // namespace vitrine::wasm
