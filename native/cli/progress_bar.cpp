#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace vitrine::cli {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
    if (enabled_ && last_percent_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    const int percent = static_cast<int>(done * 100 / total);
    if (percent == last_percent_) return;  // redraw only when it moves
    last_percent_ = percent;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %zu/%zu", label_.c_str(), filled, "##############################",
                 width - filled, "", percent, done, total);
    std::fflush(stderr);
}

}  // namespace vitrine::cli
