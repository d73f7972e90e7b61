// embed/matryoshka.cpp — prefix + L2 re-normalisation. See vitrine/embed/matryoshka.hpp.
#include "vitrine/embed/matryoshka.hpp"

#include <string>

#include "base/vector_math.hpp"
#include "vitrine/base/error.hpp"

namespace vitrine {

std::vector<float> matryoshka_truncate(std::span<const float> vector, std::size_t dims) {
    if (dims == 0 || dims > vector.size())
        throw Error(ErrorKind::invalid_argument, "matryoshka: cannot take " + std::to_string(dims) +
                                                     " dims from a vector of " + std::to_string(vector.size()));
    std::vector<float> prefix(vector.begin(), vector.begin() + static_cast<std::ptrdiff_t>(dims));
    if (!l2_normalise(prefix))
        throw Error(ErrorKind::invalid_argument, "matryoshka: the first " + std::to_string(dims) +
                                                     " values are all zero or not finite");
    return prefix;
}

}  // namespace vitrine
