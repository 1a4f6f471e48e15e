#pragma once
// The latency benchmark's baseline: plain Xapian on the same database as rasd. QueryParser with
// Stem("arabic") and STEM_SOME_FULL_POS, which is STEM_SOME (the default) except that words in
// phrases are stemmed too: under STEM_SOME they stay unstemmed and unprefixed, terms a rasd
// database does not have, and a phrase would cost nothing. Default BM25Weight; the stored data
// of each hit is read.

#include "latency_query_mix.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>

namespace rasd::bench::latency {

// What rasd's CLI asks for by default, on both sides.
inline constexpr std::size_t kPageSize = 10;
inline constexpr std::size_t kSnippetBytes = 200;
inline constexpr std::size_t kFacetLimit = 10;  // values listed per topic, country and city facet

class XapianQueryBaseline {
public:
    explicit XapianQueryBaseline(const std::string& path);

    struct Outcome {
        Xapian::doccount matches = 0;
        std::uint64_t sink = 0;  // bytes and counts read, so nothing is optimized away
    };

    // Runs `q` (10 hits, stored data read). With `facets`, ValueCountMatchSpy on rasd's five
    // per-facet slots over the whole match set, as a plain Xapian application would count them
    // (rasd reads its one facets slot instead). With `snippets`, each hit also
    // gets a snippet made as rasd makes it (the body from the stored JSON, MSet::snippet with the
    // background model, exhaustive, 200 bytes, here with Snowball's stems): a diagnostic of how
    // much of rasd's time goes to snippets.
    Outcome run(const BenchQuery& q, bool facets, bool snippets = false);

    // The exact number of matches of a filter (untimed; for the checks).
    Xapian::doccount exact_count(const Xapian::Query& filter);

    const Xapian::Database& db() const { return m_db; }
    Xapian::doccount doccount() const { return m_doccount; }

private:
    Xapian::Database m_db;
    Xapian::QueryParser m_parser;
    Xapian::Stem m_stem{"arabic"};
    Xapian::doccount m_doccount = 0;
};

}  // namespace rasd::bench::latency
