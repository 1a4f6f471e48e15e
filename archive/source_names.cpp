#include "source_names.hpp"

#include "stored_article.hpp"

namespace rasd::detail {

std::string source_name_of_term(const Xapian::Database& database, const std::string& term) {
    const Xapian::PostingIterator first = database.postlist_begin(term);
    if (first == database.postlist_end(term)) return "";
    return schema::StoredArticle::from_data(database.get_document(*first).get_data()).source;
}

}  // namespace rasd::detail
