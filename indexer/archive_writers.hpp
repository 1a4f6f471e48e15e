#pragma once
// The writers of one archive: a DatabaseWriter per database of its layout (a single database,
// or the shards of a sharded archive), shared by Indexer and ParallelIndexer.

#include "database_writer.hpp"

#include <rasd/indexer.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rasd::detail {

// What add_or_replace() says when the indexer was opened with IndexerOptions::deletions_only.
inline constexpr const char* kOpenedForDeletionsOnly = "the indexer was opened for deletions only";

// The alias table an archive is to keep (IndexerOptions::aliases_file read and checked), or
// std::nullopt to keep what it has. @throws DataError as read_alias_file().
[[nodiscard]] std::optional<std::string> alias_table_to_keep(const IndexerOptions& options);

// Opens (or creates) the archive at `path` with `shards` shards (0: keep its layout). A new or
// unfinished sharded archive gets its stub only after every shard has recorded and committed its
// schema and analyzer, so a kill at any moment never leaves a stub that names a shard searchers
// would refuse.
// With `detect_stories` the writers share one StoryResolver over all of them.
// @throws as DatabaseWriter's constructor and archive_layout().
[[nodiscard]] std::vector<std::unique_ptr<DatabaseWriter>> open_archive_writers(const std::string& path,
                                                                              std::size_t shards,
                                                                              const std::string& analyzer_signature,
                                                                              WriterOptions options,
                                                                              bool detect_stories);

}  // namespace rasd::detail
