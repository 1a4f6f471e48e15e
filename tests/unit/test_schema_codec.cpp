// The database format as a codec: every term and value encoder against its decoder, the stored
// document data, and the exact bytes of known values (a change of format fails here first).

#include <doctest/doctest.h>

#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace schema = rasd::schema;
using schema::StoredArticle;
using schema::WordField;

namespace {

using Encoder = std::string (*)(std::string_view);
using Decoder = rasd::schema::ValueDecoder;

struct CodecCase {
    const char* kind;
    Encoder encode;
    Decoder decode;
};

// A fully filled StoredArticle whose every field is `text` with the field's name in front.
StoredArticle filled_with(const std::string& text) {
    StoredArticle a;
    a.id = "id " + text;
    a.title = "title " + text;
    a.body = "body " + text;
    a.abstract = "abstract " + text;
    a.date = "2019-03-14";
    a.date_given = "date_given " + text;
    a.place = "place " + text;
    a.places = {{"id " + text, "name " + text, "title"}, {"sy", "سوريا", "evidence " + text}};
    a.place_id = "place_id " + text;
    a.place_given = "place_given " + text;
    a.topic = "topic " + text;
    a.topic_label = "topic_label " + text;
    a.topic_source = "topic_source " + text;
    a.topic_given = "topic_given " + text;
    a.source = "source " + text;
    a.url = "url " + text;
    a.author = "author " + text;
    return a;
}

}  // namespace

TEST_SUITE("schema_codec") {

TEST_CASE("known values have these exact encodings") {
    CHECK(schema::id_term("ant-42") == "Qant-42");
    CHECK(schema::id_term("ABC") == "QABC");  // a one-letter prefix takes no colon
    CHECK(schema::place_term("eg-cairo") == "XPLACEeg-cairo");
    CHECK(schema::topic_term("security") == "XTOPICsecurity");
    CHECK(schema::source_term("Reuters") == "XSOURCEreuters");  // folded
    CHECK(schema::source_term("الأهرام") == "XSOURCEالاهرام");
    CHECK(schema::year_term("20190314") == "Y2019");
    CHECK(schema::month_term("20190314") == "M201903");
    CHECK(schema::day_term("20190314") == "D20190314");
    CHECK(schema::word_term("قاهر") == "Zقاهر");
    CHECK(schema::word_term("قاهر", WordField::Title) == "ZSقاهر");
    CHECK(schema::word_term_prefix() == "Z");
    CHECK(schema::word_term_prefix(WordField::Title) == "ZS");

    CHECK(schema::date_value("20190314") == "20190314");
    CHECK(schema::year_value("20190314") == "2019");
    CHECK(schema::month_value("20190314") == "2019-03");
    CHECK(schema::topic_value("security") == "security");
    CHECK(schema::country_value("eg") == "eg");
    CHECK(schema::city_value("eg-cairo") == "eg-cairo");
    CHECK(schema::id_value("ant-42") == "ant-42");
    CHECK(schema::date_id_value("20190314", "ant-42") == "20190314ant-42");
    CHECK(schema::date_id_value("", "ant-42") == "00000000ant-42");
    CHECK(std::string(schema::kUndatedSortKey) == "00000000");
    CHECK(std::string(schema::kEarliestDateValue) == "00000000");
    CHECK(std::string(schema::kLatestDateValue) == "99999999");
    CHECK(schema::kMaxSourceTermBytes == 100);

    CHECK(schema::iso_date("20190314") == "2019-03-14");
    CHECK(schema::iso_month("20190314") == "2019-03");
    CHECK(schema::yyyymmdd_of_iso("2019-03-14") == "20190314");
}

TEST_CASE("Omega's colon: after a prefix of two or more letters, before a capital") {
    CHECK(schema::boolean_term("XPLACE", "Eg") == "XPLACE:Eg");
    CHECK(schema::boolean_term("XPLACE", "eg") == "XPLACEeg");
    CHECK(schema::boolean_term("XSOURCE", ":x") == "XSOURCE:x");
    CHECK(schema::boolean_term("XSOURCE", "") == "XSOURCE");
    CHECK(schema::boolean_term("Q", "Eg") == "QEg");
    CHECK(schema::boolean_term("XTOPIC", "ÉCO") == "XTOPICÉCO");  // ASCII capitals only

    const std::vector<std::string> prefixes = {"XPLACE", "XTOPIC", "XSOURCE", "Q", "Y"};
    const std::vector<std::string> values = {"eg", "Eg", "EG", ":x", ":", "::", "a:B", "القاهرة", "Zz", "",
                                             "ÉCO", "1999", "x y"};
    for (const std::string& prefix : prefixes) {
        for (const std::string& value : values) {
            CAPTURE(prefix);
            CAPTURE(value);
            CHECK(schema::term_value(prefix, schema::boolean_term(prefix, value)) == value);
        }
    }
    CHECK(schema::term_value("XPLACE", "XTOPICeg") == "");  // another prefix
    CHECK(schema::term_value("XPLACE", "XPLA") == "");
}

TEST_CASE("every term encoder and its decoder") {
    const std::vector<CodecCase> codecs = {
        {"id", schema::id_term, schema::id_of_term},
        {"place", schema::place_term, schema::place_of_term},
        {"topic", schema::topic_term, schema::topic_of_term},
    };
    const std::vector<std::string> values = {"eg-cairo", "Eg", "security", "ant:1", "A", "مصر", "a b",
                                             "x\ty", std::string(200, 'i')};
    for (const CodecCase& codec : codecs) {
        for (const std::string& value : values) {
            CAPTURE(codec.kind);
            CAPTURE(value);
            CHECK(codec.decode(codec.encode(value)) == value);
        }
    }
    // Terms of one kind do not decode as another.
    CHECK(schema::place_of_term(schema::topic_term("security")) == "");
    CHECK(schema::topic_of_term(schema::id_term("XTOPICx")) == "");
}

TEST_CASE("word terms decode to the word, per field") {
    for (const WordField field : {WordField::All, WordField::Title}) {
        for (const std::string word : {"قاهر", "في", "minister", "a"}) {
            CAPTURE(word);
            const std::string term = schema::word_term(word, field);
            CHECK(term.rfind(schema::word_term_prefix(field), 0) == 0);
            CHECK(schema::word_of_term(term, field) == word);
        }
    }
    CHECK(schema::word_of_term("Qx") == "");
    CHECK(schema::word_of_term("Zقاهر", WordField::Title) == "");
}

TEST_CASE("source terms hold the folded name, cut at a character boundary") {
    struct Case {
        std::string name;
        std::string value;  // the folded, cut name the term holds
    };
    const std::string letters60 = [] {
        std::string s;
        for (int i = 0; i < 60; ++i) s += "ب";  // 2 bytes each
        return s;
    }();
    std::string replacements33;
    for (int i = 0; i < 33; ++i) replacements33 += "\xEF\xBF\xBD";
    const std::vector<Case> cases = {
        {"Reuters", "reuters"},
        {"الأهرام", "الاهرام"},
        {"", ""},
        {letters60, letters60.substr(0, 100)},              // 120 bytes -> 100, a boundary
        {"a" + letters60, ("a" + letters60).substr(0, 99)},  // byte 100 is inside a letter
        {std::string(150, 'x'), std::string(100, 'x')},
        {std::string(150, '\xff'), replacements33},  // folding makes it UTF-8: U+FFFD, 3 bytes each
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(schema::source_term_value(c.name) == c.value);
        CHECK(schema::source_term(c.name) == schema::boolean_term(schema::kSourcePrefix, c.value));
        CHECK(schema::source_of_term(schema::source_term(c.name)) == c.value);
        CHECK(schema::source_term_value(c.value) == c.value);  // cutting twice changes nothing
    }
}

TEST_CASE("year, month and day terms of a date") {
    for (const std::string date : {"20190314", "19000101", "21001231"}) {
        CAPTURE(date);
        CHECK(schema::year_of_term(schema::year_term(date)) == date.substr(0, 4));
        CHECK(schema::month_of_term(schema::month_term(date)) == date.substr(0, 6));
        CHECK(schema::day_of_term(schema::day_term(date)) == date);
    }
    CHECK(schema::year_of_term("M201903") == "");
}

TEST_CASE("ISO dates and months") {
    struct Case {
        std::string yyyymmdd;
        std::string iso;
        std::string month;
    };
    const std::vector<Case> cases = {
        {"20190314", "2019-03-14", "2019-03"},
        {"19000101", "1900-01-01", "1900-01"},
        {"21001231", "2100-12-31", "2100-12"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.yyyymmdd);
        CHECK(schema::iso_date(c.yyyymmdd) == c.iso);
        CHECK(schema::iso_month(c.yyyymmdd) == c.month);
        CHECK(schema::yyyymmdd_of_iso(c.iso) == c.yyyymmdd);
    }
    for (const std::string bad : {"", "2019031", "201903141", "2019-3-14"}) {
        CAPTURE(bad);
        CHECK(schema::iso_date(bad) == "");
        CHECK(schema::iso_month(bad) == "");
    }
    for (const std::string bad : {"", "20190314", "2019/03/14", "2019-03-1x", "2019-03-14T10"}) {
        CAPTURE(bad);
        CHECK(schema::yyyymmdd_of_iso(bad) == "");
    }
}

TEST_CASE("every value encoder and its decoder") {
    const std::vector<CodecCase> identities = {
        {"date", schema::date_value, schema::date_of_value},
        {"topic", schema::topic_value, schema::topic_of_value},
        {"country", schema::country_value, schema::country_of_value},
        {"city", schema::city_value, schema::city_of_value},
        {"id", schema::id_value, schema::id_of_value},
    };
    for (const CodecCase& codec : identities) {
        for (const std::string value : {"20190314", "eg-cairo", "security", "ant-42", "مصر"}) {
            CAPTURE(codec.kind);
            CAPTURE(value);
            CHECK(codec.decode(codec.encode(value)) == value);
        }
    }
    for (const std::string date : {"20190314", "19000101", "21001231"}) {
        CAPTURE(date);
        CHECK(schema::year_of_value(schema::year_value(date)) == date.substr(0, 4));
        CHECK(schema::month_of_value(schema::month_value(date)) == schema::iso_month(date));
    }
}

TEST_CASE("the date-and-id sort key: dated and undated, decoded back") {
    struct Case {
        std::string yyyymmdd;
        std::string id;
    };
    const std::vector<Case> cases = {{"20190314", "ant-42"}, {"", "ant-42"}, {"19000101", "0"},
                                     {"", "00000000"}, {"21001231", "مقال ١"}};
    for (const Case& c : cases) {
        CAPTURE(c.yyyymmdd);
        CAPTURE(c.id);
        const std::string key = schema::date_id_value(c.yyyymmdd, c.id);
        CHECK(key.size() == 8 + c.id.size());
        CHECK(schema::date_id_of_value(key) == schema::DateAndId{c.yyyymmdd, c.id});
    }
    // Undated articles sort before every dated one; one day's articles by id.
    CHECK(schema::date_id_value("", "z") < schema::date_id_value("19000101", "a"));
    CHECK(schema::date_id_value("20190314", "a") < schema::date_id_value("20190314", "b"));
}

TEST_CASE("the facets value: exact bytes, every field back, cut values read as far as they go") {
    using schema::FacetSlotValues;
    const FacetSlotValues full{"security", {"eg", "sy", "lb"}, "eg-cairo", "وكالة النيل", "2021-05"};
    // One length byte before each field; "وكالة النيل" is 21 bytes of UTF-8.
    const std::string full_bytes = std::string("\x08security\x02" "eg\x02" "sy\x02" "lb\x08" "eg-cairo\x15") +
                                   "وكالة النيل" + "\x07" "2021-05";
    CHECK(schema::facets_value(full) == full_bytes);
    struct Case {
        const char* label;
        FacetSlotValues values;
    };
    const std::vector<Case> cases = {
        {"all fields", full},
        {"one country, no city", {"economy", {"ma", "", ""}, "", "هسبريس", "2019-12"}},
        {"a source alone", {"", {"", "", ""}, "", "sky news", ""}},
        {"a month alone", {"", {"", "", ""}, "", "", "1999-01"}},
        {"a source of 100 bytes", {"x", {"", "", ""}, "", std::string(100, 's'), "2020-02"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.label);
        const std::string value = schema::facets_value(c.values);
        CHECK(value.size() == 7 + c.values.topic.size() + c.values.countries[0].size() + c.values.countries[1].size() +
                                  c.values.countries[2].size() + c.values.city.size() + c.values.source.size() +
                                  c.values.month.size());
        CHECK(schema::facets_of_value(value) == c.values);
    }
    // No facet value at all: no value (the slot stays empty).
    CHECK(schema::facets_value(FacetSlotValues{}).empty());
    CHECK(schema::facets_of_value("") == FacetSlotValues{});
    // Cut inside the city: topic and countries whole, the rest empty.
    const FacetSlotValues cut = schema::facets_of_value(std::string_view(full_bytes).substr(0, 25));
    CHECK(cut == FacetSlotValues{"security", {"eg", "sy", "lb"}, "", "", ""});
    // A length byte that runs past the end reads nothing more.
    CHECK(schema::facets_of_value("\x05" "ab") == FacetSlotValues{});
    CHECK_THROWS_AS((void)schema::facets_value({std::string(256, 't'), {}, "", "", ""}), std::length_error);
}

TEST_CASE("stored data: exact bytes of a known article") {
    StoredArticle a;
    a.id = "a1";
    a.title = "عنوان";
    a.date = "2019-03-14";
    a.place = "القاهرة";
    a.place_id = "eg-cairo";
    a.topic = "security";
    a.topic_source = "field";
    a.places = {{"eg", "مصر", "dateline"}, {"eg-cairo", "القاهرة", "dateline"}};
    // One JSON object, keys in byte order, UTF-8 as is.
    CHECK(a.to_data() ==
          R"({"abstract":"","author":"","body":"","date":"2019-03-14","date_given":"","id":"a1",)"
          R"("place":"القاهرة","place_given":"","place_id":"eg-cairo",)"
          R"("places":[{"evidence":"dateline","id":"eg","name":"مصر"},)"
          R"({"evidence":"dateline","id":"eg-cairo","name":"القاهرة"}],"source":"","title":"عنوان",)"
          R"("topic":"security","topic_given":"","topic_label":"","topic_source":"field","url":""})");
    CHECK(StoredArticle::from_data(a.to_data()) == a);
}

TEST_CASE("stored data: places that are not objects or strings are read as far as they go") {
    const StoredArticle a = StoredArticle::from_data(
        R"({"id":"x","places":[{"id":"sy","name":"سوريا","evidence":"title"},7,{"id":3}]})");
    REQUIRE(a.places.size() == 2);
    CHECK(a.places[0] == rasd::schema::StoredPlace{"sy", "سوريا", "title"});
    CHECK(a.places[1] == rasd::schema::StoredPlace{"", "", ""});
    CHECK(StoredArticle::from_data(R"({"id":"x","places":"sy"})").places.empty());
}

TEST_CASE("stored data: every field comes back as it went in") {
    static constexpr char kControlText[] = "control \x01\x02\x1f\x7f and NUL \0 inside";
    const std::vector<std::string> texts = {
        "",
        "القاهرة - لقي سائق سيارة نقل مصرعه «حادث» في ١٤ مارس",
        R"(quotes " and ' and \ backslash)",
        "new\nlines\r\nand\ttabs",
        std::string(kControlText, sizeof kControlText - 1),
        "emoji 😀 and U+FFFD \xEF\xBF\xBD",
        "{\"id\":\"not me\"}",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        const StoredArticle a = filled_with(text);
        CHECK(StoredArticle::from_data(a.to_data()) == a);
    }
    CHECK(StoredArticle::from_data(StoredArticle{}.to_data()) == StoredArticle{});
}

TEST_CASE("stored data: a key given twice keeps its last string, places their last array") {
    CHECK(StoredArticle::from_data(R"({"id":"a","id":"b"})").id == "b");
    CHECK(StoredArticle::from_data(R"({"id":"a","id":5})").id == "a");
    const StoredArticle twice = StoredArticle::from_data(
        R"({"places":[{"id":"eg"}],"id":"x","places":[{"id":"sy"},{"id":"lb"}],"places":"none"})");
    REQUIRE(twice.places.size() == 2);
    CHECK(twice.places[0].id == "sy");
    CHECK(twice.places[1].id == "lb");
}

TEST_CASE("stored data: a very long article reads back whole, and the next one too") {
    StoredArticle long_one = filled_with("x");
    for (int i = 0; i < 40000; ++i) long_one.body += "كلمة ";  // 400,000 bytes: a parser of its own
    CHECK(StoredArticle::from_data(long_one.to_data()) == long_one);
    const StoredArticle short_one = filled_with("y");
    CHECK(StoredArticle::from_data(short_one.to_data()) == short_one);
}

TEST_CASE("stored data: bytes that are not UTF-8 are stored as U+FFFD") {
    StoredArticle a;
    a.title = "a\xff" "b";
    CHECK(StoredArticle::from_data(a.to_data()).title == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("stored data that is not a rasd object reads as empty fields") {
    for (const std::string data : {"", "not json", "[1, 2]", "\"text\"", "{\"id\": 5, \"title\": null}", "{",
                                   "{\"id\":\"x\"} trailing", "{\"id\":\"x\",\"n\":1e999}"}) {
        CAPTURE(data);
        CHECK(StoredArticle::from_data(data) == StoredArticle{});
    }
    CHECK(StoredArticle::from_data(std::string_view()) == StoredArticle{});  // no bytes at all, a null pointer
    const StoredArticle partial = StoredArticle::from_data(R"({"id":"x","unknown":"y","title":["t"]})");
    CHECK(partial.id == "x");
    CHECK(partial.title == "");
    // Only the top object's fields and its own "places" are read, not keys nested deeper.
    const StoredArticle nested =
        StoredArticle::from_data(R"({"other":[{"id":"y","places":[{"id":"sy"}]}],"id":"x","title":{"id":"z"}})");
    CHECK(nested.id == "x");
    CHECK(nested.title == "");
    CHECK(nested.places.empty());
}

}  // TEST_SUITE
