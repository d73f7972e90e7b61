// The optional photos section of an index: read back per record, and validated on open.
#include <catch2/catch.hpp>

#include "index_editing.hpp"
#include "require_error.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/hosted/pipeline.hpp"
#include "vitrine/image/product_photos.hpp"
#include "vitrine/index/reader.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

std::vector<std::uint8_t> index_with_photos() {
    std::vector<Product> products(2);
    products[0] = {.id = "a", .title = "lamp", .prepared_image = "photos/1.jpg", .thumbnail = "photos/2.jpg"};
    products[1] = {.id = "b", .title = "mug", .image = "mug.png"};
    return build_local_index(products, {.dims = 8});
}

std::uint8_t* photos_entry(std::vector<std::uint8_t>& bytes) {
    const auto count = bytes::load<std::uint32_t>(bytes.data() + layout::header::section_count);
    for (std::uint32_t i = 0; i < count; ++i)
        if (bytes::load<std::uint32_t>(test::section_entry(bytes, i) + layout::entry::type) ==
            static_cast<std::uint32_t>(layout::SectionType::photos))
            return test::section_entry(bytes, i);
    return nullptr;
}

}  // namespace

TEST_CASE("the photos section is optional and gives each record its prepared photo and thumbnail", "[index][photos]") {
    auto bytes = index_with_photos();
    std::uint8_t* entry = photos_entry(bytes);
    REQUIRE(entry);
    CHECK((bytes::load<std::uint32_t>(entry + layout::entry::flags) & layout::flag_required) == 0);
    const Index index = Index::open(bytes);
    CHECK(index.record(0).prepared_image == "photos/1.jpg");
    CHECK(index.record(0).thumbnail == "photos/2.jpg");
    CHECK(index.record(1).prepared_image.empty());
    CHECK(index.record(1).thumbnail.empty());
}

TEST_CASE("calls send a record's build-time photo as it is, and prepare the original of the others", "[index][photos]") {
    const auto bytes = index_with_photos();
    const Index index = Index::open(bytes);
    CHECK(photo_to_send(index.record(0)).reference == "photos/1.jpg");
    CHECK(photo_to_send(index.record(0)).prepared);
    CHECK(photo_to_send(index.record(0), 512).reference.empty());  // a smaller edge: the original (none here)
    CHECK_FALSE(photo_to_send(index.record(1)).prepared);
    CHECK(photo_to_send(index.record(1)).reference == "mug.png");

    // The hosted pipeline asks for exactly those (the query names both, so both are found).
    HostedPipeline pipeline(index, {.query = "lamp mug", .rerank = true});
    const std::vector<WantedImage> wanted = pipeline.wanted_images();
    REQUIRE(wanted.size() == 2);
    for (const WantedImage& w : wanted) {
        CHECK(w.prepared == (w.position == 0));
        CHECK(w.reference == (w.position == 0 ? "photos/1.jpg" : "mug.png"));
    }
}

TEST_CASE("refuses a photos section too short for its entries", "[index][photos][bad-index]") {
    auto bytes = index_with_photos();
    std::uint8_t* entry = photos_entry(bytes);
    REQUIRE(entry);
    bytes::store<std::uint64_t>(entry + layout::entry::length, 2 * layout::photo_entry_size - 1);
    test::reseal(bytes);
    require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"photos section is 31 bytes, too short for 2 entries"});
}

TEST_CASE("refuses a photo reference outside the photos section", "[index][photos][bad-index]") {
    auto bytes = index_with_photos();
    std::uint8_t* entry = photos_entry(bytes);
    REQUIRE(entry);
    std::uint8_t* section = bytes.data() + bytes::load<std::uint64_t>(entry + layout::entry::offset);
    bytes::store<std::uint32_t>(section + layout::photo_entry_size + 12, 1000);  // record 1's thumbnail length
    test::reseal(bytes);
    require_error([&] { Index::open(bytes); }, ErrorKind::corrupt_index, {"record 1 refers to a photo name outside the photos section"});
}
