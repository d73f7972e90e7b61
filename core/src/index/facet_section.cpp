// index/facet_section.cpp — the facet columns section's bytes (see index/facet_section.hpp).
#include "index/facet_section.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

using nlohmann::json;

constexpr std::size_t auto_field_limit = 32;
constexpr std::size_t auto_value_bytes = 100;

bool is_builtin(std::string_view name) { return name == "category" || name == "price"; }

// A scalar's text as a facet value; nullopt for objects, nulls and nested arrays.
std::optional<std::string> value_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean() || value.is_number()) return value.dump();
    return std::nullopt;
}

// Every value of a field in a record (an array gives several).
std::vector<std::string> record_values(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const json& item : value)
            if (auto text = value_text(item)) out.push_back(std::move(*text));
    } else if (auto text = value_text(value)) {
        out.push_back(std::move(*text));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> chosen_fields(const std::vector<json>& metadata) {
    std::map<std::string, bool> usable;
    for (const json& object : metadata)
        for (const auto& [name, value] : object.items()) {
            const auto fits = [](const json& v) {
                return v.is_boolean() || v.is_number() || (v.is_string() && v.get_ref<const std::string&>().size() <= auto_value_bytes);
            };
            bool ok = fits(value) || (value.is_array() && !value.empty() && std::all_of(value.begin(), value.end(), fits));
            auto [it, added] = usable.try_emplace(name, ok);
            if (!added) it->second = it->second && ok;
        }
    std::vector<std::string> out;
    for (const auto& [name, ok] : usable)
        if (ok && !is_builtin(name) && out.size() < auto_field_limit) out.push_back(name);
    return out;
}

std::optional<double> as_number(const std::string& text) {
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_number()) return parsed.get<double>();
    return std::nullopt;
}

}  // namespace

std::vector<std::uint8_t> write_facet_section(std::span<const Product> products,
                                              const std::optional<std::vector<std::string>>& fields) {
    std::vector<json> metadata;
    metadata.reserve(products.size());
    for (const Product& p : products) metadata.push_back(json::parse(p.metadata_json, nullptr, false));
    std::vector<std::string> names = fields ? *fields : chosen_fields(metadata);
    std::erase_if(names, [](const std::string& name) { return is_builtin(name); });
    for (const std::string& name : names)
        if (name.empty() || std::count(names.begin(), names.end(), name) > 1)
            throw Error(ErrorKind::invalid_argument, "index build: facet fields must be distinct and non-empty");
    if (names.empty()) return {};

    std::string strings;
    const auto add_string = [&](std::string_view text, std::uint8_t* at) {
        if (strings.size() + text.size() > UINT32_MAX) throw Error(ErrorKind::limit_exceeded, "index build: facet values exceed 4 GiB");
        bytes::store<std::uint32_t>(at, static_cast<std::uint32_t>(strings.size()));
        bytes::store<std::uint32_t>(at + 4, static_cast<std::uint32_t>(text.size()));
        strings += text;
    };
    std::vector<std::uint8_t> field_entries(names.size() * layout::facet_field_entry_size);
    std::vector<std::uint8_t> value_entries, starts;
    std::vector<std::uint32_t> refs;
    std::uint32_t first_value = 0;
    for (std::size_t f = 0; f < names.size(); ++f) {
        std::vector<std::vector<std::string>> per_record(products.size());
        std::set<std::string> dictionary;
        for (std::size_t i = 0; i < products.size(); ++i) {
            if (!metadata[i].is_object() || !metadata[i].contains(names[f])) continue;
            per_record[i] = record_values(metadata[i][names[f]]);
            dictionary.insert(per_record[i].begin(), per_record[i].end());
        }
        const std::vector<std::string> sorted(dictionary.begin(), dictionary.end());
        std::uint8_t* field = field_entries.data() + f * layout::facet_field_entry_size;
        add_string(names[f], field);
        bytes::store<std::uint32_t>(field + 8, first_value);
        bytes::store<std::uint32_t>(field + 12, static_cast<std::uint32_t>(sorted.size()));
        first_value += static_cast<std::uint32_t>(sorted.size());
        for (const std::string& value : sorted) {
            const std::size_t at = value_entries.size();
            value_entries.resize(at + layout::facet_value_entry_size);
            add_string(value, value_entries.data() + at);
            bytes::store<double>(value_entries.data() + at + 8, as_number(value).value_or(std::numeric_limits<double>::quiet_NaN()));
        }
        for (std::size_t i = 0; i <= products.size(); ++i) {
            const std::size_t at = starts.size();
            starts.resize(at + 4);
            bytes::store<std::uint32_t>(starts.data() + at, static_cast<std::uint32_t>(refs.size()));
            if (i == products.size()) break;
            for (const std::string& value : per_record[i])
                refs.push_back(static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin()));
        }
    }

    std::vector<std::uint8_t> out(layout::facet_header_size);
    bytes::store<std::uint32_t>(out.data(), static_cast<std::uint32_t>(names.size()));
    bytes::store<std::uint32_t>(out.data() + 4, first_value);
    bytes::store<std::uint32_t>(out.data() + 8, static_cast<std::uint32_t>(refs.size()));
    bytes::store<std::uint32_t>(out.data() + 12, static_cast<std::uint32_t>(strings.size()));
    out.insert(out.end(), field_entries.begin(), field_entries.end());
    out.insert(out.end(), value_entries.begin(), value_entries.end());
    out.insert(out.end(), starts.begin(), starts.end());
    for (const std::uint32_t ref : refs) {
        out.resize(out.size() + 4);
        bytes::store<std::uint32_t>(out.data() + out.size() - 4, ref);
    }
    out.insert(out.end(), strings.begin(), strings.end());
    return out;
}

}  // namespace vitrine
