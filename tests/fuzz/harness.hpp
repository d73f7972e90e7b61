// harness.hpp — what every fuzz harness in this folder shares.
//
// A harness defines LLVMFuzzerTestOneInput: libFuzzer calls it in the fuzz_<name>
// targets, replay_main.cpp calls it on saved inputs in every build. It feeds the
// input to one boundary of the core and lets only vitrine::Error (the documented
// refusal) pass. Anything else is a finding: another exception escaping (abort via
// std::terminate), a sanitizer report, or a broken promise checked with
// FUZZ_REQUIRE (abort with the condition and its line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "printable_text.hpp"  // tests/core: is_printable_utf8, for error messages

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#define FUZZ_REQUIRE(condition)                                                                    \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
