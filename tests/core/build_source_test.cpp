// Specification of where an index build takes its vectors from, as `vitrine build`
// and buildIndex both ask it (each under its own option names).
#include <catch2/catch.hpp>

#include "require_error.hpp"
#include "vitrine/catalogue/build_source.hpp"

using namespace vitrine;
using vitrine::test::require_error;

namespace {

BuildSourceInputs cli(bool vectors, bool model, bool hosted) {
    return {.vectors = {{"--vectors", vectors}}, .model = {"--model", model}, .hosted = {"--embed-model", hosted}};
}

}  // namespace

TEST_CASE("a build takes the local embedder, vectors with their model, or a hosted model", "[build_source]") {
    CHECK(choose_build_source(cli(false, false, false)) == BuildSource::local_embedder);
    CHECK(choose_build_source(cli(true, true, false)) == BuildSource::vectors);
    CHECK(choose_build_source(cli(false, false, true)) == BuildSource::hosted_model);
}

TEST_CASE("a build refuses two sources of vectors and model names that would be ignored", "[build_source]") {
    require_error([] { choose_build_source(cli(true, true, true)); }, ErrorKind::invalid_argument,
                  {"--vectors and --embed-model are two sources of vectors: pass one"});
    require_error([] { choose_build_source({.vectors = {{"vectorsJsonl", true}, {"vectors", true}}, .model = {"model", true}}); },
                  ErrorKind::invalid_argument, {"vectorsJsonl and vectors are two sources of vectors"});
    require_error([] { choose_build_source(cli(true, false, false)); }, ErrorKind::invalid_argument,
                  {"--model must name the embedding model of the vectors"});
    require_error([] { choose_build_source(cli(false, true, true)); }, ErrorKind::invalid_argument, {"with --embed-model leave it out"});
    require_error([] { choose_build_source(cli(false, true, false)); }, ErrorKind::invalid_argument,
                  {"without them the local embedder is used"});
}
