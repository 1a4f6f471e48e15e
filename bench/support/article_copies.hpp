#pragma once
// The latency benchmark's large archive from a smaller corpus: article i of the database is copy
// k = i / S of source article i % S (S articles read), with a fresh id "<source id>~k", its date
// moved k years back (k mod 20), and for k >= 1 a deterministic 10% of its body's sentences left
// out, so that copies differ in their text too. See bench/README.md, "Fresh ids".

#include <rasd/article.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench::latency {

std::string copy_id(const std::string& id, std::size_t k);

// The source id of a copy's id ("<id>~k" -> "<id>").
std::string source_id(const std::string& id);

// Whether `id` is a copy's id: it ends with "~" and digits.
bool is_copy_id(const std::string& id);

// A date field starting "YYYY-MM-DD" moved `years` back (29 February becomes the 28th in a
// common year); anything else unchanged (the indexer then falls back to the URL or the text,
// as for the original).
std::string shift_date(const std::string& date, std::size_t years);

// The body as sentences, each with its closing mark and the spaces after it, so joining any
// subset in order gives well-formed text. A sentence ends at . ! ? ؟ or a line break.
std::vector<std::string_view> sentences(std::string_view body);

// Copy k of `a` (copy 0 is `a` itself with the id "<id>~0").
rasd::Article make_copy(const rasd::Article& a, std::size_t k);

}  // namespace rasd::bench::latency
