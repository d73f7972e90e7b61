// embed/query_template.cpp — per-model query templates and placeholder substitution.
// See vitrine/embed/query_template.hpp.
#include "vitrine/embed/query_template.hpp"

#include <algorithm>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

std::string default_query_template(std::string_view model) {
    if (ascii_lower(model).find("qwen3-embedding") != std::string::npos)
        return std::string(qwen3_embedding_query_template);
    return std::string(plain_query_template);
}

std::string format_query(std::string_view query_template, std::string_view task, std::string_view query) {
    std::string out;
    bool has_query = false;
    for (std::size_t i = 0; i < query_template.size();) {
        const char c = query_template[i];
        std::size_t end = i + 1;
        while (c == '{' && end < query_template.size() && is_name_char(query_template[end])) ++end;
        // Only "{name}" is a placeholder; any other brace is literal text.
        if (c != '{' || end == i + 1 || end >= query_template.size() || query_template[end] != '}') {
            out += c;
            ++i;
            continue;
        }
        const std::string_view name = query_template.substr(i + 1, end - i - 1);
        if (name == "query") {
            out += query;
            has_query = true;
        } else if (name == "task") {
            out += task;
        } else {
            throw Error(ErrorKind::invalid_argument, "query template: unknown placeholder {" + std::string(name) +
                                                         "} (only {query} and {task} are known)");
        }
        i = end + 1;
    }
    if (!has_query) throw Error(ErrorKind::invalid_argument, "query template: it has no {query} placeholder");
    return out;
}

}  // namespace vitrine
