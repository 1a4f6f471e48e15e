#pragma once
// The document data of a rasd database: what each article keeps beside its terms and values, so
// that results and snippets need nothing but the database. Stored as one JSON object
// (docs/SCHEMA.md, "Document data").

#include <string>
#include <string_view>
#include <vector>

namespace rasd::schema {

// A place the story is about: its gazetteer id, Arabic name, and where it was found ("field",
// "dateline", "title", "lede", "body" or "source").
struct StoredPlace {
    std::string id;
    std::string name;
    std::string evidence;
    friend bool operator==(const StoredPlace&, const StoredPlace&) = default;
};

struct StoredArticle {
    std::string id;
    std::string title;
    std::string body;
    std::string abstract;
    std::string date;          // as indexed: "YYYY-MM-DD", or "" when undated
    std::string date_given;    // the date field as given
    std::string place;         // the Arabic name of the resolved place, else the place as given
    std::string place_id;      // gazetteer id of the resolved place, or ""
    std::string place_given;   // the place field as given
    std::string topic;         // rasd topic id, or ""
    std::string topic_label;   // its Arabic label, or ""
    std::string topic_source;  // "field", "inferred" or ""
    std::string topic_given;   // the topic field as given
    std::string source;
    std::string url;
    std::string author;
    std::vector<StoredPlace> places;  // countries, then cities, strongest first ("places")

    // The document data. Bytes that are not UTF-8 are stored as U+FFFD.
    [[nodiscard]] std::string to_data() const;

    // Reads what to_data() wrote. Data that is not one whole JSON object gives an empty
    // StoredArticle, and so does JSON that simdjson refuses anywhere in it (a number out of
    // range, nesting deeper than 1024); a missing field, or one that is not a string, is "";
    // a key given twice keeps its last string.
    [[nodiscard]] static StoredArticle from_data(std::string_view data);

    friend bool operator==(const StoredArticle&, const StoredArticle&) = default;
};

}  // namespace rasd::schema
