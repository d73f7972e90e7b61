// vitrine delta / vitrine apply-delta — a delta update from one index to the next, and that
// delta applied over its base (vitrine/delta/). Both check that their inputs and output are
// indexes that open, so a mix-up of files is caught here and not in a browser; the output is
// written atomically, so a refused or interrupted run leaves the old file as it was.
#include <cstdio>

#include "arguments.hpp"
#include "commands.hpp"
#include "vitrine/delta/apply_delta.hpp"
#include "vitrine/delta/make_delta.hpp"
#include "vitrine/index/reader.hpp"
#include "vitrine/native/file_io.hpp"

namespace vitrine::cli {

int run_delta(const Args& raw) {
    const Arguments args(raw, {"out", "level"}, {});
    if (args.positionals().size() != 2) throw UsageError("expected OLD.vtx and NEW.vtx");
    const native::MappedFile old_file(args.positionals()[0]);
    const native::MappedFile new_file(args.positionals()[1]);
    Index::open(old_file.bytes());
    Index::open(new_file.bytes());
    const int level = static_cast<int>(args.integer("level", 1, 22).value_or(default_delta_level));
    const std::vector<std::uint8_t> delta = make_delta(old_file.bytes(), new_file.bytes(), level);
    native::write_file_atomically(args.required("out"), delta);
    const double ratio = new_file.bytes().empty() ? 0.0 : double(delta.size()) / double(new_file.bytes().size());
    std::printf("{\"base_bytes\":%zu,\"new_bytes\":%zu,\"delta_bytes\":%zu,\"ratio\":%.6f}\n", old_file.bytes().size(),
                new_file.bytes().size(), delta.size(), ratio);
    return 0;
}

int run_apply_delta(const Args& raw) {
    const Arguments args(raw, {"out"}, {});
    if (args.positionals().size() != 2) throw UsageError("expected BASE.vtx and DELTA");
    const std::string out = args.required("out");
    const native::MappedFile base(args.positionals()[0]);
    const std::vector<std::uint8_t> delta = native::read_file(args.positionals()[1]);
    const std::vector<std::uint8_t> next = apply_delta(base.bytes(), delta);
    Index::open(next);
    native::write_file_atomically(out, next);
    std::printf("{\"base_bytes\":%zu,\"delta_bytes\":%zu,\"new_bytes\":%zu}\n", base.bytes().size(), delta.size(),
                next.size());
    return 0;
}

}  // namespace vitrine::cli
