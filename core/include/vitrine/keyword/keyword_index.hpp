// vitrine/keyword/keyword_index.hpp — the keyword section of an index, read in place.
//
//   if (const vitrine::KeywordIndex* keywords = index.keywords()) keywords->term_count();
//
// The section (layout in core/src/index/layout.hpp, type 16) holds a sorted term
// dictionary, each term's postings (record position and its count in each of the four
// fields below) and every record's length in tokens per field, for BM25F scoring
// (vitrine/keyword/keyword_search.hpp). open() checks all of it: sizes, a strictly
// ascending dictionary of non-empty terms, postings that cover the postings area in order
// with ascending positions below the record count, and no empty posting. A bad section is
// refused (ErrorKind::corrupt_index) naming what is wrong.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

// The fields a record's keywords come from. `attributes`: the id and the metadata fields
// chosen at build time (IndexSpec::keyword_fields), such as brand, colour or SKU.
enum class KeywordField : std::uint8_t { title = 0, description = 1, category = 2, attributes = 3 };
inline constexpr std::size_t keyword_field_count = 4;

struct Posting {
    std::uint32_t position;
    std::uint8_t frequency[keyword_field_count];  // occurrences per field, at most 255
};

class KeywordIndex {
public:
    static KeywordIndex open(std::span<const std::uint8_t> section, std::uint32_t record_count);

    std::uint32_t term_count() const noexcept { return term_count_; }
    std::string_view term(std::uint32_t t) const noexcept;
    // The first term >= text, or term_count(); and the term equal to text, if any.
    std::uint32_t lower_bound(std::string_view text) const noexcept;
    std::span<const std::uint8_t> postings_bytes(std::uint32_t t) const noexcept;
    std::uint32_t posting_count(std::uint32_t t) const noexcept;
    static Posting posting(std::span<const std::uint8_t> bytes, std::size_t i) noexcept;
    // Tokens of a record in a field, and the mean over all records.
    std::uint16_t field_length(std::uint32_t position, KeywordField field) const noexcept;
    double mean_field_length(KeywordField field) const noexcept { return mean_lengths_[static_cast<std::size_t>(field)]; }
    std::uint32_t record_count() const noexcept { return record_count_; }
    const std::vector<std::string>& metadata_fields() const noexcept { return metadata_fields_; }

private:
    std::uint32_t record_count_ = 0, term_count_ = 0;
    const std::uint8_t* lengths_ = nullptr;
    const std::uint8_t* terms_ = nullptr;
    const std::uint8_t* postings_ = nullptr;
    const std::uint8_t* text_ = nullptr;
    double mean_lengths_[keyword_field_count] = {};
    std::vector<std::string> metadata_fields_;
};

}  // namespace vitrine
