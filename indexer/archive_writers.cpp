#include "archive_writers.hpp"

#include "archive/shard_layout.hpp"

namespace rasd::detail {

std::vector<std::unique_ptr<DatabaseWriter>> open_archive_writers(const std::string& path, std::size_t shards,
                                                                  const std::string& analyzer_signature,
                                                                  WriterOptions options) {
    const ArchiveLayout layout = archive_layout(path, shards);
    std::vector<std::unique_ptr<DatabaseWriter>> writers;
    for (const std::string& database : layout.databases) {
        writers.push_back(std::make_unique<DatabaseWriter>(database, analyzer_signature, options));
    }
    if (layout.creating) complete_archive(path);
    return writers;
}

}  // namespace rasd::detail
