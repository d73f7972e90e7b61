// Builds a two-product index with the local embedder and searches it.
#include <vitrine/vitrine.hpp>

#include <cstdio>

int main() {
    const auto products = vitrine::parse_catalogue(
        R"([{"id":"lamp","title":"Brass floor lamp"},{"id":"pan","title":"Cast iron pan"}])");
    const auto bytes = vitrine::build_local_index(products, {.storage = vitrine::Storage::int8, .dims = 64});
    const auto index = vitrine::Index::open(bytes);
    const auto hits = vitrine::search(index, vitrine::embed_local("iron pan", 64), {.top_k = 1});
    std::printf("%.*s\n", static_cast<int>(index.record(hits.at(0).position).id.size()),
                index.record(hits.at(0).position).id.data());
    return index.record(hits.at(0).position).id == "pan" ? 0 : 1;
}
