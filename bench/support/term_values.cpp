#include "term_values.hpp"

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

namespace rasd::bench {

std::string value_of_term(const std::string& term, const std::string& prefix) {
    return rasd::schema::term_value(prefix, term);
}

std::vector<std::pair<std::string, Xapian::doccount>> prefixed_values(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        out.emplace_back(value_of_term(*it, prefix), it.get_termfreq());
    }
    return out;
}

}  // namespace rasd::bench
