#include "shard_layout.hpp"

#include "xapian_error.hpp"

#include "util/fnv1a.hpp"

#include <rasd/error.hpp>

#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace rasd::detail {
namespace {

bool is_single_database(const fs::path& dir) {
    std::error_code ignored;
    return fs::exists(dir / "iamglass", ignored) || fs::exists(dir / "iamchert", ignored);
}

// Missing, empty, or holding only what an interrupted creation of shards leaves behind.
bool can_hold_new_shards(const fs::path& dir) {
    std::error_code error;
    if (!fs::exists(dir, error)) return true;
    if (!fs::is_directory(dir, error)) return false;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("shard-", 0) != 0 && name != std::string(kStubFileName) + ".tmp") return false;
    }
    return !error;
}

// Writes the stub through a temporary file and a rename, so a crash never leaves half a stub.
void write_stub(const fs::path& dir, std::size_t shards) {
    const fs::path stub = dir / kStubFileName;
    const fs::path temporary = dir / (std::string(kStubFileName) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        for (std::size_t i = 0; i < shards; ++i) out << "glass " << shard_directory_name(i) << '\n';
        out.flush();
        if (!out) throw DatabaseError(stub.string() + ": cannot write the shard list");
    }
    std::error_code error;
    fs::rename(temporary, stub, error);
    if (error) throw DatabaseError(stub.string() + ": cannot write the shard list: " + error.message());
}

}  // namespace

std::string shard_directory_name(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02zu", index);
    return name;
}

std::size_t shard_of(std::string_view id, std::size_t shards) {
    return shards <= 1 ? 0 : static_cast<std::size_t>(fnv1a64(id) % shards);
}

std::vector<std::string> read_stub_shards(const std::string& dir) {
    const fs::path stub = fs::path(dir) / kStubFileName;
    std::error_code ignored;
    if (!fs::exists(stub, ignored)) return {};
    std::ifstream in(stub);
    if (!in) throw DatabaseError(stub.string() + ": cannot read the shard list");
    std::vector<std::string> shards;
    std::string line;
    for (std::size_t line_number = 1; std::getline(in, line); ++line_number) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string backend, path;
        fields >> backend >> path;
        if ((backend != "glass" && backend != "auto") || path.empty()) {
            throw DatabaseError(stub.string() + ":" + std::to_string(line_number) + ": '" + line +
                                "' is not a local shard rasd can write (expected 'glass PATH')");
        }
        const fs::path shard = fs::path(path).is_absolute() ? fs::path(path) : fs::path(dir) / path;
        shards.push_back(shard.string());
    }
    if (shards.empty()) throw DatabaseError(stub.string() + ": lists no shard");
    return shards;
}

std::vector<std::string> archive_databases(const std::string& dir, std::size_t shards) {
    if (shards > kMaxShards) {
        throw InvalidArgument("--shards " + std::to_string(shards) + ": at most " + std::to_string(kMaxShards));
    }
    if (std::vector<std::string> existing = read_stub_shards(dir); !existing.empty()) {
        if (shards != 0 && shards != existing.size()) {
            throw InvalidArgument(dir + ": the archive has " + std::to_string(existing.size()) +
                                  " shards, not " + std::to_string(shards) +
                                  " (the shard count is fixed when the archive is created)");
        }
        return existing;
    }
    if (shards <= 1 || is_single_database(dir)) {
        if (shards > 1) {
            throw InvalidArgument(dir + ": is one database, not " + std::to_string(shards) +
                                  " shards (the shard count is fixed when the archive is created)");
        }
        return {dir};
    }
    if (!can_hold_new_shards(dir)) {
        throw InvalidArgument(dir + ": cannot create " + std::to_string(shards) +
                              " shards in a directory that is not empty");
    }
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) throw DatabaseError(dir + ": cannot create the directory: " + error.message());
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < shards; ++i) paths.push_back((fs::path(dir) / shard_directory_name(i)).string());
    // The shards exist before the stub names them, so a searcher never meets a stub whose
    // shards are missing, even if this run is killed in between.
    for (const std::string& path : paths) {
        translate_xapian_errors(path, [&] { Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN).close(); });
    }
    write_stub(dir, shards);
    return paths;
}

}  // namespace rasd::detail
