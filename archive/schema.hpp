#pragma once
// The Xapian layout of a rasd database (docs/SCHEMA.md describes it for people). Follows the
// Omega conventions where one exists, so quest and delve can inspect rasd databases.

#include <xapian.h>

#include <array>

namespace rasd::schema {

// Term prefixes.
inline constexpr const char* kIdPrefix = "Q";           // unique article id (boolean)
inline constexpr const char* kStemPrefix = "Z";         // stem (stop word: folded form), with positions
inline constexpr const char* kTitlePrefix = "S";        // after Z: title stems, with positions (ZS...)
inline constexpr const char* kPlacePrefix = "XPLACE";   // gazetteer id, every level (boolean)
inline constexpr const char* kTopicPrefix = "XTOPIC";   // topic (boolean)
inline constexpr const char* kSourcePrefix = "XSOURCE"; // folded source name (boolean)
inline constexpr const char* kYearPrefix = "Y";         // YYYY (boolean)
inline constexpr const char* kMonthPrefix = "M";        // YYYYMM (boolean)
inline constexpr const char* kDayPrefix = "D";          // YYYYMMDD (boolean)
inline constexpr const char* kStoryPrefix = "XSTORY";   // story id: lists a story's articles (boolean)
inline constexpr const char* kBandPrefix = "XLSH";      // MinHash band key (boolean; docs/STORIES.md)
// The commit sequence number of the batch an article arrived in (boolean; docs/WATCH.md).
inline constexpr const char* kSequencePrefix = "XSEQ";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;      // "YYYYMMDD": sorts and ranges as a string
inline constexpr Xapian::valueno kTopicSlot = 1;     // topic id (facets read it from kFacetsSlot)
inline constexpr Xapian::valueno kCountrySlot = 2;   // gazetteer id of the country (likewise)
inline constexpr Xapian::valueno kCitySlot = 3;      // gazetteer id of the city level (likewise)
inline constexpr Xapian::valueno kYearSlot = 4;      // "YYYY" (for Xapian's own tools)
inline constexpr Xapian::valueno kMonthSlot = 5;     // "YYYY-MM" (likewise in kFacetsSlot)
// The article id: breaks ties between equal scores or dates, so that answers do not depend on
// Xapian's document ids, which differ between one database and the shards of an archive.
inline constexpr Xapian::valueno kIdSlot = 6;
// "YYYYMMDD" (or kUndatedSortKey) followed by the article id: the sort key for newest/oldest,
// one value so that remote shards can sort by it too (Xapian 1.4's remote backend takes no
// KeyMaker).
inline constexpr Xapian::valueno kDateIdSlot = 7;
inline constexpr const char* kUndatedSortKey = "00000000";
// The second and third countries a story is about (kCountrySlot holds the first; all three are
// in kFacetsSlot too): a country facet counts each article once for every country it is about.
inline constexpr Xapian::valueno kSecondCountrySlot = 8;
inline constexpr Xapian::valueno kThirdCountrySlot = 9;
// The story an article belongs to: the id of its story's first article (Xapian's collapse key
// for one hit per story). Articles indexed without story detection have none.
inline constexpr Xapian::valueno kStorySlot = 10;
// The article's MinHash signature (knowledge/story_fingerprint.hpp), read back to verify a
// candidate near-duplicate that shares a band key.
inline constexpr Xapian::valueno kSignatureSlot = 11;
inline constexpr std::array<Xapian::valueno, 3> kCountrySlots = {kCountrySlot, kSecondCountrySlot,
                                                                kThirdCountrySlot};
// The commit sequence of the batch the article arrived in (Xapian::sortable_serialise), so that
// "everything since sequence N" is one value range; XSEQ terms name single sequences.
inline constexpr Xapian::valueno kSequenceSlot = 12;
// A digest of the article's stored content: a re-sent article whose digest is unchanged keeps its
// document, and so its sequence, and alerts no watch again.
inline constexpr Xapian::valueno kContentDigestSlot = 13;
// The folded source name, as its source term holds it (copies' sources of a collapsed hit; the
// source facet reads it from kFacetsSlot).
inline constexpr Xapian::valueno kSourceSlot = 14;
// Every facet slot's value of the article in one value (term_codec.hpp, facets_value()): counting
// facets reads one value per matching article instead of five to seven (bench/RESULTS.md, "Facets from one
// value slot").
inline constexpr Xapian::valueno kFacetsSlot = 15;

// Weights: a title word counts as this many body words (within-document frequency).
inline constexpr Xapian::termcount kTitleWdf = 3;
// The lede: news puts the essence of a story in its first sentences, which is what headline-like
// queries echo. The first kLedeWords words of the body count kLedeWdf times. Measured on 1,000
// ANT known-item queries (bench/RESULTS.md): MRR@10 0.699 -> 0.717 with 40 words counted twice
// (20 words: 0.714, 60 words: 0.709).
inline constexpr std::size_t kLedeWords = 40;
inline constexpr Xapian::termcount kLedeWdf = 2;

// Position gap between title and body, so a phrase cannot span the two.
inline constexpr Xapian::termpos kFieldPositionGap = 100;

// Database metadata keys.
inline constexpr const char* kAnalyzerKey = "rasd.analyzer";      // e.g. "light/1"
inline constexpr const char* kSchemaVersionKey = "rasd.schema";  // kSchemaVersion
// The archive's own alias table (rasd-index --aliases FILE), as the file gave it; every shard
// keeps it, and searches read it with rasd's table (knowledge/data/aliases.tsv).
inline constexpr const char* kAliasesKey = "rasd.aliases";
// The sequence of the last commit that wrote articles into this database (one per shard):
// decimal, absent (0) before the first.
inline constexpr const char* kSequenceKey = "rasd.sequence";
// 16 hex digits drawn at random when the database was created: a database rebuilt in the same
// place has another, so rasd-watch knows its sequences count anew. Absent from databases made
// before it (nothing else depends on it: no schema change).
inline constexpr const char* kBirthKey = "rasd.birth";
// 2: positions on stems, no unstemmed terms; 3: lede weighting, the id and date-id slots;
// 4: every place a story is about (place terms, three country slots, "places" in the data);
// 5: Hijri dates read (an article dated only in the Hijri calendar gets its Umm al-Qura date);
//    transliteration variants joined on one stem (analyzer light/2); the archive's alias table;
//    stories: near-duplicates share a story id (slot 10, XSTORY), signature (slot 11), XLSH bands;
//    the commit sequence of every article (XSEQ terms, slot 12, rasd.sequence) and its content
//    digest (slot 13), for watches.
// 6: the folded source name in a value slot (slot 14), for the source facet.
// 7: every facet value of an article in one value slot (slot 15), which facets count.
inline constexpr const char* kSchemaVersion = "7";

}  // namespace rasd::schema
