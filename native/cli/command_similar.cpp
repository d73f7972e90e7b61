// vitrine similar — the products nearest to one product, from its stored vectors (text and
// image fields fused, vitrine/search/similar.hpp): no embedder, no endpoint call. The
// product itself is left out; the filters apply. A table, or JSON with --json.
#include <cstdio>
#include <string>

#include "arguments.hpp"
#include "commands.hpp"
#include "query_options.hpp"
#include "search_output.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"
#include "vitrine/search/similar.hpp"

namespace vitrine::cli {

int run_similar(const Args& raw) {
    const Arguments args(raw, {"top-k", "category", "min-price", "max-price", "ids", "text-weight", "image-weight"}, {"json"});
    if (args.positionals().size() != 2) throw UsageError("expected an index file and a product id");
    const native::MappedFile file(args.positionals()[0]);
    const Index index = Index::open(file.bytes());

    SearchOptions options = search_filters(args);
    options.top_k = static_cast<std::size_t>(args.integer("top-k", 1, 1'000'000).value_or(10));
    SearchOutput output;
    output.results = ranked_hits(similar(index, args.positionals()[1], options, field_weights(args)));
    if (args.has("json"))
        print_json(index, output);
    else
        print_table(index, output);
    return 0;
}

}  // namespace vitrine::cli
