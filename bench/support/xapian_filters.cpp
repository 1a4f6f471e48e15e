#include "xapian_filters.hpp"

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include "calendar.hpp"
#include "format.hpp"

#include "archive/schema.hpp"
#include "knowledge/gazetteer.hpp"

namespace rasd::bench::latency {

Filter both(const Filter& a, const Filter& b) {
    return {a.rasd + " " + b.rasd, Xapian::Query(Xapian::Query::OP_AND, a.xapian, b.xapian)};
}

Filter topic_filter(const std::string& id) { return {"topic:" + id, Xapian::Query(rasd::schema::topic_term(id))}; }

Filter place_filter(const std::string& id) {
    const rasd::detail::Place* place = rasd::detail::Gazetteer::builtin().find(id);
    const std::string name = place ? "\"" + place->arabic + "\"" : id;
    return {"place:" + name, Xapian::Query(rasd::schema::place_term(id))};
}

Filter month_filter(const std::string& first, const std::string& last) {
    auto shown = [](const std::string& yyyymm) { return yyyymm.substr(0, 4) + "-" + yyyymm.substr(4, 2); };
    const int y = std::stoi(last.substr(0, 4)), m = std::stoi(last.substr(4, 2));
    const std::string upper = last + zero_padded(days_in_month(y, m), 2);
    const std::string text = first == last ? "date:" + shown(first) : "date:" + shown(first) + ".." + shown(last);
    return {text, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, rasd::schema::kDateSlot, first + "01", upper)};
}

Filter year_filter(const std::string& yyyy) {
    return {"date:" + yyyy, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, rasd::schema::kDateSlot, yyyy + "0101", yyyy + "1231")};
}

}  // namespace rasd::bench::latency
