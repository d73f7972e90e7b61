// commands.hpp — the vitrine subcommands. Each takes the arguments after its
// name, prints its result on stdout and returns the exit code; failures throw
// (vitrine::Error, std::runtime_error, UsageError) and main turns them into one line.
#pragma once

#include <string>
#include <vector>

namespace vitrine::cli {

using Args = std::vector<std::string>;

int run_build(const Args& args);
int run_info(const Args& args);
int run_search(const Args& args);
int run_similar(const Args& args);
int run_answer(const Args& args);
int run_resize(const Args& args);
int run_web_pack(const Args& args);
int run_delta(const Args& args);
int run_apply_delta(const Args& args);

}  // namespace vitrine::cli
