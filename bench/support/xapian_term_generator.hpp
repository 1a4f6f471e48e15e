#pragma once
// The plain-Xapian indexing baseline: Xapian::TermGenerator with Snowball arabic, as an
// application without rasd would index Arabic text.

#include <rasd/article.hpp>

#include <xapian.h>

#include <string>

namespace rasd::bench {

// A TermGenerator with Stem("arabic") and its default strategy, STEM_SOME.
Xapian::TermGenerator make_arabic_term_generator();

// An article as plain Xapian indexes it: title, abstract (if any) and body through `tg`, each
// one position after the last, and the boolean id term `id_term`.
Xapian::Document xapian_document(Xapian::TermGenerator& tg, const rasd::Article& a, const std::string& id_term);

}  // namespace rasd::bench
