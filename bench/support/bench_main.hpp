#pragma once
// What every benchmark's main() shares: a self-check that fails the run, and the mapping of what
// the run throws to the exit codes every benchmark documents.

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rasd::bench {

// A benchmark's own result check failed: a fast broken build must not look like a win.
struct CheckFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws CheckFailed(what) unless `ok`.
void check(bool ok, const std::string& what);

// Runs the body of a benchmark's main() (after its options are parsed) and maps what it throws
// to the exit codes every benchmark documents: a failed self-check prints
// "<name>: CHECK FAILED: ..." on stdout and gives 1; any other error prints "<name>: ERROR: ..."
// on stderr and gives 2. Otherwise the body's own exit code.
int run_bench_main(std::string_view name, const std::function<int()>& body);

}  // namespace rasd::bench
