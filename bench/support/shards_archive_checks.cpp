#include "shards_archive_checks.hpp"

#include "archive/schema.hpp"
#include "archive/shard_layout.hpp"

#include <rasd/indexer.hpp>

#include <xapian.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace rasd::bench::shards {

namespace {

// One archive: one document per distinct id, every id in the shard it hashes to, one id term
// per document.
std::vector<std::string> check_archive(Build& b, std::size_t distinct_ids) {
    using rasd::detail::shard_directory_name;
    std::vector<std::string> failures;
    const std::string id_prefix = rasd::schema::kIdPrefix;
    std::vector<fs::path> databases;
    if (b.shards == 1) {
        databases.push_back(b.dir);
    } else {
        if (!fs::exists(b.dir / rasd::detail::kStubFileName)) failures.push_back(b.dir.string() + ": no XAPIANDB stub");
        for (std::size_t k = 0; k < b.shards; ++k) databases.push_back(b.dir / shard_directory_name(k));
        if (fs::exists(b.dir / shard_directory_name(b.shards))) {
            failures.push_back(b.dir.string() + ": more shards than " + std::to_string(b.shards));
        }
    }
    std::size_t total = 0;
    for (std::size_t k = 0; k < databases.size(); ++k) {
        const Xapian::Database db(databases[k].string());
        std::size_t ids = 0, misplaced = 0;
        std::string example;
        for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
            ++ids;
            if (it.get_termfreq() != 1) {
                failures.push_back(databases[k].string() + ": id term " + *it + " on " + std::to_string(it.get_termfreq()) +
                                   " documents");
            }
            const std::string id = (*it).substr(id_prefix.size());
            if (rasd::shard_of_article(id, b.shards) != k) {
                if (misplaced++ == 0) example = id;
            }
        }
        if (misplaced != 0) {
            failures.push_back(databases[k].string() + ": " + std::to_string(misplaced) + " ids hash to another shard (e.g. '" +
                               example + "' -> " + std::to_string(rasd::shard_of_article(example, b.shards)) + ")");
        }
        if (ids != db.get_doccount()) {
            failures.push_back(databases[k].string() + ": " + std::to_string(db.get_doccount()) + " documents but " +
                               std::to_string(ids) + " ids");
        }
        b.shard_articles.push_back(ids);
        total += ids;
    }
    if (total != distinct_ids) {
        failures.push_back(b.dir.string() + ": " + std::to_string(total) + " ids, not the " + std::to_string(distinct_ids) +
                           " distinct ids read");
    }
    const std::size_t opened = Xapian::Database(b.dir.string()).get_doccount();  // the stub opens every shard
    if (opened != distinct_ids) {
        failures.push_back(b.dir.string() + ": opens as " + std::to_string(opened) + " documents, not " +
                           std::to_string(distinct_ids));
    }
    return failures;
}

}  // namespace

std::vector<std::string> check_archives(std::vector<Build>& builds, const Corpus& corpus) {
    std::vector<std::string> failures;
    for (Build& b : builds) {
        for (std::string& f : check_archive(b, corpus.distinct_ids)) failures.push_back(std::move(f));
        if (b.child["indexed"].get<std::size_t>() != corpus.articles.size()) {
            failures.push_back(b.dir.string() + ": " + b.child["indexed"].dump() + " articles reported indexed, not " +
                               std::to_string(corpus.articles.size()));
        }
    }
    return failures;
}

}  // namespace rasd::bench::shards
