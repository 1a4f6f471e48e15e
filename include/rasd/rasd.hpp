#pragma once
/// @file rasd.hpp  The umbrella header: everything a program needs to embed rasd.
///
/// @code
///   #include <rasd/rasd.hpp>
///   rasd::Indexer indexer("news.db");
///   indexer.add_or_replace(article);
///   indexer.commit();
///   rasd::Searcher searcher("news.db");
///   for (const rasd::SearchHit& hit : searcher.search("سائق سيارة نقل").hits) { ... }
/// @endcode

// Errors, export macro, version
#include <rasd/error.hpp>
#include <rasd/export.hpp>
#include <rasd/version.hpp>

// Text analysis
#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/stem_filter.hpp>
#include <rasd/analysis/stemmer.hpp>
#include <rasd/analysis/text_folding.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>

// Articles and dumps
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>

// Index and search
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>
#include <rasd/watcher.hpp>
