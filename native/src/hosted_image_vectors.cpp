// hosted_image_vectors.cpp — cache lookups, concurrent one-photo requests, the image field.
// See vitrine/native/hosted_image_vectors.hpp.
#include "vitrine/native/hosted_image_vectors.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "vitrine/base/error.hpp"
#include "vitrine/hosted/image_embeddings_api.hpp"
#include "vitrine/image/data_uri.hpp"

namespace vitrine::native {
namespace {

EmbeddingCache::Key photo_key(const std::vector<std::uint8_t>& bytes) {
    return EmbeddingCache::key({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

}  // namespace

ImageVectorsBuild build_hosted_image_vectors(std::span<const Product> products, const PreparedPhotoSource& photo,
                                             const HostedImageOptions& options, EndpointClient& client,
                                             EmbeddingCache& cache, HostedImageReport& report) {
    if (options.model.empty() || options.model.size() > IndexLimits::max_model_name_bytes)
        throw Error(ErrorKind::invalid_argument, "the image model name must be 1.." +
                                                     std::to_string(IndexLimits::max_model_name_bytes) + " bytes");
    report = {};
    const std::size_t count = products.size();
    std::vector<std::optional<EmbeddingCache::Key>> keys(count);
    std::vector<std::string> problems(count);
    std::vector<std::size_t> missing;
    std::vector<std::vector<std::uint8_t>> photos(count);
    for (std::size_t i = 0; i < count; ++i) {
        auto bytes = photo(i, problems[i]);
        if (!bytes) {
            if (problems[i].empty()) problems[i] = "no prepared photo";
            continue;
        }
        keys[i] = photo_key(*bytes);
        if (cache.find(*keys[i])) {
            ++report.from_cache;
        } else {
            photos[i] = std::move(*bytes);
            missing.push_back(i);
        }
    }
    std::size_t done = count - missing.size();
    if (options.progress) options.progress(done, count);

    // Workers take the next missing photo; the first unreachable-endpoint error stops them all.
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    std::exception_ptr fatal;
    const auto work = [&] {
        for (std::size_t m = next++; m < missing.size(); m = next++) {
            const std::size_t i = missing[m];
            {
                std::lock_guard lock(mutex);
                if (fatal) return;
            }
            std::string problem;
            std::optional<DocumentEmbeddings> answer;
            try {
                const std::string body =
                    client.post_json("embeddings", build_image_embedding_request(options.model, to_data_uri(photos[i])));
                std::optional<std::size_t> model_dims;
                {
                    std::lock_guard lock(mutex);
                    ++report.requests;
                    if (cache.model_dims()) model_dims = *cache.model_dims();
                }
                answer = parse_image_embedding(body, options.dims, model_dims);
            } catch (const EndpointError& e) {
                std::lock_guard lock(mutex);
                if (e.status() == 0) {
                    fatal = std::current_exception();
                    return;
                }
                problem = e.what();
            } catch (const Error& e) {
                problem = std::string("the endpoint's answer is refused: ") + e.what();
            }
            std::lock_guard lock(mutex);
            if (answer) {
                const EmbeddingCache::Key key = *keys[i];
                cache.store({&key, 1}, answer->vectors, static_cast<std::uint32_t>(answer->model_dims));
                ++report.embedded;
            } else {
                problems[i] = std::move(problem);
                keys[i].reset();
            }
            if (options.progress) options.progress(++done, count);
        }
    };
    std::vector<std::thread> threads;
    const std::size_t workers = std::clamp<std::size_t>(options.concurrency, 1, std::max<std::size_t>(missing.size(), 1));
    for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    if (fatal) std::rethrow_exception(fatal);

    const std::uint32_t model_dims = cache.model_dims().value_or(0);
    const std::uint32_t dims = options.dims ? options.dims : model_dims;
    ImageVectorsBuild built;
    if (dims == 0) {  // not one photo embedded: an empty field would say nothing
        for (std::size_t i = 0; i < count; ++i) built.warnings.push_back(image_vector_warning(products[i].id, problems[i]));
        return built;
    }
    built.vectors.spec = ImageFieldSpec{.model = options.model, .model_dims = model_dims, .dims = dims, .storage = options.storage,
                                        .embedder = EmbedderKind::hosted, .joint_space = options.joint_space};
    built.vectors.values.assign(count * dims, 0.0f);
    built.vectors.present.assign(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        const std::vector<float>* v = keys[i] ? cache.find(*keys[i]) : nullptr;
        if (!v) {
            built.warnings.push_back(image_vector_warning(products[i].id, problems[i]));
            continue;
        }
        std::copy(v->begin(), v->end(), built.vectors.values.begin() + static_cast<std::ptrdiff_t>(i * dims));
        built.vectors.present[i] = 1;
    }
    return built;
}

}  // namespace vitrine::native
