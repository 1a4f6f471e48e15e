#include "archive_writers.hpp"

#include "archive/shard_layout.hpp"
#include "knowledge/aliases.hpp"

namespace rasd::detail {

std::optional<std::string> alias_table_to_keep(const IndexerOptions& options) {
    if (options.aliases_file.empty()) return std::nullopt;
    return read_alias_file(options.aliases_file);
}

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
