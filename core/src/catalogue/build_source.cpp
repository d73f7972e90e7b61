// catalogue/build_source.cpp — the build's source of vectors from the options given.
// See vitrine/catalogue/build_source.hpp.
#include "vitrine/catalogue/build_source.hpp"

#include <string>

#include "vitrine/base/error.hpp"

namespace vitrine {

BuildSource choose_build_source(const BuildSourceInputs& inputs) {
    std::vector<std::string_view> sources;
    for (const BuildOption& option : inputs.vectors)
        if (option.given) sources.push_back(option.name);
    const bool vectors = !sources.empty();
    if (inputs.hosted.given) sources.push_back(inputs.hosted.name);
    const auto refuse = [](const std::string& message) { throw Error(ErrorKind::invalid_argument, message); };
    if (sources.size() > 1)
        refuse(std::string(sources[0]) + " and " + std::string(sources[1]) + " are two sources of vectors: pass one");
    const std::string model(inputs.model.name);
    if (inputs.hosted.given) {
        if (inputs.model.given)
            refuse(model + " names the model of precomputed vectors; with " + std::string(inputs.hosted.name) + " leave it out");
        return BuildSource::hosted_model;
    }
    if (vectors) {
        if (!inputs.model.given) refuse(model + " must name the embedding model of the vectors");
        return BuildSource::vectors;
    }
    if (inputs.model.given) refuse(model + " names the model of precomputed vectors; without them the local embedder is used");
    return BuildSource::local_embedder;
}

}  // namespace vitrine
