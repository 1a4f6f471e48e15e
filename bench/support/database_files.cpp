#include "database_files.hpp"

#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace rasd::bench {

std::uint64_t dir_bytes(const fs::path& dir) { return dir_size(dir).total; }

DirSize dir_size(const fs::path& dir) {
    DirSize s;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::uint64_t bytes = it->file_size(ec);
        s.total += bytes;
        s.files[fs::relative(it->path(), dir, ec).string()] += bytes;
    }
    return s;
}

nlohmann::json dir_size_json(const DirSize& s) { return nlohmann::json{{"total", s.total}, {"files", s.files}}; }

std::map<std::string, std::uint64_t> glass_table_sizes(const DirSize& s) {
    std::map<std::string, std::uint64_t> t;
    for (const char* table : kGlassTables) t[table] = 0;
    for (const auto& [file, bytes] : s.files) {
        const std::string name = fs::path(file).filename().string();
        const std::string table = name.size() > 6 && name.ends_with(".glass") ? name.substr(0, name.size() - 6) : "";
        if (t.count(table) != 0 && table != "other") {
            t[table] += bytes;
        } else {
            t["other"] += bytes;
        }
    }
    return t;
}

void remove_database_dir(const fs::path& dir) {
    if (!fs::exists(dir)) return;
    const bool database = fs::exists(dir / "iamglass") || fs::exists(dir / "XAPIANDB");
    if (!database && !(fs::is_directory(dir) && fs::is_empty(dir))) {
        throw std::runtime_error(dir.string() + " exists and is not a Xapian database; not removing it");
    }
    fs::remove_all(dir);
}

void fresh_dir(const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
}

RemoveAtExit::~RemoveAtExit() {
    if (keep) return;
    for (const fs::path& d : dirs) {
        std::error_code ec;
        fs::remove_all(d, ec);
    }
}

}  // namespace rasd::bench
