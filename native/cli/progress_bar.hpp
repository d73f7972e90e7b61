// progress_bar.hpp — a one-line progress bar on stderr, drawn only on a terminal
// (nothing is printed when stderr is a file or pipe, so logs stay clean).
#pragma once

#include <cstddef>
#include <string>

namespace vitrine::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    void update(std::size_t done, std::size_t total);

private:
    std::string label_;
    bool enabled_;
    int last_percent_ = -1;
};

}  // namespace vitrine::cli
