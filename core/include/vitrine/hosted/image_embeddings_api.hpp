// vitrine/hosted/image_embeddings_api.hpp — a product photo through a hosted multimodal
// embedding model, the way vLLM serves them (e.g. Qwen3-VL-Embedding-2B): the chat form of
// /v1/embeddings, one photo a request.
//
//   std::string body = vitrine::build_image_embedding_request("Qwen/Qwen3-VL-Embedding-2B", to_data_uri(jpeg));
//   auto row = vitrine::parse_image_embedding(response_body, 256, model_dims);
//
// The body: {"model", "messages": [{"role": "user", "content": [{"type": "image_url",
// "image_url": {"url": <data URI>}}]}], "encoding_format": "float"}. The photo is the
// build's prepared rerank JPEG (<= 1024 px: the edge these models read a product photo at
// without losing detail a shopper sees; more only costs tokens). The answer is one
// embedding, cut to index_dims and re-normalised (Matryoshka), as document_embedding does.
// Refuses (Error): invalid_argument for an empty model or a URI that is not a data:image
// URI; bad_response for what parse_document_embeddings refuses (not one vector, another
// length than model_dims, non-numbers, an all-zero prefix).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vitrine/embed/document_embedding.hpp"

namespace vitrine {

std::string build_image_embedding_request(std::string_view model, std::string_view image_data_uri);

DocumentEmbeddings parse_image_embedding(std::string_view body, std::size_t index_dims,
                                         std::optional<std::size_t> model_dims = {});

}  // namespace vitrine
