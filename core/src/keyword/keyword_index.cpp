// keyword/keyword_index.cpp — the keywords section checked and read in place
// (see vitrine/keyword/keyword_index.hpp; layout in index/layout.hpp).
#include "vitrine/keyword/keyword_index.hpp"

#include <algorithm>

#include "base/byte_io.hpp"
#include "index/layout.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/keyword/tokens.hpp"

namespace vitrine {
namespace {

[[noreturn]] void corrupt(const std::string& message) {
    throw Error(ErrorKind::corrupt_index, "index: the keywords section " + message);
}
std::string num(std::uint64_t value) { return std::to_string(value); }

}  // namespace

KeywordIndex KeywordIndex::open(std::span<const std::uint8_t> section, std::uint32_t record_count) {
    if (section.size() < layout::keyword_header_size) corrupt("is shorter than its header");
    const std::uint8_t* h = section.data();
    const std::uint64_t fields = bytes::load<std::uint32_t>(h), terms = bytes::load<std::uint32_t>(h + 4),
                        postings = bytes::load<std::uint32_t>(h + 8), text_bytes = bytes::load<std::uint32_t>(h + 12),
                        name_bytes = bytes::load<std::uint32_t>(h + 16);
    if (fields != keyword_field_count) corrupt("has " + num(fields) + " fields, expected " + num(keyword_field_count));
    const std::uint64_t lengths_at = layout::keyword_header_size;
    const std::uint64_t terms_at = lengths_at + std::uint64_t{record_count} * keyword_field_count * 2;
    const std::uint64_t postings_at = terms_at + terms * layout::keyword_term_entry_size;
    const std::uint64_t text_at = postings_at + postings * layout::keyword_posting_size;
    const std::uint64_t expected = text_at + text_bytes + name_bytes;
    if (section.size() != expected)
        corrupt("is " + num(section.size()) + " bytes, its header describes " + num(expected));

    KeywordIndex index;
    index.record_count_ = record_count;
    index.term_count_ = static_cast<std::uint32_t>(terms);
    index.lengths_ = h + lengths_at;
    index.terms_ = h + terms_at;
    index.postings_ = h + postings_at;
    index.text_ = h + text_at;

    std::uint64_t next_posting = 0;
    std::string_view previous;
    for (std::uint32_t t = 0; t < terms; ++t) {
        const std::uint8_t* entry = index.terms_ + std::size_t{t} * layout::keyword_term_entry_size;
        const std::uint64_t offset = bytes::load<std::uint32_t>(entry), length = bytes::load<std::uint32_t>(entry + 4),
                            first = bytes::load<std::uint32_t>(entry + 8), count = bytes::load<std::uint32_t>(entry + 12);
        if (length == 0 || length > max_token_bytes || offset + length > text_bytes)
            corrupt("term " + num(t) + " has text outside the term text or of a bad length");
        const std::string_view term = index.term(t);
        if (t > 0 && !(previous < term)) corrupt("terms are not in strictly ascending order at term " + num(t));
        previous = term;
        if (first != next_posting || count == 0 || first + count > postings)
            corrupt("term " + num(t) + " has postings out of order or outside the postings");
        next_posting = first + count;
        const std::span<const std::uint8_t> list = index.postings_bytes(t);
        std::uint32_t last_position = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const Posting p = posting(list, i);
            if (p.position >= record_count || (i > 0 && p.position <= last_position))
                corrupt("term " + num(t) + " has a posting for a position out of range or out of order");
            last_position = p.position;
            if (std::all_of(std::begin(p.frequency), std::end(p.frequency), [](std::uint8_t f) { return f == 0; }))
                corrupt("term " + num(t) + " has an empty posting");
        }
    }
    if (next_posting != postings) corrupt("has postings no term refers to");

    for (std::size_t f = 0; f < keyword_field_count; ++f) {
        double total = 0;
        for (std::uint32_t i = 0; i < record_count; ++i) total += index.field_length(i, static_cast<KeywordField>(f));
        index.mean_lengths_[f] = record_count ? total / record_count : 0.0;
    }
    const std::string_view names(reinterpret_cast<const char*>(index.text_ + text_bytes), name_bytes);
    for (std::size_t start = 0; start < names.size();) {
        const std::size_t end = std::min(names.find('\n', start), names.size());
        if (end == start) corrupt("names an empty metadata field");
        index.metadata_fields_.emplace_back(names.substr(start, end - start));
        start = end + 1;
        if (start == names.size()) corrupt("names an empty metadata field");
    }
    return index;
}

std::string_view KeywordIndex::term(std::uint32_t t) const noexcept {
    const std::uint8_t* entry = terms_ + std::size_t{t} * layout::keyword_term_entry_size;
    return {reinterpret_cast<const char*>(text_) + bytes::load<std::uint32_t>(entry), bytes::load<std::uint32_t>(entry + 4)};
}

std::uint32_t KeywordIndex::lower_bound(std::string_view text) const noexcept {
    std::uint32_t low = 0, high = term_count_;
    while (low < high) {
        const std::uint32_t middle = low + (high - low) / 2;
        if (term(middle) < text)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

std::uint32_t KeywordIndex::posting_count(std::uint32_t t) const noexcept {
    return bytes::load<std::uint32_t>(terms_ + std::size_t{t} * layout::keyword_term_entry_size + 12);
}

std::span<const std::uint8_t> KeywordIndex::postings_bytes(std::uint32_t t) const noexcept {
    const std::uint8_t* entry = terms_ + std::size_t{t} * layout::keyword_term_entry_size;
    return {postings_ + std::size_t{bytes::load<std::uint32_t>(entry + 8)} * layout::keyword_posting_size,
            std::size_t{bytes::load<std::uint32_t>(entry + 12)} * layout::keyword_posting_size};
}

Posting KeywordIndex::posting(std::span<const std::uint8_t> bytes, std::size_t i) noexcept {
    const std::uint8_t* at = bytes.data() + i * layout::keyword_posting_size;
    return {bytes::load<std::uint32_t>(at), {at[4], at[5], at[6], at[7]}};
}

std::uint16_t KeywordIndex::field_length(std::uint32_t position, KeywordField field) const noexcept {
    return bytes::load<std::uint16_t>(lengths_ + (std::size_t{position} * keyword_field_count + static_cast<std::size_t>(field)) * 2);
}

}  // namespace vitrine
