// hosted/json_response.cpp — size, depth and syntax checks for endpoint bodies, error
// objects, printable snippets and the small typed accessors the endpoint parsers
// share. See json_response.hpp for what is refused.
#include "hosted/json_response.hpp"

#include <cstdint>
#include <new>

#include "vitrine/base/error.hpp"

namespace vitrine::detail {

namespace {

using nlohmann::json;

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 if the
// bytes there are ill-formed (stray continuation, overlong, surrogate, > U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07u;
    } else {
        return 0;
    }
    if (text.size() - i < length) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if ((byte & 0xC0u) != 0x80u) return 0;
        code_point = (code_point << 6) | (byte & 0x3Fu);
    }
    if (length == 3 && (code_point < 0x800 || (code_point >= 0xD800 && code_point <= 0xDFFF))) return 0;
    if (length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF)) return 0;
    return length;
}

std::string hex_escape(unsigned char byte) {
    static constexpr char digits[] = "0123456789abcdef";
    return {'\\', 'x', digits[byte >> 4], digits[byte & 0xFu]};
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at ...":
// keep the sentence, drop the tag, and make the quoted input printable.
std::string describe_parse_error(const json::exception& error) {
    std::string_view message = error.what();
    if (message.rfind("[json.exception.", 0) == 0) {
        const auto end = message.find("] ");
        if (end != std::string_view::npos) message.remove_prefix(end + 2);
    }
    return printable_snippet(message, 160);
}

// OpenAI-style {"error": {...} | "..."} or vLLM's legacy {"object": "error", ...}.
void reject_error_object(const Response& response, const json& root) {
    const auto error = root.find("error");
    const bool openai_style = error != root.end() && !error->is_null();
    const auto object = root.find("object");
    const bool vllm_style = object != root.end() && object->is_string() && *object == "error";
    if (!openai_style && !vllm_style) return;

    const json* message = nullptr;
    if (openai_style && error->is_string()) {
        message = &*error;
    } else if (openai_style && error->is_object()) {
        const auto inner = error->find("message");
        if (inner != error->end() && inner->is_string()) message = &*inner;
    } else if (vllm_style) {
        const auto inner = root.find("message");
        if (inner != root.end() && inner->is_string()) message = &*inner;
    }
    if (message == nullptr) response.fail("endpoint returned an error object without a message");
    response.fail("endpoint returned an error: \"" +
                  printable_snippet(message->get_ref<const std::string&>(), 200) + "\"");
}

}  // namespace

bool nests_deeper_than(std::string_view body, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char ch : body) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (ch == '\\') {
                escaped = true;
            } else if (ch == '"') {
                in_string = false;
            }
            continue;
        }
        if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > limit) return true;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

std::string printable_snippet(std::string_view text, std::size_t max_chars) {
    static constexpr std::string_view ellipsis = "...";
    std::string out;
    std::size_t chars = 0;
    // Where `out` would be cut if the text turns out not to fit.
    std::size_t cut_bytes = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::string piece;
        std::size_t consumed = 1;
        std::size_t width = 0;
        if (byte == '\n') {
            piece = "\\n";
        } else if (byte == '\r') {
            piece = "\\r";
        } else if (byte == '\t') {
            piece = "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            piece = hex_escape(byte);
        } else if (byte < 0x80) {
            piece = std::string(1, static_cast<char>(byte));
        } else if (const std::size_t length = utf8_sequence_length(text, i); length != 0) {
            piece = std::string(text.substr(i, length));
            consumed = length;
            width = 1;
        } else {
            piece = hex_escape(byte);
        }
        if (width == 0) width = piece.size();
        if (chars + width > max_chars) {
            out.resize(cut_bytes);
            return out + std::string(ellipsis);
        }
        out += piece;
        chars += width;
        if (chars + ellipsis.size() <= max_chars) cut_bytes = out.size();
        i += consumed;
    }
    return out;
}

void Response::fail(const std::string& what) const {
    std::string message = std::string(endpoint) + ": " + what;
    if (!body.empty()) message += " — body: " + printable_snippet(body, max_snippet_chars);
    throw Error(ErrorKind::bad_response, message);
}

nlohmann::json parse_response_object(const Response& response) {
    if (response.body.size() > max_response_bytes) {
        throw Error(ErrorKind::limit_exceeded,
                    std::string(response.endpoint) + ": body is " + std::to_string(response.body.size()) +
                        " bytes, over the " + std::to_string(max_response_bytes >> 20) + " MiB limit");
    }
    if (response.body.empty()) response.fail("body is empty");
    if (nests_deeper_than(response.body, max_response_depth)) {
        response.fail("JSON nests deeper than " + std::to_string(max_response_depth) + " levels");
    }
    json root;
    try {
        root = json::parse(response.body.begin(), response.body.end());
    } catch (const json::exception& error) {
        response.fail("not valid JSON: " + describe_parse_error(error));
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::limit_exceeded,
                    std::string(response.endpoint) + ": out of memory parsing a body of " +
                        std::to_string(response.body.size()) + " bytes");
    }
    if (!root.is_object()) response.fail("expected a JSON object, got " + describe_value(root));
    reject_error_object(response, root);
    return root;
}

const nlohmann::json& member(const Response& response, const nlohmann::json& object,
                             const char* key, const std::string& where) {
    const auto found = object.find(key);
    if (found == object.end()) response.fail(where + " has no `" + key + "`");
    return *found;
}

const nlohmann::json& array_member(const Response& response, const nlohmann::json& object,
                                   const char* key, const std::string& where) {
    const json& value = member(response, object, key, where);
    if (!value.is_array()) {
        response.fail(where + " has `" + key + "` as " + describe_value(value) + ", expected an array");
    }
    return value;
}

void require_object(const Response& response, const nlohmann::json& entry, const std::string& where) {
    if (!entry.is_object()) response.fail(where + " is " + describe_value(entry) + ", expected an object");
}

std::size_t index_member(const Response& response, const nlohmann::json& entry, std::size_t count,
                         const std::string& where) {
    const json& value = member(response, entry, "index", where);
    // nlohmann stores non-negative integers as unsigned, negative ones as signed.
    if (value.is_number_unsigned()) {
        const auto index = value.get<std::uint64_t>();
        if (index >= count) {
            response.fail(where + " has index " + std::to_string(index) + " out of range [0, " +
                          std::to_string(count) + ")");
        }
        return static_cast<std::size_t>(index);
    }
    if (value.is_number_integer()) {
        response.fail(where + " has negative index " + std::to_string(value.get<std::int64_t>()));
    }
    response.fail(where + " has an index that is " + describe_value(value) + ", expected an integer");
}

std::string describe_value(const nlohmann::json& value) {
    if (value.is_null()) return "null";
    if (value.is_structured()) return std::string("an ") + value.type_name();
    return std::string("a ") + value.type_name() + " (" + printable_snippet(dump_request(value), 40) + ")";
}

std::string dump_request(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

void invalid_request(std::string_view endpoint, const std::string& what) {
    throw Error(ErrorKind::invalid_argument, std::string(endpoint) + ": " + what);
}

}  // namespace vitrine::detail
