// bindings.cpp — the Embind registrations: what the WASM module exports to js/index.js.
//
// Names match the public JS API (and the C++ core, in camelCase). The module's raw
// exports are not the API: js/index.js checks argument types, turns failures into
// JS Errors and owns the index handles' lifetime; nothing else should call these.
#include <emscripten/bind.h>

#include "failure.hpp"
#include "field_search_binding.hpp"
#include "hosted_functions.hpp"
#include "hosted_job.hpp"
#include "module_functions.hpp"
#include "opened_index.hpp"
#include "shard_binding.hpp"
#include "web_index_binding.hpp"
#include "vitrine/search/search.hpp"

namespace {

std::string search_kernel() { return vitrine::search_kernel_name(); }
std::string web_manifest_name_js() { return std::string(vitrine::web_manifest_name); }

}  // namespace

EMSCRIPTEN_BINDINGS(vitrine) {
    using namespace emscripten;
    using vitrine::wasm::OpenedIndex;

    class_<OpenedIndex>("OpenedIndex")
        .property("count", &OpenedIndex::count)
        .property("dims", &OpenedIndex::dims)
        .property("modelDims", &OpenedIndex::model_dims)
        .property("storage", &OpenedIndex::storage)
        .property("model", &OpenedIndex::model)
        .property("embedder", &OpenedIndex::embedder)
        .function("search", &OpenedIndex::search)
        .function("browse", &OpenedIndex::browse)
        .function("searchFields", &vitrine::wasm::search_fields_js)
        .function("similar", &vitrine::wasm::similar_js)
        .function("imageField", &vitrine::wasm::image_field_js)
        .function("shard", &vitrine::wasm::shard_js)
        .function("record", &OpenedIndex::record);
    using vitrine::wasm::OpenedWebIndex;
    class_<OpenedWebIndex>("OpenedWebIndex")
        .property("count", &OpenedWebIndex::count)
        .property("dims", &OpenedWebIndex::dims)
        .property("firstPassDims", &OpenedWebIndex::first_pass_dims)
        .property("storage", &OpenedWebIndex::storage)
        .property("model", &OpenedWebIndex::model)
        .property("indexBytes", &OpenedWebIndex::index_bytes)
        .property("chunkBytesHeld", &OpenedWebIndex::chunk_bytes_held)
        .function("search", &OpenedWebIndex::search)
        .function("addChunk", &OpenedWebIndex::add_chunk)
        .function("rangeOf", &OpenedWebIndex::range_of)
        .function("hasChunk", &OpenedWebIndex::has_chunk);
    using vitrine::wasm::HostedJob;
    class_<HostedJob>("HostedJob")
        .function("finished", &HostedJob::finished)
        .function("wantedImages", &HostedJob::wanted_images)
        .function("giveImage", &HostedJob::give_image)
        .function("calls", &HostedJob::calls)
        .function("receive", &HostedJob::receive)
        .function("fail", &HostedJob::fail)
        .function("outcome", &HostedJob::outcome);

    function("openIndex", &OpenedIndex::open);
    // Web packs, fetched lazily by js/web_index.js.
    function("webManifestName", &web_manifest_name_js);
    function("webManifestFirstPass", &vitrine::wasm::web_manifest_first_pass);
    function("openWebIndex", &OpenedWebIndex::open);
    function("embedLocal", &vitrine::wasm::embed_local);
    function("prepareImage", &vitrine::wasm::prepare_image);
    function("toDataUri", &vitrine::wasm::to_data_uri);
    function("checkPreparedPhoto", &vitrine::wasm::check_prepared_photo);
    function("buildIndex", &vitrine::wasm::build_index);
    function("applyDelta", &vitrine::wasm::apply_delta);
    function("mergePages", &vitrine::wasm::merge_pages_js);
    // The hosted pipeline and its defaults, driven with fetch by js/hosted_client.js.
    function("startHosted", &HostedJob::start);
    function("hostedDefaults", &vitrine::wasm::hosted_defaults);
    function("resolveDepths", &vitrine::wasm::resolve_depths);
    function("afterFailedAttempt", &vitrine::wasm::after_failed_attempt);
    function("imageReferenceKind", &vitrine::wasm::image_reference_kind);
    function("takeFailure", &vitrine::wasm::take_failure);
    function("heapBytesInUse", &vitrine::wasm::heap_bytes_in_use);
    function("memoryBytes", &vitrine::wasm::memory_bytes);
    function("searchKernel", &search_kernel);
}
