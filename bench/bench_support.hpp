#pragma once
// Small pieces the rasd benchmarks share: self-check failures and the exit codes of main(),
// table formatting, option parsing, timing, process and file system measurements.
// Header-only; the fork-based child runner is in bench_child.hpp, the in-memory corpus in
// bench_corpus.hpp and query drawing in query_sample.hpp.

#include <xapian.h>  // Xapian::Error, which run_bench_main() reports

#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <time.h>

// Where the ANT JSON-lines files are (bench/CMakeLists.txt sets it: shared/data/ant next to the
// repository).
#ifndef RASD_BENCH_ANT_DIR
#define RASD_BENCH_ANT_DIR "../shared/data/ant"
#endif

namespace rasd::bench {

// ---- self-checks and main() -----------------------------------------------------------------

// A benchmark's own result check failed: a fast broken build must not look like a win.
struct CheckFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline void check(bool ok, const std::string& what) {
    if (!ok) throw CheckFailed(what);
}

// Runs the body of a benchmark's main() (after its options are parsed) and maps what it throws
// to the exit codes every benchmark documents: a failed self-check prints
// "<name>: CHECK FAILED: ..." on stdout and gives 1; any other error prints "<name>: ERROR: ..."
// on stderr and gives 2. Otherwise the body's own exit code.
template <typename Body>
int run_bench_main(std::string_view name, Body&& body) {
    try {
        return body();
    } catch (const CheckFailed& e) {
        std::cout << name << ": CHECK FAILED: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << name << ": ERROR: Xapian: " << e.get_description() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << name << ": ERROR: " << e.what() << "\n";
        return 2;
    }
}

// ---- formatting -----------------------------------------------------------------------------

inline constexpr double kMiB = 1024.0 * 1024.0;

inline double mib(std::uint64_t bytes) { return static_cast<double>(bytes) / kMiB; }

// `v` with `decimals` digits after the point.
inline std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Right-aligned (rpad) or left-aligned (lpad) in `width` bytes.
inline std::string rpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

inline std::string lpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// ---- options --------------------------------------------------------------------------------

// The inputs of the archive benchmarks when none are given: the two ANT JSON-lines files.
inline std::vector<std::string> default_ant_inputs() {
    return {std::string(RASD_BENCH_ANT_DIR) + "/ant_multisource_v2.1.jsonl.xz",
            std::string(RASD_BENCH_ANT_DIR) + "/ant_jawharafm_v1.1.jsonl.xz"};
}

// A missing input makes a benchmark skip (exit 0): prints "<name>: SKIP: <input> not found" on
// stdout for the first input that does not exist and returns true.
inline bool skip_missing_input(std::string_view name, const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (!std::filesystem::exists(input, ec)) {
            std::cout << name << ": SKIP: " << input << " not found\n";
            return true;
        }
    }
    return false;
}

// The arguments of a command line one at a time, for an option loop such as
//   for (ArgReader args(argc, argv); args.next();) {
//       if (args.arg() == "--queries") queries = parse_count(args.value());
//   }
class ArgReader {
public:
    ArgReader(int argc, char** argv) : m_argc(argc), m_argv(argv) {}

    // Moves to the next argument; false after the last.
    bool next() {
        if (m_at + 1 >= m_argc) return false;
        m_arg = m_argv[++m_at];
        return true;
    }

    const std::string& arg() const { return m_arg; }

    // The value of the option just read (the argument after it), or throws
    // std::invalid_argument "<option> needs a value".
    std::string value() {
        if (m_at + 1 >= m_argc) throw std::invalid_argument(m_arg + " needs a value");
        return m_argv[++m_at];
    }

private:
    int m_argc;
    char** m_argv;
    int m_at = 0;  // argv[0] is the program
    std::string m_arg;
};

// A whole non-negative decimal number, or throws std::invalid_argument.
inline std::uint64_t parse_count(std::string_view s) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) throw std::invalid_argument("not a count: " + std::string(s));
    return v;
}

// ---- time and the process -------------------------------------------------------------------

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of the whole process (all threads), user + system.
inline double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// A field of /proc/self/status in KiB (e.g. "VmRSS"), 0 if unreadable.
inline std::uint64_t proc_status_kib(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            std::istringstream fields(line.substr(key.size() + 1));
            std::uint64_t v = 0;
            fields >> v;
            return v;
        }
    }
    return 0;
}

// The load average over 1, 5 and 15 minutes, as /proc/loadavg gives it.
inline std::string loadavg() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// ---- the file system ------------------------------------------------------------------------

// Bytes of the regular files below `dir` (what can be read of it).
inline std::uint64_t dir_bytes(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
}

// Removes a database or archive directory before it is rebuilt, but only if it is a Xapian
// database, an archive (its XAPIANDB stub), or empty: a mistyped --db or OUTDIR must not delete
// anything else.
inline void remove_database_dir(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    if (!fs::exists(dir)) return;
    const bool database = fs::exists(dir / "iamglass") || fs::exists(dir / "XAPIANDB");
    if (!database && !(fs::is_directory(dir) && fs::is_empty(dir))) {
        throw std::runtime_error(dir.string() + " exists and is not a Xapian database; not removing it");
    }
    fs::remove_all(dir);
}

}  // namespace rasd::bench
