#include "archive_writers.hpp"

#include "story_resolver.hpp"
#include "archive/shard_layout.hpp"
#include "archive/xapian_error.hpp"
#include "knowledge/aliases.hpp"

namespace rasd::detail {

std::optional<std::string> alias_table_to_keep(const IndexerOptions& options) {
    if (options.aliases_file.empty()) return std::nullopt;
    return read_alias_file(options.aliases_file);
}

std::vector<std::unique_ptr<DatabaseWriter>> open_archive_writers(const std::string& path, std::size_t shards,
                                                                  const std::string& analyzer_signature,
                                                                  WriterOptions options, bool detect_stories) {
    const ArchiveLayout layout = archive_layout(path, shards);
    std::vector<std::unique_ptr<DatabaseWriter>> writers;
    for (const std::string& database : layout.databases) {
        writers.push_back(std::make_unique<DatabaseWriter>(database, analyzer_signature, options));
    }
    if (layout.creating) complete_archive(path);
    // Deleting needs no stories: a story keeps its id when its first article is deleted.
    if (detect_stories && !options.deletions_only) {
        auto stories = translate_xapian_errors(path, [&] { return std::make_shared<StoryResolver>(layout.databases); });
        for (std::size_t shard = 0; shard < writers.size(); ++shard) writers[shard]->attach_stories(stories, shard);
    }
    return writers;
}

}  // namespace rasd::detail
