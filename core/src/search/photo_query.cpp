// search/photo_query.cpp — see vitrine/search/photo_query.hpp.
#include "vitrine/search/photo_query.hpp"

#include <string>

#include "vitrine/base/error.hpp"
#include "vitrine/embed/local_image_embedder.hpp"
#include "vitrine/image/prepare.hpp"
#include "vitrine/image/product_photos.hpp"

namespace vitrine {

std::vector<float> local_photo_query(const Index& index, std::span<const std::uint8_t> photo) {
    const ImageFieldSpec* field = index.image_field();
    if (!field)
        throw Error(ErrorKind::invalid_argument,
                    "search: this index has no image field, so it cannot be searched by photo (build it with "
                    "--image-embedder local, --image-vectors or --image-embed-model)");
    if (field->embedder != EmbedderKind::local_image)
        throw Error(ErrorKind::invalid_argument, "search: the image field was built with the hosted model '" + field->model +
                                                     "': embed the photo with that model (the hosted client)");
    bool prepared = true;
    try {
        check_prepared_photo(photo);
    } catch (const Error&) {
        prepared = false;
    }
    return prepared ? embed_image_local(photo) : embed_image_local(prepare_image(photo).bytes);
}

}  // namespace vitrine
