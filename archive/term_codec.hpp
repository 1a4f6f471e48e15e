#pragma once
// How rasd spells what it indexes: every term and value slot of schema.hpp, with an encoder for
// the write path and a decoder for the read path, so that nothing else knows the layout.

#include "schema.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rasd::schema {

// --- Omega's colon -------------------------------------------------------------------------

// `prefix` + `value`, with a ':' between them when the prefix is longer than one character and
// the value starts with an ASCII capital (Omega's rule, so that XPLACE + "Eg" cannot read as
// XPLACEE + "g").
[[nodiscard]] std::string boolean_term(std::string_view prefix, std::string_view value);

// The value of a boolean_term() under `prefix`: the prefix and Omega's colon removed. A ':' is
// taken for Omega's only before a capital, as boolean_term() puts it, so a value that itself
// starts with ':' comes back whole. "" if `term` does not start with `prefix`.
[[nodiscard]] std::string term_value(std::string_view prefix, std::string_view term);

// --- Word terms (positional) ---------------------------------------------------------------

// The field a word term covers: every field, or titles only.
enum class WordField { All, Title };

// "Z" for every field, "ZS" for titles: what each word term of the field starts with.
[[nodiscard]] std::string word_term_prefix(WordField field = WordField::All);

// The term a word is indexed and searched under: its stem (a stop word: its folded form) after
// word_term_prefix(field).
[[nodiscard]] std::string word_term(std::string_view word, WordField field = WordField::All);

// The word of a word_term() of `field`; "" if `term` is not one.
[[nodiscard]] std::string word_of_term(std::string_view term, WordField field = WordField::All);

// --- Boolean terms -------------------------------------------------------------------------

// The unique id term ("Q" + id) that replace_document() and delete_document() address.
[[nodiscard]] std::string id_term(std::string_view article_id);
[[nodiscard]] std::string id_of_term(std::string_view term);

// A gazetteer id (every level of an article's place gets one).
[[nodiscard]] std::string place_term(std::string_view place_id);
[[nodiscard]] std::string place_of_term(std::string_view term);

// A rasd topic id.
[[nodiscard]] std::string topic_term(std::string_view topic_id);
[[nodiscard]] std::string topic_of_term(std::string_view term);

// Xapian terms stop at 245 bytes: a folded source name longer than this is cut (at a character
// boundary), the same way when indexing and when filtering, so that the two still meet.
inline constexpr std::size_t kMaxSourceTermBytes = 100;

// A source name as its term holds it: folded, then cut to kMaxSourceTermBytes.
[[nodiscard]] std::string source_term_value(std::string_view source_name);
// The term of a source name as given (folded and cut here).
[[nodiscard]] std::string source_term(std::string_view source_name);
// The folded, cut source name of a source_term().
[[nodiscard]] std::string source_of_term(std::string_view term);

// The year, month and day terms of a "YYYYMMDD" date: "Y" + YYYY, "M" + YYYYMM, "D" + YYYYMMDD.
[[nodiscard]] std::string year_term(std::string_view yyyymmdd);
[[nodiscard]] std::string month_term(std::string_view yyyymmdd);
[[nodiscard]] std::string day_term(std::string_view yyyymmdd);
[[nodiscard]] std::string year_of_term(std::string_view term);   // "YYYY"
[[nodiscard]] std::string month_of_term(std::string_view term);  // "YYYYMM"
[[nodiscard]] std::string day_of_term(std::string_view term);    // "YYYYMMDD"

// The story id (the id of the story's first article): lists the articles of a story.
[[nodiscard]] std::string story_term(std::string_view story_id);
[[nodiscard]] std::string story_of_term(std::string_view term);

// A MinHash band key (knowledge/story_fingerprint.hpp): "XLSH" + 16 lowercase hex digits.
[[nodiscard]] std::string band_term(std::uint64_t band_key);
// The commit sequence term ("XSEQ" + decimal sequence) of the batch an article arrived in.
[[nodiscard]] std::string sequence_term(std::uint64_t sequence);
// The sequence of a sequence_term(); 0 if `term` is not one.
[[nodiscard]] std::uint64_t sequence_of_term(std::string_view term);

// --- Dates ---------------------------------------------------------------------------------

// "YYYY-MM-DD" from "YYYYMMDD"; "" for anything not 8 bytes long (an undated article).
[[nodiscard]] std::string iso_date(std::string_view yyyymmdd);
// "YYYYMMDD" from "YYYY-MM-DD"; "" for anything else.
[[nodiscard]] std::string yyyymmdd_of_iso(std::string_view iso_date);
// "YYYY-MM" from "YYYYMMDD"; "" for anything not 8 bytes long.
[[nodiscard]] std::string iso_month(std::string_view yyyymmdd);

// --- Values --------------------------------------------------------------------------------

// The shape of each `..._of_value` (and `..._of_term`) function below: stored form -> value.
using ValueDecoder = std::string (*)(std::string_view);

// kDateSlot: "YYYYMMDD", whose string order is date order (sorting, date ranges).
[[nodiscard]] std::string date_value(std::string_view yyyymmdd);
[[nodiscard]] std::string date_of_value(std::string_view value);
// The open ends of a date range over kDateSlot: before and after every date.
inline constexpr const char* kEarliestDateValue = "00000000";
inline constexpr const char* kLatestDateValue = "99999999";

// kTopicSlot, kCountrySlot, kCitySlot: ids as they are (facets count them).
[[nodiscard]] std::string topic_value(std::string_view topic_id);
[[nodiscard]] std::string topic_of_value(std::string_view value);
[[nodiscard]] std::string country_value(std::string_view place_id);
[[nodiscard]] std::string country_of_value(std::string_view value);
[[nodiscard]] std::string city_value(std::string_view place_id);
[[nodiscard]] std::string city_of_value(std::string_view value);

// kSourceSlot: the source name folded and cut, as source_term_value() gives it (so a facet's
// value is also a source: filter that picks that source alone).
[[nodiscard]] std::string source_value(std::string_view source_name);
[[nodiscard]] std::string source_of_value(std::string_view value);

// kYearSlot "YYYY" and kMonthSlot "YYYY-MM" of a "YYYYMMDD" date (facets). The decoders give
// the facet's value: the year "YYYY", the month "YYYY-MM".
[[nodiscard]] std::string year_value(std::string_view yyyymmdd);
[[nodiscard]] std::string year_of_value(std::string_view value);
[[nodiscard]] std::string month_value(std::string_view yyyymmdd);
[[nodiscard]] std::string month_of_value(std::string_view value);

// kIdSlot: the article id (breaks ties).
[[nodiscard]] std::string id_value(std::string_view article_id);
[[nodiscard]] std::string id_of_value(std::string_view value);

// kDateIdSlot: "YYYYMMDD" (kUndatedSortKey when `yyyymmdd` is "") then the article id.
[[nodiscard]] std::string date_id_value(std::string_view yyyymmdd, std::string_view article_id);

// kStorySlot: the story id as it is.
[[nodiscard]] std::string story_value(std::string_view story_id);
[[nodiscard]] std::string story_of_value(std::string_view value);

// kSignatureSlot: the MinHash values, two bytes each, most significant first. A value of another
// length (none stored) decodes as no signature.
[[nodiscard]] std::string signature_value(std::span<const std::uint16_t> minhashes);
// @return false (and `minhashes` untouched) unless `value` holds exactly minhashes.size() values.
[[nodiscard]] bool signature_of_value(std::string_view value, std::span<std::uint16_t> minhashes);
// kSequenceSlot: the commit sequence, sortable (Xapian::sortable_serialise), so that a value
// range selects every article committed after a sequence.
[[nodiscard]] std::string sequence_value(std::uint64_t sequence);
[[nodiscard]] std::uint64_t sequence_of_value(std::string_view value);  // 0 for ""

// kContentDigestSlot: 16 hex digits of FNV-1a over the document data (every field as given and
// what rasd made of it), which tells an unchanged re-send from a changed one.
[[nodiscard]] std::string content_digest_value(std::string_view document_data);

// kFacetsSlot: the values of the facet slots an article has (topic, the three countries, city,
// source, month), each as its own slot holds it, in one value, so that counting facets over a
// match reads one value per article instead of five to seven. Each field is one byte of length
// then its bytes, in FacetField order. "" when the article has none of them.
struct FacetSlotValues {
    std::string topic;
    std::array<std::string, kCountrySlots.size()> countries;  // filled in order, "" after the last
    std::string city, source, month;
    friend bool operator==(const FacetSlotValues&, const FacetSlotValues&) = default;
};
// The fields of a facets_value(), in the order it holds them.
enum FacetField : std::size_t {
    kTopicField,
    kFirstCountryField,  // then the second and third
    kCityField = kFirstCountryField + kCountrySlots.size(),
    kSourceField,
    kMonthField,
    kFacetFields  // how many
};
// A field holds at most this many bytes (what its length byte can say): a source value is cut to
// kMaxSourceTermBytes, every other field is an id or a month.
inline constexpr std::size_t kMaxFacetFieldBytes = 255;
// @throws std::length_error when a field is longer than kMaxFacetFieldBytes.
[[nodiscard]] std::string facets_value(const FacetSlotValues& values);
// The fields of a facets_value() as views into it, indexed by FacetField (a facet count reads
// them for every matching article). A value cut short or overlong (none stored) gives the fields
// it holds whole, the rest "".
[[nodiscard]] std::array<std::string_view, kFacetFields> facet_fields_of_value(std::string_view value);
// The same fields as strings.
[[nodiscard]] FacetSlotValues facets_of_value(std::string_view value);

// rasd.sequence metadata: decimal; "" reads as 0 (no commit yet).
[[nodiscard]] std::string sequence_metadata(std::uint64_t sequence);
// @throws DatabaseError (naming `where`) when the value is not a decimal number.
[[nodiscard]] std::uint64_t sequence_of_metadata(std::string_view value, std::string_view where);

struct DateAndId {
    std::string yyyymmdd;  // "" for an undated article
    std::string article_id;
    friend bool operator==(const DateAndId&, const DateAndId&) = default;
};
[[nodiscard]] DateAndId date_id_of_value(std::string_view value);

}  // namespace rasd::schema
