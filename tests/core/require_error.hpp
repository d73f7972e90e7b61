// require_error.hpp — a test step: run a call and require a vitrine::Error of one
// kind whose message contains every given fragment.
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "vitrine/base/error.hpp"

namespace vitrine::test {

template <class Call>
void require_error(Call&& call, ErrorKind kind, std::initializer_list<std::string_view> fragments) {
    try {
        call();
    } catch (const Error& error) {
        INFO("message: " << error.what());
        CHECK(to_string(error.kind()) == std::string(to_string(kind)));
        for (const std::string_view fragment : fragments)
            CHECK_THAT(error.what(), Catch::Matchers::Contains(std::string(fragment)));
        return;
    }
    FAIL("no vitrine::Error was thrown");
}

}  // namespace vitrine::test
