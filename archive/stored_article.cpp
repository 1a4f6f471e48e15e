#include "stored_article.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace rasd::schema {
namespace {

// Each field and its key in the JSON object. The keys are the format: renaming one makes every
// existing database read as missing that field.
template <typename Article, typename Visit>
void for_each_field(Article& article, Visit&& visit) {
    visit("id", article.id);
    visit("title", article.title);
    visit("body", article.body);
    visit("abstract", article.abstract);
    visit("date", article.date);
    visit("date_given", article.date_given);
    visit("place", article.place);
    visit("place_id", article.place_id);
    visit("place_given", article.place_given);
    visit("topic", article.topic);
    visit("topic_label", article.topic_label);
    visit("topic_source", article.topic_source);
    visit("topic_given", article.topic_given);
    visit("source", article.source);
    visit("url", article.url);
    visit("author", article.author);
}

// Reads the document data straight into a StoredArticle, as a SAX handler: each string is moved
// into its field as the parser makes it, without building the whole JSON document first (a hit's
// stored data is read on every search; the body is most of it). Only string values count, in
// the top object and in the objects of its "places" array; everything else is passed over, and a
// key given twice keeps its last string.
class StoredArticleReader {
public:
    using Json = nlohmann::json;
    explicit StoredArticleReader(StoredArticle& article) : m_article(article) {}

    bool null() { return passed_over(); }
    bool boolean(bool /*value*/) { return passed_over(); }
    bool number_integer(Json::number_integer_t /*value*/) { return passed_over(); }
    bool number_unsigned(Json::number_unsigned_t /*value*/) { return passed_over(); }
    bool number_float(Json::number_float_t /*value*/, const std::string& /*text*/) { return passed_over(); }
    bool binary(Json::binary_t& /*value*/) { return passed_over(); }
    bool string(std::string& value) {
        if (m_field) *m_field = std::move(value);
        return passed_over();
    }
    bool start_object(std::size_t /*size*/) {
        ++m_depth;
        if (m_depth == kPlaceDepth && m_in_places) {
            m_place = &m_article.places.emplace_back();
        }
        return passed_over();
    }
    bool key(std::string& key) {
        m_field = nullptr;
        m_places_next = false;
        if (m_depth == kArticleDepth) {
            m_places_next = key == "places";
            for_each_field(m_article, [&](const char* name, std::string& field) {
                if (key == name) m_field = &field;
            });
        } else if (m_depth == kPlaceDepth && m_place) {
            if (key == "id") m_field = &m_place->id;
            if (key == "name") m_field = &m_place->name;
            if (key == "evidence") m_field = &m_place->evidence;
        }
        return true;
    }
    bool end_object() {
        if (m_depth == kPlaceDepth) m_place = nullptr;
        --m_depth;
        return passed_over();
    }
    bool start_array(std::size_t /*size*/) {
        ++m_depth;
        if (m_depth == kPlacesDepth && m_places_next) {
            m_in_places = true;
            m_article.places.clear();
        }
        return passed_over();
    }
    bool end_array() {
        if (m_depth == kPlacesDepth) m_in_places = false;
        --m_depth;
        return passed_over();
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const nlohmann::detail::exception& /*error*/) {
        return false;
    }

private:
    static constexpr int kArticleDepth = 1;  // the top object
    static constexpr int kPlacesDepth = 2;   // its "places" array
    static constexpr int kPlaceDepth = 3;    // one place of it

    // A value was read (or a container opened or closed): the key before it is used up.
    bool passed_over() {
        m_field = nullptr;
        m_places_next = false;
        return true;
    }

    StoredArticle& m_article;
    int m_depth = 0;
    std::string* m_field = nullptr;  // where the next string value goes
    bool m_places_next = false;      // the key just read is the top object's "places"
    bool m_in_places = false;
    StoredPlace* m_place = nullptr;
};

}  // namespace

std::string StoredArticle::to_data() const {
    // nlohmann::json keeps an object's keys sorted, so the bytes do not depend on the order above.
    nlohmann::json data = nlohmann::json::object();
    for_each_field(*this, [&](const char* key, const std::string& value) { data[key] = value; });
    nlohmann::json places = nlohmann::json::array();
    for (const StoredPlace& place : this->places) {
        places.push_back({{"id", place.id}, {"name", place.name}, {"evidence", place.evidence}});
    }
    data["places"] = std::move(places);
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle StoredArticle::from_data(std::string_view data) {
    StoredArticle article;
    StoredArticleReader reader(article);
    if (!nlohmann::json::sax_parse(data, &reader)) return {};  // malformed: as if nothing were stored
    return article;
}

}  // namespace rasd::schema
