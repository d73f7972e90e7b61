// keyword/keyword_section.cpp — the keywords section's bytes (see keyword/keyword_section.hpp).
#include "keyword/keyword_section.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/keyword/keyword_index.hpp"
#include "vitrine/keyword/tokens.hpp"

namespace vitrine {
namespace {

using Counts = std::array<std::uint32_t, keyword_field_count>;

// The text of a metadata value that keyword search indexes: strings, numbers and booleans,
// and arrays of them (tags); objects and nulls are not searched.
void append_value_text(const nlohmann::json& value, std::string& out) {
    if (value.is_array()) {
        for (const auto& item : value)
            if (!item.is_array()) append_value_text(item, out);
    } else if (value.is_string()) {
        out += value.get<std::string>();
        out += ' ';
    } else if (value.is_number() || value.is_boolean()) {
        out += value.dump();
        out += ' ';
    }
}

std::string attribute_text(const Product& product, std::span<const std::string> metadata_fields) {
    std::string text = product.id + ' ';
    if (metadata_fields.empty()) return text;
    const auto metadata = nlohmann::json::parse(product.metadata_json, nullptr, false);
    for (const std::string& field : metadata_fields)
        if (metadata.is_object() && metadata.contains(field)) append_value_text(metadata[field], text);
    return text;
}

// Every indexed term of a text, counted once per occurrence; codes add their parts.
void count_terms(std::string_view text, std::size_t field, std::map<std::string, Counts>& terms, std::uint32_t& length) {
    for (const std::string& token : tokens(text)) {
        ++terms[token][field];
        ++length;
        for (const std::string& part : code_parts(token)) {
            ++terms[part][field];
            ++length;
        }
    }
}

std::uint8_t saturate8(std::uint32_t value) { return static_cast<std::uint8_t>(std::min<std::uint32_t>(value, 255)); }
std::uint16_t saturate16(std::uint32_t value) { return static_cast<std::uint16_t>(std::min<std::uint32_t>(value, 65535)); }

}  // namespace

std::vector<std::uint8_t> write_keyword_section(std::span<const Product> products,
                                                std::span<const std::string> metadata_fields) {
    std::string names;
    for (const std::string& field : metadata_fields) {
        if (field.empty() || field.find('\n') != std::string::npos)
            throw Error(ErrorKind::invalid_argument, "index build: keyword field names must be non-empty single lines");
        names += (names.empty() ? "" : "\n") + field;
    }
    // term -> (position, counts) in ascending position, as products are visited in order.
    std::map<std::string, std::vector<std::pair<std::uint32_t, Counts>>> postings;
    std::vector<std::uint8_t> lengths(products.size() * keyword_field_count * 2);
    for (std::size_t i = 0; i < products.size(); ++i) {
        const Product& p = products[i];
        const std::string attributes = attribute_text(p, metadata_fields);
        const std::string_view texts[keyword_field_count] = {p.title, p.description, p.category, attributes};
        std::map<std::string, Counts> terms;
        for (std::size_t f = 0; f < keyword_field_count; ++f) {
            std::uint32_t length = 0;
            count_terms(texts[f], f, terms, length);
            bytes::store<std::uint16_t>(lengths.data() + (i * keyword_field_count + f) * 2, saturate16(length));
        }
        for (auto& [term, counts] : terms) postings[term].emplace_back(static_cast<std::uint32_t>(i), counts);
    }

    std::size_t posting_total = 0, text_bytes = 0;
    for (const auto& [term, list] : postings) {
        posting_total += list.size();
        text_bytes += term.size();
    }
    if (posting_total > UINT32_MAX || text_bytes > UINT32_MAX)
        throw Error(ErrorKind::limit_exceeded, "index build: the keyword section exceeds 4 GiB");

    const std::size_t terms_at = layout::keyword_header_size + lengths.size();
    const std::size_t postings_at = terms_at + postings.size() * layout::keyword_term_entry_size;
    const std::size_t text_at = postings_at + posting_total * layout::keyword_posting_size;
    std::vector<std::uint8_t> out(text_at + text_bytes + names.size());  // one allocation, written in place
    bytes::store<std::uint32_t>(out.data(), keyword_field_count);
    bytes::store<std::uint32_t>(out.data() + 4, static_cast<std::uint32_t>(postings.size()));
    bytes::store<std::uint32_t>(out.data() + 8, static_cast<std::uint32_t>(posting_total));
    bytes::store<std::uint32_t>(out.data() + 12, static_cast<std::uint32_t>(text_bytes));
    bytes::store<std::uint32_t>(out.data() + 16, static_cast<std::uint32_t>(names.size()));
    std::copy(lengths.begin(), lengths.end(), out.begin() + layout::keyword_header_size);  // an empty vector may hold null data(), which memcpy must not get

    std::size_t posting_at = postings_at, text_offset = 0;
    std::uint32_t first_posting = 0, t = 0;
    for (const auto& [term, list] : postings) {
        std::uint8_t* entry = out.data() + terms_at + std::size_t{t++} * layout::keyword_term_entry_size;
        bytes::store<std::uint32_t>(entry, static_cast<std::uint32_t>(text_offset));
        bytes::store<std::uint32_t>(entry + 4, static_cast<std::uint32_t>(term.size()));
        bytes::store<std::uint32_t>(entry + 8, first_posting);
        bytes::store<std::uint32_t>(entry + 12, static_cast<std::uint32_t>(list.size()));
        for (const auto& [position, counts] : list) {
            bytes::store<std::uint32_t>(out.data() + posting_at, position);
            for (std::size_t f = 0; f < keyword_field_count; ++f) out[posting_at + 4 + f] = saturate8(counts[f]);
            posting_at += layout::keyword_posting_size;
        }
        std::memcpy(out.data() + text_at + text_offset, term.data(), term.size());
        text_offset += term.size();
        first_posting += static_cast<std::uint32_t>(list.size());
    }
    std::memcpy(out.data() + text_at + text_bytes, names.data(), names.size());
    return out;
}

}  // namespace vitrine
