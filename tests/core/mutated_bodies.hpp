// mutated_bodies.hpp — a response parser fed thousands of randomly damaged copies of a
// good body (bytes changed, cut out, or JSON punctuation inserted) must fail only with
// vitrine::Error: any other exception type escaping is a bug.
//
//   vitrine::test::parse_mutations(good_body, seed, [](const std::string& b) { parse(b); });
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "vitrine/base/error.hpp"

namespace vitrine::test {

template <class Parse>
void parse_mutations(const std::string& original, std::uint32_t seed, Parse parse) {
    std::uint32_t state = seed;
    const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::string body = original;
        for (int edits = 1 + static_cast<int>(next() % 4); edits > 0; --edits) {
            const std::size_t at = next() % body.size();
            switch (next() % 3) {
                case 0: body[at] = static_cast<char>(next() >> 24); break;
                case 1: body.erase(at, 1 + next() % 8); break;
                default: body.insert(at, 1, "[]{}\",:0-e.\\"[next() % 13]); break;
            }
            if (body.empty()) body = "{";
        }
        try {
            parse(body);
        } catch (const vitrine::Error&) {
        }
    }
    SUCCEED("no other exception type escaped");
}

}  // namespace vitrine::test
