#include "stored_article.hpp"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// The field of `article` named by `key` in the top object, or nullptr for another key.
std::string* field_named(StoredArticle& article, std::string_view key) {
    std::string* named = nullptr;
    for_each_field(article, [&](const char* name, std::string& field) {
        if (key == name) named = &field;
    });
    return named;
}

using simdjson::SUCCESS;
namespace dom = simdjson::dom;

// Stored data up to this size is read by the thread's reused parser (news articles are a few
// KiB; 256 KiB is a long report with every field).
constexpr std::size_t kReusedParserMaxBytes = 256 * 1024;

// Reads a string value into `target`; any other value is passed over (the field keeps what it had).
void read_string(dom::element value, std::string& target) {
    std::string_view text;
    if (value.get_string().get(text) == SUCCESS) target.assign(text);
}

// The "places" array: each object a place (its "id", "name" and "evidence" strings); values that
// are not objects are passed over; a "places" that is not an array is passed over too.
void read_places(dom::element value, std::vector<StoredPlace>& places) {
    dom::array array;
    if (value.get_array().get(array) != SUCCESS) return;
    places.clear();
    for (dom::element item : array) {
        dom::object object;
        if (item.get_object().get(object) != SUCCESS) continue;
        StoredPlace& place = places.emplace_back();
        for (const dom::key_value_pair field : object) {
            if (field.key == "id") read_string(field.value, place.id);
            else if (field.key == "name") read_string(field.value, place.name);
            else if (field.key == "evidence") read_string(field.value, place.evidence);
        }
    }
}

// Reads the document data into `article` with simdjson, which scans the body (most of the data,
// read for every hit of every search) many bytes at a time, where a byte-by-byte parser took a
// tenth of a query (bench/RESULTS.md, "Query path, third pass"). Its DOM parser picks the fastest kernel
// of the machine it runs on. Only string values count, in the top object and in the objects of
// its "places" array; a key given twice keeps its last string. False on data that is not one
// whole JSON object.
bool read_article(std::string_view data, StoredArticle& article) {
    // No bytes are no object; simdjson would also copy from the null pointer of an empty view.
    if (data.empty()) return false;
    // One parser per thread keeps its buffers from one document to the next; they grow to about
    // 15 times the largest document parsed and stay, so a rare very long article gets a parser
    // of its own instead of leaving every thread of a server holding that much.
    thread_local dom::parser reused;
    std::optional<dom::parser> own;
    dom::parser& parser = data.size() <= kReusedParserMaxBytes ? reused : own.emplace();
    dom::element root;
    if (parser.parse(data.data(), data.size()).get(root) != SUCCESS) return false;
    dom::object object;
    if (root.get_object().get(object) != SUCCESS) return false;
    for (const dom::key_value_pair field : object) {
        if (field.key == "places") {
            read_places(field.value, article.places);
        } else if (std::string* target = field_named(article, field.key)) {
            read_string(field.value, *target);
        }
    }
    return true;
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
    StoredArticle article;
    if (!read_article(data, article)) return {};  // malformed: as if nothing were stored
    return article;
}

}  // namespace rasd::schema
