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
    // Not const: the strings are moved out of the parsed document, not copied a second time.
    nlohmann::json parsed = nlohmann::json::parse(data, nullptr, false);
    StoredArticle article;
    if (!parsed.is_object()) return article;
    for_each_field(article, [&](const char* key, std::string& value) {
        const auto it = parsed.find(key);
        if (it != parsed.end() && it->is_string()) value = std::move(it->get_ref<std::string&>());
    });
    if (const auto places = parsed.find("places"); places != parsed.end() && places->is_array()) {
        for (const nlohmann::json& place : *places) {
            if (!place.is_object()) continue;
            const auto text = [&](const char* key) {
                const auto it = place.find(key);
                return it != place.end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            article.places.push_back({text("id"), text("name"), text("evidence")});
        }
    }
    return article;
}

}  // namespace rasd::schema
