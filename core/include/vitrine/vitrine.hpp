// vitrine/vitrine.hpp — the whole public core in one include, and its version.
//
//   #include <vitrine/vitrine.hpp>
//   vitrine::Index index = vitrine::Index::open(bytes);
//
// Each concern has its own folder (base, index, search, image, embed, catalogue, hosted, web,
// delta); include a single header from one when that is all a unit needs. (delta/make_delta.hpp
// is left out: native builds only.)
#pragma once

#include "vitrine/version.hpp"

#include "vitrine/base/error.hpp"

#include "vitrine/index/format.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/index/shard.hpp"
#include "vitrine/index/image_field.hpp"
#include "vitrine/index/writer.hpp"

#include "vitrine/search/field_fusion.hpp"
#include "vitrine/search/merge_pages.hpp"
#include "vitrine/search/photo_query.hpp"
#include "vitrine/search/search.hpp"
#include "vitrine/search/similar.hpp"
#include "vitrine/search/text_search.hpp"

#include "vitrine/image/data_uri.hpp"
#include "vitrine/image/exif.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/image/reference.hpp"

#include "vitrine/embed/document_embedding.hpp"
#include "vitrine/embed/local_embedder.hpp"
#include "vitrine/embed/local_image_embedder.hpp"
#include "vitrine/embed/matryoshka.hpp"
#include "vitrine/embed/query_embedding.hpp"
#include "vitrine/embed/query_template.hpp"

#include "vitrine/catalogue/build_source.hpp"
#include "vitrine/catalogue/catalogue.hpp"
#include "vitrine/catalogue/image_vectors.hpp"
#include "vitrine/catalogue/product_text.hpp"

#include "vitrine/hosted/answer_request.hpp"
#include "vitrine/hosted/chat_api.hpp"
#include "vitrine/hosted/defaults.hpp"
#include "vitrine/hosted/embeddings_api.hpp"
#include "vitrine/hosted/failed_attempt.hpp"
#include "vitrine/hosted/image_embeddings_api.hpp"
#include "vitrine/hosted/pipeline.hpp"
#include "vitrine/hosted/rerank_api.hpp"
#include "vitrine/hosted/rerank_merge.hpp"
#include "vitrine/hosted/rerank_plan.hpp"
#include "vitrine/hosted/retry_policy.hpp"

#include "vitrine/web/manifest.hpp"
#include "vitrine/web/pack_writer.hpp"
#include "vitrine/web/web_index.hpp"
#include "vitrine/delta/apply_delta.hpp"
#include "vitrine/delta/delta_format.hpp"
