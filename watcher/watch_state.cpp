#include "watch_state.hpp"

#include "util/fnv1a.hpp"
#include "util/random_id.hpp"

#include <rasd/error.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace rasd::detail {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The first key of a state file, and its version: a file without it is not one rasd wrote.
constexpr const char* kFormatKey = "rasd_watch_state";
constexpr int kFormatVersion = 1;

// The first word of the acknowledgements log's first line, before the generation it amends.
constexpr std::string_view kAckLogHeader = "rasd_watch_acked";
constexpr const char* kAckLogSuffix = ".acked";

std::string system_error_text() { return std::strerror(errno); }

json hit_to_json(const SearchHit& hit) {
    json places = json::array();
    for (const HitPlace& place : hit.places) {
        places.push_back({{"id", place.id}, {"name", place.name}, {"evidence", place.evidence}});
    }
    return {{"id", hit.id},       {"title", hit.title},       {"date", hit.date},
            {"place", hit.place}, {"place_id", hit.place_id}, {"places", places},
            {"topic", hit.topic}, {"topic_label", hit.topic_label}, {"source", hit.source},
            {"url", hit.url},     {"snippet", hit.snippet}, {"story", hit.story},
            {"copies", hit.copies}};
}

SearchHit hit_of_json(const json& j) {
    SearchHit hit;
    hit.id = j.at("id").get<std::string>();
    hit.title = j.at("title").get<std::string>();
    hit.date = j.at("date").get<std::string>();
    hit.place = j.at("place").get<std::string>();
    hit.place_id = j.at("place_id").get<std::string>();
    for (const json& place : j.at("places")) {
        hit.places.push_back({place.at("id").get<std::string>(), place.at("name").get<std::string>(),
                              place.at("evidence").get<std::string>()});
    }
    hit.topic = j.at("topic").get<std::string>();
    hit.topic_label = j.at("topic_label").get<std::string>();
    hit.source = j.at("source").get<std::string>();
    hit.url = j.at("url").get<std::string>();
    hit.snippet = j.at("snippet").get<std::string>();
    // Absent from the states written before stories: an article of no story.
    hit.story = j.value("story", std::string());
    hit.copies = j.value("copies", std::size_t{0});
    return hit;
}

std::string state_text(const WatchState& state) {
    json watches = json::object();
    for (const auto& [name, position] : state.watches) {
        watches[name] = {{"query", position.query_digest}, {"seen", position.seen}};
    }
    json pending = json::array();
    for (const Alert& alert : state.pending) {
        pending.push_back({{"id", alert.id},
                           {"watch", alert.watch},
                           {"database", alert.database},
                           {"sequence", alert.sequence},
                           {"article", hit_to_json(alert.article)}});
    }
    // A state without "generation" (written before the acknowledgements log) has none amending it.
    const json document = {{kFormatKey, kFormatVersion},
                           {"generation", state.generation},
                           {"births", state.births},
                           {"watches", watches},
                           {"pending", pending}};
    // One line (indenting thousands of pending alerts costs time at every save). Replacement
    // characters for invalid UTF-8 rather than an exception: the data is the archive's, already
    // repaired when indexed.
    return document.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

WatchState state_of_text(const std::string& text) {
    const json document = json::parse(text);
    if (!document.is_object() || !document.contains(kFormatKey)) throw std::runtime_error("not a rasd-watch state");
    if (document.at(kFormatKey).get<int>() != kFormatVersion) {
        throw std::runtime_error("state format " + document.at(kFormatKey).dump() + ", this rasd reads " +
                                 std::to_string(kFormatVersion));
    }
    WatchState state;
    state.existed = true;
    state.generation = document.value("generation", std::uint64_t{0});
    // Absent from states written before databases had one: no database is taken for rebuilt.
    state.births = document.value("births", std::map<std::string, std::string>());
    for (const auto& [name, position] : document.at("watches").items()) {
        WatchPosition& watch = state.watches[name];
        watch.query_digest = position.at("query").get<std::string>();
        watch.seen = position.at("seen").get<std::map<std::string, std::uint64_t>>();
    }
    for (const json& j : document.at("pending")) {
        Alert alert;
        alert.id = j.at("id").get<std::string>();
        alert.watch = j.at("watch").get<std::string>();
        alert.database = j.at("database").get<std::string>();
        alert.sequence = j.at("sequence").get<std::uint64_t>();
        alert.article = hit_of_json(j.at("article"));
        state.pending.push_back(std::move(alert));
    }
    return state;
}

// Whether `line` is an acknowledgements log's first line: "rasd_watch_acked GENERATION".
bool is_ack_log_header(const std::string& line) {
    const std::string prefix = std::string(kAckLogHeader) + ' ';
    return line.size() > prefix.size() && line.starts_with(prefix) &&
           line.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
}

// The ids the acknowledgements log at `log_path` holds for `generation`: none if there is no log,
// or if it amends another generation (a crash after a state's rename, before the old log's
// removal: that state holds them already). A first or last line without its newline (a crash in
// the middle of an append) is left out: that alert is delivered again rather than lost.
// @throws DataError if the log cannot be read or is not one rasd-watch wrote (left as it is).
std::set<std::string> acknowledged_ids(const std::string& log_path, std::uint64_t generation) {
    std::set<std::string> ids;
    std::error_code error;
    if (!fs::exists(log_path, error) && !error) return ids;
    std::ifstream in(log_path, std::ios::binary);
    if (!in) throw DataError(log_path + ": cannot read the log of delivered alerts: " + system_error_text());
    std::string line;
    if (!std::getline(in, line) || in.eof()) return ids;  // empty, or its first line cut short
    if (!is_ack_log_header(line)) {
        throw DataError(log_path + ": not a log of delivered alerts that rasd-watch wrote; left as it is: remove "
                                   "it to have the alerts it names delivered again");
    }
    if (line != std::string(kAckLogHeader) + ' ' + std::to_string(generation)) return ids;
    while (std::getline(in, line)) {
        if (in.eof()) break;  // no newline after it
        if (!line.empty()) ids.insert(line);
    }
    return ids;
}

// Syncs the folder holding `path`, so that a rename or a removal in it is durable.
void sync_folder_of(const std::string& path) {
    const fs::path folder = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

// A new generation: random, so that a log left by an earlier state (one removed by hand and
// written afresh) cannot match by counting up to the same number.
std::uint64_t new_generation(std::uint64_t old) { return random_id(old); }

// Writes all of `text` to `fd`. @return false on error (errno set).
bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

std::string query_digest(const std::string& query) {
    constexpr std::string_view kBlanks = " \t\r\n";
    const std::size_t first = query.find_first_not_of(kBlanks);
    const std::string_view text =
        first == std::string::npos ? std::string_view() : std::string_view(query).substr(first, query.find_last_not_of(kBlanks) - first + 1);
    std::ostringstream hex;
    hex << std::hex << fnv1a64(text);
    return hex.str();
}

WatchState load_watch_state(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error) && !error) {
        // A log left without its state (the state removed by hand) amends nothing, and the first
        // save removes it; but a file there that rasd-watch did not write is not removed unseen.
        (void)acknowledged_ids(acknowledged_log_path(path), 0);
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path + ": cannot read the watch state: " + system_error_text());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw DataError(path + ": cannot read the watch state: " + system_error_text());
    WatchState state;
    try {
        state = state_of_text(text.str());
    } catch (const std::exception& e) {  // nlohmann's parse and type errors, a wrong format
        throw DataError(path + ": not a readable watch state (" + e.what() +
                        "); left as it is: repair it, or remove it to start again from the archive's "
                        "current commits (its pending alerts would be lost)");
    }
    const std::set<std::string> delivered = acknowledged_ids(acknowledged_log_path(path), state.generation);
    if (!delivered.empty()) {
        std::erase_if(state.pending, [&](const Alert& alert) { return delivered.contains(alert.id); });
    }
    return state;
}

std::string acknowledged_log_path(const std::string& path) { return path + kAckLogSuffix; }

void save_watch_state(const std::string& path, WatchState& state) {
    const std::string temporary = path + ".tmp";
    const std::uint64_t old_generation = state.generation;
    const std::uint64_t new_generation_written = new_generation(old_generation);
    state.generation = new_generation_written;
    const std::string text = state_text(state);
    state.generation = old_generation;  // until the new state is in place
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw DataError(temporary + ": cannot write the watch state: " + system_error_text());
    const bool written = write_all(fd, text) && ::fsync(fd) == 0;
    const std::string write_error = written ? "" : system_error_text();
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        throw DataError(temporary + ": cannot write the watch state: " + write_error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string rename_error = system_error_text();
        ::unlink(temporary.c_str());
        throw DataError(path + ": cannot replace the watch state: " + rename_error);
    }
    // The rename itself is durable once the folder is synced; the old log amends the old
    // generation only, so removing it can wait until then (and may fail harmlessly).
    sync_folder_of(path);
    state.generation = new_generation_written;
    if (::unlink(acknowledged_log_path(path).c_str()) == 0) sync_folder_of(path);
}

void log_acknowledged(const std::string& path, std::uint64_t generation, const std::vector<std::string>& alert_ids) {
    const std::string log_path = acknowledged_log_path(path);
    const int fd = ::open(log_path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw DataError(log_path + ": cannot log delivered alerts: " + system_error_text());
    const std::string header = std::string(kAckLogHeader) + ' ' + std::to_string(generation) + '\n';
    struct stat status {};
    bool usable = ::fstat(fd, &status) == 0;
    std::string text;
    if (usable && status.st_size > 0) {
        // A log of another generation (left by a crash after a state's rename) is started
        // afresh; after a line cut short by a crash, the next id starts on a line of its own.
        std::string first(header.size(), '\0');
        const bool same_generation = ::pread(fd, first.data(), first.size(), 0) == static_cast<ssize_t>(first.size()) &&
                                     first == header;
        char last = '\n';
        if (!same_generation) {
            usable = ::ftruncate(fd, 0) == 0;
            status.st_size = 0;
        } else if (::pread(fd, &last, 1, status.st_size - 1) == 1 && last != '\n') {
            text = "\n";
        }
    }
    if (usable && status.st_size == 0) text = header;
    for (const std::string& id : alert_ids) text += id + '\n';
    const bool written = usable && write_all(fd, text) && ::fdatasync(fd) == 0;
    const std::string write_error = written ? "" : system_error_text();
    ::close(fd);
    if (!written) throw DataError(log_path + ": cannot log delivered alerts: " + write_error);
    if (status.st_size == 0) sync_folder_of(log_path);  // the new file's name, durable too
}

StateLock::StateLock(const std::string& state_path) {
    const std::string lock_path = state_path + ".lock";
    m_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw DataError(lock_path + ": cannot create the watch state's lock: " + system_error_text());
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_fd);
        m_fd = -1;
        throw DatabaseLockedError(state_path + ": the watch state is in use by another rasd-watch");
    }
}

StateLock::~StateLock() {
    if (m_fd >= 0) ::close(m_fd);  // releases the lock
}

}  // namespace rasd::detail
