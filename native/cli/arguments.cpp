#include "arguments.hpp"

#include <charconv>
#include <cmath>

namespace vitrine::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& options,
                     const std::set<std::string>& switches) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            positionals_.push_back(arg);
            continue;
        }
        const std::string name = arg.substr(2);
        if (switches.count(name)) {
            switches_.insert(name);
        } else if (options.count(name)) {
            if (i + 1 >= args.size()) throw UsageError("option " + arg + " needs a value");
            options_[name] = args[++i];
            repeated_[name].push_back(args[i]);
        } else {
            throw UsageError("unknown option " + arg);
        }
    }
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    const auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Arguments::all(const std::string& name) const {
    const auto it = repeated_.find(name);
    return it == repeated_.end() ? std::vector<std::string>{} : it->second;
}

std::string Arguments::required(const std::string& name) const {
    auto value = option(name);
    if (!value) throw UsageError("missing --" + name);
    return *value;
}

std::optional<long long> Arguments::integer(const std::string& name, long long min, long long max) const {
    const auto text = option(name);
    if (!text) return std::nullopt;
    long long value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < min || value > max)
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got '" + *text + "'");
    return value;
}

std::optional<double> Arguments::number(const std::string& name) const {
    const auto text = option(name);
    if (!text) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || !std::isfinite(value))
        throw UsageError("--" + name + " must be a number, got '" + *text + "'");
    return value;
}

}  // namespace vitrine::cli
