#include "shard_layout.hpp"

#include "util/fnv1a.hpp"

#include <rasd/error.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace fs = std::filesystem;

namespace rasd::detail {
namespace {

// The temporary file older versions of rasd wrote the stub through: an interrupted creation may
// have left it behind.
constexpr const char* kOldStubTemporaryName = "XAPIANDB.tmp";

bool is_single_database(const fs::path& dir) {
    std::error_code ignored;
    return fs::exists(dir / "iamglass", ignored) || fs::exists(dir / "iamchert", ignored);
}

// What an interrupted creation of shards may leave: shard folders and shard lists not yet in place.
bool is_creation_leftover(const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    std::error_code ignored;
    return (name.rfind("shard-", 0) == 0 && entry.is_directory(ignored)) || name == kPendingStubFileName ||
           name == kOldStubTemporaryName;
}

// Missing, empty, or holding only what an interrupted creation of shards leaves behind.
bool can_hold_new_shards(const fs::path& dir) {
    std::error_code error;
    if (!fs::exists(dir, error)) return true;
    if (!fs::is_directory(dir, error)) return false;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
        if (!is_creation_leftover(entry)) return false;
    }
    return !error;
}

bool has_creation_leftovers(const fs::path& dir) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
        if (is_creation_leftover(entry)) return true;
    }
    return false;
}

// Xapian creates a database's tables first and its revision file (iamglass) last, so a kill in
// between leaves a folder of table files that can be neither opened nor created again, and that
// holds nothing (no revision was ever committed). Their files are removed, to be made again; a
// folder holding anything else is left alone.
void remove_unborn_database(const fs::path& dir) {
    std::error_code error;
    if (!fs::is_directory(dir, error) || is_single_database(dir)) return;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        const bool xapian_file = name == "flintlock" || name == "v.tmp" || name.ends_with(".glass");
        if (!xapian_file || !entry.is_regular_file(error)) return;
        files.push_back(entry.path());
    }
    for (const fs::path& file : files) {
        if (!fs::remove(file, error) && error) {
            throw DatabaseError(dir.string() + ": cannot remove an unfinished database: " + error.message());
        }
    }
}

// The stub of `shards` local shards, as rasd writes it.
std::string stub_text(std::size_t shards) {
    std::string text;
    for (std::size_t i = 0; i < shards; ++i) text += "glass " + shard_directory_name(i) + '\n';
    return text;
}

// The shard count of DIR's pending list; 0 if there is none, or it is not one rasd wrote whole
// (a kill while writing it leaves a prefix of it).
std::size_t pending_shard_count(const fs::path& dir) {
    std::ifstream in(dir / kPendingStubFileName, std::ios::binary);
    if (!in) return 0;
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::size_t lines = 0;
    for (const char c : text) lines += c == '\n' ? 1 : 0;
    return lines > 0 && lines <= kMaxShards && text == stub_text(lines) ? lines : 0;
}

std::vector<std::string> shard_paths(const std::string& dir, std::size_t shards) {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < shards; ++i) paths.push_back((fs::path(dir) / shard_directory_name(i)).string());
    return paths;
}

// The layout of an archive of `shards` shards being created, without what a kill during the
// creation of a shard's database left of it.
ArchiveLayout shards_to_create(const std::string& dir, std::size_t shards) {
    std::vector<std::string> paths = shard_paths(dir, shards);
    for (const std::string& path : paths) remove_unborn_database(path);
    return {std::move(paths), true};
}

std::string shard_count_is_fixed(const std::string& dir, std::size_t existing, std::size_t asked) {
    return dir + ": the archive has " + std::to_string(existing) + " shards, not " + std::to_string(asked) +
           " (the shard count is fixed when the archive is created)";
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

ArchiveLayout archive_layout(const std::string& dir, std::size_t shards) {
    if (shards > kMaxShards) {
        throw InvalidArgument("an archive has at most " + std::to_string(kMaxShards) + " shards, not " +
                              std::to_string(shards));
    }
    if (std::vector<std::string> existing = read_stub_shards(dir); !existing.empty()) {
        if (shards != 0 && shards != existing.size()) {
            throw InvalidArgument(shard_count_is_fixed(dir, existing.size(), shards));
        }
        return {std::move(existing), false};
    }
    const fs::path root(dir);
    if (const std::size_t pending = pending_shard_count(root); pending > 0) {  // finish an interrupted creation
        if (shards != 0 && shards != pending) throw InvalidArgument(shard_count_is_fixed(dir, pending, shards));
        return shards_to_create(dir, pending);
    }
    if (is_single_database(root)) {
        if (shards > 1) {
            throw InvalidArgument(dir + ": is one database, not " + std::to_string(shards) +
                                  " shards (the shard count is fixed when the archive is created)");
        }
        return {{dir}, false};
    }
    if (shards <= 1) {
        if (has_creation_leftovers(root)) {
            throw InvalidArgument(dir + ": holds shard folders but no shard list: a sharded archive whose creation "
                                        "was interrupted; create it again with the same shard count to finish it");
        }
        remove_unborn_database(root);  // killed while creating it
        return {{dir}, false};
    }
    if (!can_hold_new_shards(root)) {
        throw InvalidArgument(dir + ": cannot create " + std::to_string(shards) +
                              " shards in a directory that is not empty");
    }
    std::error_code error;
    fs::create_directories(root, error);
    if (error) throw DatabaseError(dir + ": cannot create the directory: " + error.message());
    // The shard list comes first, so that a rerun after a kill knows how many shards to finish.
    const fs::path pending = root / kPendingStubFileName;
    {
        std::ofstream out(pending, std::ios::binary | std::ios::trunc);
        out << stub_text(shards);
        out.flush();
        if (!out) throw DatabaseError(pending.string() + ": cannot write the shard list");
    }
    return shards_to_create(dir, shards);
}

void complete_archive(const std::string& dir) {
    const fs::path root(dir);
    std::error_code error;
    fs::rename(root / kPendingStubFileName, root / kStubFileName, error);
    if (error) throw DatabaseError((root / kStubFileName).string() + ": cannot write the shard list: " + error.message());
    fs::remove(root / kOldStubTemporaryName, error);  // an older rasd's leftover, if any
}

std::string unfinished_archive_problem(const std::string& dir) {
    const fs::path root(dir);
    std::error_code error;
    if (!fs::is_directory(root, error) || fs::exists(root / kStubFileName, error) || is_single_database(root) ||
        !has_creation_leftovers(root)) {
        return "";
    }
    return dir + ": a sharded archive whose creation was interrupted; rerun rasd-index on this archive to finish "
                 "creating it";
}

}  // namespace rasd::detail
