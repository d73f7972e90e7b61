// heap_usage.cpp — bytes allocated on the WASM heap, so tests can prove nothing leaks.
// Linear memory never shrinks; what must return to its start is what malloc hands out.
#include <malloc.h>

#include "module_functions.hpp"

namespace vitrine::wasm {

std::uint32_t heap_bytes_in_use() { return static_cast<std::uint32_t>(mallinfo().uordblks); }

}  // namespace vitrine::wasm
