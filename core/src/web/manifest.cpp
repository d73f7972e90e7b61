// web/manifest.cpp — the web pack manifest as JSON. See vitrine/web/manifest.hpp.
#include "vitrine/web/manifest.hpp"

#include <nlohmann/json.hpp>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorKind::corrupt_index, "web manifest: " + message);
}

const nlohmann::json& field(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end()) refuse("has no \"" + std::string(name) + "\"");
    return *found;
}

std::uint64_t whole(const nlohmann::json& object, const char* name, std::uint64_t min, std::uint64_t max) {
    const nlohmann::json& value = field(object, name);
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() < min || value.get<std::uint64_t>() > max)
        refuse("\"" + std::string(name) + "\" must be a whole number in " + std::to_string(min) + ".." +
               std::to_string(max));
    return value.get<std::uint64_t>();
}

std::string text(const nlohmann::json& object, const char* name) {
    const nlohmann::json& value = field(object, name);
    if (!value.is_string()) refuse("\"" + std::string(name) + "\" must be a string");
    return value.get<std::string>();
}

bool is_content_name(const std::string& name) {
    if (name.size() != 36 || name.compare(32, 4, ".bin") != 0) return false;
    for (std::size_t i = 0; i < 32; ++i)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f'))) return false;
    return true;
}

WebPackFileRef file_ref(const nlohmann::json& value, const std::string& what) {
    if (!value.is_object()) refuse(what + " must be an object");
    WebPackFileRef ref{text(value, "file"), whole(value, "bytes", 1, IndexLimits::max_file_bytes)};
    if (!is_content_name(ref.file)) refuse(what + " has file \"" + ref.file + "\", not a content name (32 hex digits + .bin)");
    return ref;
}

}  // namespace

WebManifest parse_web_manifest(std::string_view json_text) {
    const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) refuse("is not a JSON object");
    if (!doc.contains("format") || doc["format"] != "vitrine-web-pack") refuse("\"format\" is not \"vitrine-web-pack\"");
    const std::uint64_t version = whole(doc, "version", 1, UINT32_MAX);
    if (version > web_pack_version)
        throw Error(ErrorKind::unsupported, "web manifest: version " + std::to_string(version) +
                                                " is newer than this reader's (" + std::to_string(web_pack_version) + ")");
    WebManifest m;
    m.model = text(doc, "model");
    m.model_dims = static_cast<std::uint32_t>(whole(doc, "model_dims", 0, UINT32_MAX));
    m.dims = static_cast<std::uint32_t>(whole(doc, "dims", 1, IndexLimits::max_dims));
    const auto storage = storage_from_string(text(doc, "storage"));
    if (!storage || (*storage != Storage::f32 && *storage != Storage::int8))
        refuse("\"storage\" must be \"f32\" or \"int8\"");
    m.storage = *storage;
    m.count = static_cast<std::uint32_t>(whole(doc, "count", 1, IndexLimits::max_records));
    m.index_bytes = whole(doc, "index_bytes", 0, IndexLimits::max_file_bytes);
    const nlohmann::json& first = field(doc, "first_pass");
    m.first_pass = file_ref(first, "\"first_pass\"");
    m.first_pass_dims = static_cast<std::uint32_t>(whole(first, "dims", 1, m.dims));
    m.chunk_products = static_cast<std::uint32_t>(whole(doc, "chunk_products", 1, m.count));
    const nlohmann::json& chunks = field(doc, "chunks");
    const std::uint64_t expected = (std::uint64_t{m.count} + m.chunk_products - 1) / m.chunk_products;
    if (!chunks.is_array() || chunks.size() != expected)
        refuse("\"chunks\" must list " + std::to_string(expected) + " chunks (count / chunk_products)");
    m.chunks.reserve(chunks.size());
    for (std::size_t i = 0; i < chunks.size(); ++i) m.chunks.push_back(file_ref(chunks[i], "chunk " + std::to_string(i)));
    if (const auto pack = doc.find("pack"); pack != doc.end()) {
        m.pack = file_ref(*pack, "\"pack\"");
        std::uint64_t parts = m.first_pass.bytes;
        for (const WebPackFileRef& chunk : m.chunks) parts += chunk.bytes;  // each <= 2^40: no overflow
        if (m.pack->bytes != parts)
            refuse("\"pack\" is " + std::to_string(m.pack->bytes) + " bytes, not the " + std::to_string(parts) +
                   " of the first pass and chunks it holds");
    }
    return m;
}

std::optional<WebPackRange> web_pack_range(const WebManifest& m, std::string_view file) {
    if (!m.pack) return std::nullopt;
    if (file == m.first_pass.file) return WebPackRange{m.pack->file, 0, m.first_pass.bytes};
    std::uint64_t offset = m.first_pass.bytes;
    for (const WebPackFileRef& chunk : m.chunks) {
        if (chunk.file == file) return WebPackRange{m.pack->file, offset, chunk.bytes};
        offset += chunk.bytes;
    }
    return std::nullopt;
}

std::string to_json(const WebManifest& m) {
    nlohmann::json chunks = nlohmann::json::array();
    for (const WebPackFileRef& c : m.chunks) chunks.push_back({{"file", c.file}, {"bytes", c.bytes}});
    nlohmann::json doc = {
        {"format", "vitrine-web-pack"},
        {"version", web_pack_version},
        {"model", m.model},
        {"model_dims", m.model_dims},
        {"dims", m.dims},
        {"storage", to_string(m.storage)},
        {"count", m.count},
        {"index_bytes", m.index_bytes},
        {"first_pass", {{"dims", m.first_pass_dims}, {"file", m.first_pass.file}, {"bytes", m.first_pass.bytes}}},
        {"chunk_products", m.chunk_products},
        {"chunks", chunks},
    };
    if (m.pack) doc["pack"] = {{"file", m.pack->file}, {"bytes", m.pack->bytes}};
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vitrine
