// heap_usage.cpp — bytes allocated on the WASM heap, so tests can prove nothing leaks,
// and the size of linear memory, the peak a job needed (benchmarks report it).
// Linear memory never shrinks; what must return to its start is what malloc hands out.
#include <emscripten/heap.h>
#include <malloc.h>

#include "module_functions.hpp"

namespace vitrine::wasm {

std::uint32_t heap_bytes_in_use() { return static_cast<std::uint32_t>(mallinfo().uordblks); }

std::uint32_t memory_bytes() { return static_cast<std::uint32_t>(emscripten_get_heap_size()); }

}  // namespace vitrine::wasm
