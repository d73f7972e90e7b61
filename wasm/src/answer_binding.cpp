// answer_binding.cpp — a question answered from products: the chat body (numbered
// product texts, images at detail "low") and the sources the answer cites.
#include <vector>

#include "failure.hpp"
#include "hosted_functions.hpp"
#include "js_arrays.hpp"
#include "js_fields.hpp"
#include "vitrine/hosted/answer_request.hpp"

namespace vitrine::wasm {

using emscripten::val;

val answer_request(const OpenedIndex& index, const std::string& question, const val& sources, const val& options) {
    return guarded([&] {
        std::vector<ChatContextItem> context;
        const auto length = sources["length"].as<std::uint32_t>();
        for (std::uint32_t i = 0; i < length; ++i) {
            const val source = sources[i];
            context.push_back({answer_source_text(index.index().record(source["position"].as<std::uint32_t>())),
                               jpeg_data_uri_field(source, "image")});
        }
        AnswerOptions answer;
        answer.model = options["model"].as<std::string>();
        if (auto prompt = field<std::string>(options, "systemPrompt")) answer.system_prompt = std::move(*prompt);
        if (auto tokens = field<int>(options, "maxTokens")) answer.max_tokens = tokens;
        return to_js_utf8(build_answer_request(answer, question, context));
    });
}

val parse_answer(const std::string& body, std::uint32_t source_count) {
    return guarded([&] {
        const std::string text = parse_chat_response(body);
        val cited = val::array();
        for (const std::size_t i : cited_sources(text, source_count)) cited.call<void>("push", i);
        val out = val::object();
        out.set("text", text);
        out.set("cited", cited);
        return out;
    });
}

}  // namespace vitrine::wasm
