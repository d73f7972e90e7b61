// Specification of image reference kinds.
#include <catch2/catch.hpp>

#include "vitrine/image/reference.hpp"

using namespace vitrine;

TEST_CASE("http and https references are URLs, in any case", "[image_reference]") {
    for (const char* ref : {"http://cdn.example/a.jpg", "https://cdn.example/a.jpg", "HTTPS://X/Y.PNG"})
        CHECK(image_reference_kind(ref) == ImageReferenceKind::url);
}

TEST_CASE("relative and absolute paths are paths, Windows drives included", "[image_reference]") {
    for (const char* ref : {"images/a.png", "./a.png", "../shared/a.png", "/srv/images/a.jpg", "a:b/c.png", "C:\\img\\a.png"})
        CHECK(image_reference_kind(ref) == ImageReferenceKind::path);
}

TEST_CASE("other schemes are unsupported and an empty reference is none", "[image_reference]") {
    for (const char* ref : {"data:image/png;base64,AAAA", "file:///a.png", "ftp://host/a.png", "s3://bucket/a.png"})
        CHECK(image_reference_kind(ref) == ImageReferenceKind::unsupported);
    CHECK(image_reference_kind("") == ImageReferenceKind::none);
}
