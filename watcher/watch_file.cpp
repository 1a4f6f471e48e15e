// read_watch_file(): the watches file, NAME<TAB>QUERY per line, as people edit it.

#include "watcher/watch_file.hpp"

#include "util/control_characters.hpp"
#include "util/utf8.hpp"

#include <rasd/error.hpp>
#include <rasd/watcher.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <sstream>

namespace rasd {
namespace {

constexpr std::string_view kBlanks = " \t\r";

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

// The lines of `in`; `path` names the file in messages.
WatchFile parse_watch_lines(std::istream& in, const std::string& path) {
    WatchFile file;
    std::map<std::string, std::size_t> first_line;  // name -> line
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (number == 1 && line.starts_with(detail::kUtf8ByteOrderMark)) line.erase(0, detail::kUtf8ByteOrderMark.size());
        const std::string where = path + ":" + std::to_string(number);
        const std::string_view text = trimmed(line);
        if (text.empty() || text.front() == '#') continue;
        // A name or query not in UTF-8 (a file saved as Windows-1256) would be stored repaired
        // in the state and never found there again: a watch that never alerts.
        if (!detail::is_valid_utf8(line)) {
            file.problems.push_back(where + ": not UTF-8 text: '" + detail::escape_control_characters(text) +
                                    "' (save the watches file as UTF-8)");
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            file.problems.push_back(where + ": expected NAME<TAB>QUERY, got '" +
                                    detail::escape_control_characters(text) + "'");
            continue;
        }
        const std::string name(trimmed(std::string_view(line).substr(0, tab)));
        const std::string query(trimmed(std::string_view(line).substr(tab + 1)));
        if (name.empty() || query.empty()) {
            file.problems.push_back(where + ": " + (name.empty() ? "no watch name before the tab" : "watch '" +
                                    detail::escape_control_characters(name) + "' has no query"));
            continue;
        }
        if (const auto [at, inserted] = first_line.emplace(name, number); !inserted) {
            throw InvalidArgument(where + ": duplicate watch name '" + detail::escape_control_characters(name) +
                            "' (first on line " + std::to_string(at->second) + ")");
        }
        file.watches.push_back({name, query, where});
    }
    return file;
}

}  // namespace

namespace detail {

WatchFile parse_watch_text(const std::string& file, std::string_view text) {
    std::istringstream in{std::string(text)};
    return parse_watch_lines(in, file);
}

}  // namespace detail

WatchFile read_watch_file(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw DataError(path + ": a folder, not a watches file");
    std::ifstream in(path);
    if (!in) throw DataError(path + ": cannot read the watches file: " + std::strerror(errno));
    WatchFile file = parse_watch_lines(in, path);
    if (in.bad()) throw DataError(path + ": read error: " + std::strerror(errno));
    return file;
}

}  // namespace rasd
