// vitrine/catalogue/build_source.hpp — where an index build takes its vectors from: the
// local embedder, precomputed vectors (with their model's name), or a hosted embedding
// model. Decided here once for `vitrine build` and the JS buildIndex, which pass what
// they were given under their own option names, so the messages name those.
//
//   const vitrine::BuildSource source = vitrine::choose_build_source(
//       {.vectors = {"--vectors"}, .model = {"--model", args.has("model")}, .hosted = {"--embed-model", hosted}});
//
// Precomputed vectors need their model named; a hosted model names itself; the local
// embedder has its own name, so a model name without vectors is refused rather than
// silently ignored.
// Refuses (Error, kind invalid_argument): two sources of vectors at once (two vector
// options, or vectors and a hosted model), vectors without a model name, a model name
// with a hosted model or with no vectors.
#pragma once

#include <string_view>
#include <vector>

namespace vitrine {

enum class BuildSource { local_embedder, vectors, hosted_model };

struct BuildOption {
    std::string_view name = {};  // as the caller spells it, e.g. "--model" or "model"
    bool given = false;
};

struct BuildSourceInputs {
    std::vector<BuildOption> vectors = {};  // the options that carry precomputed vectors
    BuildOption model = {};                 // the precomputed vectors' model name
    BuildOption hosted = {};                // a hosted embedding model to embed through
};

BuildSource choose_build_source(const BuildSourceInputs& inputs);

}  // namespace vitrine
