// vitrine info — a JSON summary of an index (opening it verifies every checksum).
#include <cinttypes>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::cli {

int run_info(const Args& raw) {
    const Arguments args(raw, {}, {});
    if (args.positionals().size() != 1) throw UsageError("expected one index file");
    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());

    nlohmann::json sections = nlohmann::json::array();
    for (const SectionInfo& s : index.sections()) {
        char checksum[17];
        std::snprintf(checksum, sizeof checksum, "%016" PRIx64, s.checksum);
        sections.push_back({{"name", s.name}, {"type", s.type}, {"offset", s.offset}, {"bytes", s.length},
                            {"checksum", checksum}, {"known", s.known}});
    }
    nlohmann::json summary = {
        {"format_version", "1." + std::to_string(index.minor_version())},
        {"count", index.count()},
        {"dims", index.dims()},
        {"storage", to_string(index.storage())},
        {"metric", to_string(index.metric())},
        {"model", index.model()},
        {"model_dims", index.spec().model_dims},
        {"embedder", to_string(index.spec().embedder)},
        {"file_bytes", index.byte_size()},
        {"sections", sections},
        {"checksums_ok", true},
    };
    if (const ImageFieldSpec* image = index.image_field())
        summary["image_field"] = {{"model", image->model},          {"dims", image->dims},
                                  {"model_dims", image->model_dims}, {"storage", to_string(image->storage)},
                                  {"embedder", to_string(image->embedder)}, {"joint_space", image->joint_space},
                                  {"products", index.image_rows()}};
    if (const ShardSpec* shard = index.shard()) {
        summary["shard"] = {{"shard", shard->shard}, {"shards", shard->shards}, {"catalogue", catalogue_id(shard->catalogue)},
                            {"catalogue_count", shard->catalogue_count}};
    }
    std::puts(summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
}

}  // namespace vitrine::cli
