// arguments.hpp — a small command-line parser for the vitrine subcommands.
// "--name value" options, "--name" switches and positionals, in any order;
// an unknown option or a missing value is a UsageError naming it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitrine::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    // `options` take a value, `switches` do not.
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& options,
              const std::set<std::string>& switches);

    const std::vector<std::string>& positionals() const noexcept { return positionals_; }
    std::optional<std::string> option(const std::string& name) const;  // the last one given
    std::vector<std::string> all(const std::string& name) const;        // a repeatable option, in order
    std::string required(const std::string& name) const;
    bool has(const std::string& name) const { return switches_.count(name) > 0; }

    std::optional<long long> integer(const std::string& name, long long min, long long max) const;
    std::optional<double> number(const std::string& name) const;

private:
    std::vector<std::string> positionals_;
    std::map<std::string, std::string> options_;
    std::map<std::string, std::vector<std::string>> repeated_;
    std::set<std::string> switches_;
};

}  // namespace vitrine::cli
