#include "options.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <system_error>

// Where the ANT JSON-lines files and the judged corpus are (bench/support/CMakeLists.txt sets both:
// shared/data/ant next to the repository, and its corpus/).
#ifndef RASD_BENCH_ANT_DIR
#define RASD_BENCH_ANT_DIR "../shared/data/ant"
#endif
#ifndef RASD_BENCH_JUDGED_CORPUS
#define RASD_BENCH_JUDGED_CORPUS "corpus"
#endif

namespace rasd::bench {

bool ArgReader::next() {
    if (m_at + 1 >= m_argc) return false;
    m_arg = m_argv[++m_at];
    return true;
}

std::string ArgReader::value() {
    if (m_at + 1 >= m_argc) throw std::invalid_argument(m_arg + " needs a value");
    return m_argv[++m_at];
}

std::uint64_t parse_count(std::string_view s) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) throw std::invalid_argument("not a count: " + std::string(s));
    return v;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream ss(list);
    for (std::string item; std::getline(ss, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

std::string command_line(int argc, char** argv) {
    std::string out;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool plain = !arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                                 "0123456789-_./=:,+@%") == std::string::npos;
        std::string quoted = "'";
        for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += (i ? " " : "") + (plain ? arg : quoted + "'");
    }
    return out;
}

std::vector<std::string> default_ant_inputs() {
    return {default_multisource_corpus(), std::string(RASD_BENCH_ANT_DIR) + "/ant_jawharafm_v1.1.jsonl.xz"};
}

std::string default_multisource_corpus() { return std::string(RASD_BENCH_ANT_DIR) + "/ant_multisource_v2.1.jsonl.xz"; }

std::string default_judged_corpus() { return RASD_BENCH_JUDGED_CORPUS; }

bool skip_missing_input(std::string_view name, const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (!std::filesystem::exists(input, ec)) {
            std::cout << name << ": SKIP: " << input << " not found\n";
            return true;
        }
    }
    return false;
}

bool skip_missing_file(std::string_view name, const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return false;
    std::cout << name << ": SKIP: " << path << " not found\n";
    return true;
}

}  // namespace rasd::bench
