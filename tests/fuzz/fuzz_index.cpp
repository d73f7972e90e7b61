// fuzz_index.cpp — fuzz target: Index::open and search on a fuzzed index file.
//
// The input is an index file. It is opened twice: as given, so that size,
// magic, version and checksum checks see the raw mutation; then resealed (file
// size field and checksums recomputed, tests/core/index_editing.hpp), so that
// mutations reach the structural checks behind the checksums. An index that
// opens is read in full and searched: unfiltered, and filtered by record 0's own
// category, price and id, which must find record 0; each search again in a batch
// (search_batch, two threads for the second query), which must give the same hits; the image
// field, when there is one, by a photo vector alone and with the text; similar to record 0.
// Indexes with keywords are also searched by record 0's title: keyword hits, and a
// storefront page filtered by, counting and sorting by every facet column. A shard's
// section must hold what open checks.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness.hpp"
#include "index_editing.hpp"
#include "vitrine/base/error.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/search/batch_search.hpp"
#include "vitrine/keyword/keyword_search.hpp"
#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/similar.hpp"
#include "vitrine/search/text_page.hpp"

namespace {

using namespace vitrine;

// What search promises whatever the index holds.
void require_valid_hits(const Index& index, const std::vector<SearchHit>& hits, std::size_t top_k) {
    FUZZ_REQUIRE(hits.size() <= std::min<std::size_t>(top_k, index.count()));
    for (std::size_t i = 0; i < hits.size(); ++i) {
        FUZZ_REQUIRE(hits[i].position < index.count());
        if (i == 0) continue;
        const SearchHit& a = hits[i - 1];
        const SearchHit& b = hits[i];
        FUZZ_REQUIRE(a.score > b.score || (a.score == b.score && a.position < b.position));
    }
}

// search_batch gives a query, beside another, the hits search gave it alone, bit for bit.
void require_same_in_a_batch(const Index& index, const std::vector<float>& query, const SearchOptions& options,
                             const std::vector<SearchHit>& alone) {
    std::vector<float> queries(query);
    for (std::size_t d = 0; d < query.size(); ++d) queries.push_back(d % 2 ? -1.0f : 0.5f);
    const SearchOptions both[2] = {options, {.top_k = 2, .threads = 2}};
    const auto answers = search_batch(index, queries, both);
    FUZZ_REQUIRE(answers.size() == 2 && answers[0].size() == alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i)
        FUZZ_REQUIRE(answers[0][i].position == alone[i].position &&
                     std::memcmp(&answers[0][i].score, &alone[i].score, sizeof(float)) == 0);
    require_valid_hits(index, answers[1], 2);
}

void read_and_search(const Index& index) {
    for (std::uint32_t i = 0; i < index.count(); ++i) {
        const RecordView record = index.record(i);
        if (i < 8) {
            const auto found = index.find(record.id);  // the first record with this id
            FUZZ_REQUIRE(found && *found <= i && index.record(*found).id == record.id);
        }
    }

    const std::vector<float> query(index.dims(), 1.0f);
    const auto unfiltered = search(index, query, {.top_k = 3});
    require_valid_hits(index, unfiltered, 3);
    require_same_in_a_batch(index, query, {.top_k = 3}, unfiltered);
    if (index.count() == 0) return;

    // The image field: a photo's vector and similar products search it, fused with the text.
    if (const ImageFieldSpec* image = index.image_field()) {
        const FieldQuery both{.text = query, .image = std::vector<float>(image->dims, 1.0f)};
        require_valid_hits(index, search_fields(index, both, {.top_k = 3}), 3);
        require_valid_hits(index, search_fields(index, {.image = both.image}, {.top_k = 3}), 3);
    }
    const auto nearest = similar(index, index.record(0).id, {.top_k = 3});
    require_valid_hits(index, nearest, 3);
    FUZZ_REQUIRE(std::none_of(nearest.begin(), nearest.end(), [](const SearchHit& hit) { return hit.position == 0; }));

    const RecordView first = index.record(0);
    const std::vector<std::string> ids{std::string(first.id), "no such id"};
    const SearchOptions own_filters{.top_k = index.count(),
                                    .category = std::string(first.category),
                                    .min_price = first.price,
                                    .max_price = first.price,
                                    .ids = ids};
    const auto hits = search(index, query, own_filters);
    require_valid_hits(index, hits, own_filters.top_k);
    require_same_in_a_batch(index, query, own_filters, hits);
    FUZZ_REQUIRE(std::any_of(hits.begin(), hits.end(), [](const SearchHit& hit) { return hit.position == 0; }));
    for (const SearchHit& hit : hits) {
        const RecordView record = index.record(hit.position);
        FUZZ_REQUIRE(record.category == first.category && record.price == first.price);
        FUZZ_REQUIRE(std::find(ids.begin(), ids.end(), record.id) != ids.end());
    }
}

// Keyword hits and a storefront page by record 0's title, over whatever the sections hold.
void search_keywords_and_facets(const Index& index) {
    const std::string title(index.record(0).title);
    const auto keyword = keyword_search(index, title);
    for (std::size_t i = 0; i < keyword.size(); ++i) {
        FUZZ_REQUIRE(keyword[i].position < index.count() && keyword[i].score > 0 && std::isfinite(keyword[i].score));
        FUZZ_REQUIRE(i == 0 || keyword[i - 1].position < keyword[i].position);
    }
    PageOptions options;
    options.filters.top_k = 2;
    options.facets = {"category", "price"};
    if (const FacetColumns* columns = index.facet_columns())
        for (std::size_t f = 0; f < columns->field_count(); ++f) {
            const std::string name(columns->field_name(f));
            options.facets.push_back(name);
            if (columns->numeric(f)) options.sort = {name, true};
            if (columns->value_count(f) > 0) options.field_filters.push_back({name, FieldFilter::Op::equals, {std::string(columns->value_text(f, 0))}});
        }
    const SearchPage page = search_text_page(index, title, options);
    FUZZ_REQUIRE(page.hits.size() <= std::min<std::size_t>(2, page.total) && page.facets.size() == options.facets.size());
    for (const SearchHit& hit : page.hits) FUZZ_REQUIRE(hit.position < index.count());
}

// Only the refusal to open is expected: an index that opens must read and search without an error.
void open_and_search(std::span<const std::uint8_t> bytes) {
    std::optional<Index> index;
    try {
        index.emplace(Index::open(bytes));
    } catch (const Error&) {
        return;
    }
    read_and_search(*index);
    if (index->count() > 0 && index->keywords()) search_keywords_and_facets(*index);
    if (const ShardSpec* shard = index->shard())  // what open promises of a shard section
        for (std::uint32_t i = 0; i < index->count(); ++i) {
            FUZZ_REQUIRE(index->catalogue_position(i) < shard->catalogue_count);
            FUZZ_REQUIRE(i == 0 || index->catalogue_position(i) > index->catalogue_position(i - 1));
            FUZZ_REQUIRE(shard_of(index->record(i).id, shard->shards) == shard->shard);
        }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> as_given(data, data + size);  // heap copy: aligned, exact-size
    open_and_search(as_given);
    std::vector<std::uint8_t> resealed = as_given;
    vitrine::test::reseal(resealed);
    open_and_search(resealed);
    return 0;
}
