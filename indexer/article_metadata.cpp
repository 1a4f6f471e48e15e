#include "article_metadata.hpp"

#include "knowledge/date_parser.hpp"
#include "knowledge/dateline.hpp"

namespace rasd {

// TopicEvidence's words are stored with every article ("topic_source", docs/SCHEMA.md): never
// change them.
std::string to_string(DateEvidence evidence) {
    switch (evidence) {
        case DateEvidence::Field: return "field";
        case DateEvidence::Url: return "url";
        case DateEvidence::Text: return "text";
        case DateEvidence::None: break;
    }
    return "";
}

std::string to_string(PlaceEvidence evidence) {
    switch (evidence) {
        case PlaceEvidence::Field: return "field";
        case PlaceEvidence::Dateline: return "dateline";
        case PlaceEvidence::None: break;
    }
    return "";
}

std::string to_string(TopicEvidence evidence) {
    switch (evidence) {
        case TopicEvidence::Field: return "field";
        case TopicEvidence::Inferred: return "inferred";
        case TopicEvidence::None: break;
    }
    return "";
}

}  // namespace rasd

namespace rasd::detail {

namespace {

void extract_place(const Article& article, const Gazetteer& gazetteer, ArticleMetadata& metadata) {
    const Place* place = nullptr;
    if (!article.place.empty()) {
        place = gazetteer.resolve(article.place);
        if (place) {
            metadata.place_evidence = PlaceEvidence::Field;
        } else {
            metadata.warnings.push_back("unknown place '" + article.place + "' (not in the gazetteer)");
        }
    }
    if (!place) {
        if (const auto id = find_dateline_place(article.author, article.body, gazetteer)) {
            place = gazetteer.find(*id);
            metadata.place_evidence = PlaceEvidence::Dateline;
        }
    }
    if (place) metadata.place_chain = gazetteer.chain(*place);
}

void extract_topic(const Article& article, const LightStems& light_stems, const TopicTaxonomy& topics,
                   ArticleMetadata& metadata) {
    if (!article.topic.empty()) {
        metadata.topic = topics.resolve(article.topic);
        if (metadata.topic) {
            metadata.topic_evidence = TopicEvidence::Field;
            return;
        }
        // Labels such as "diverse" or "منوعات" say nothing; the text does.
    }
    metadata.topic = topics.infer(light_stems).topic;
    if (metadata.topic) metadata.topic_evidence = TopicEvidence::Inferred;
}

}  // namespace

const Place* city_level(const std::vector<const Place*>& chain) {
    for (const Place* place : chain) {
        if (place->kind == "city" || place->kind == "governorate" || place->kind == "region") return place;
    }
    return nullptr;
}

ArticleMetadata extract_metadata(const Article& article, const LightStems& light_stems,
                                 const Gazetteer& gazetteer, const TopicTaxonomy& topics) {
    ArticleMetadata metadata;
    extract_place(article, gazetteer, metadata);
    extract_topic(article, light_stems, topics, metadata);
    std::optional<CalendarDate> date;
    if (!article.date.empty()) {
        date = parse_date_field(article.date);
        if (date) {
            metadata.date_evidence = DateEvidence::Field;
        } else {
            metadata.warnings.push_back("unparseable date '" + article.date + "'");
        }
    }
    // Fallbacks, most reliable first: a date path in the URL, then a date in words at the
    // start of the body (a dateline such as "القاهرة - الخميس ٥ مارس ٢٠٢٠ -").
    if (!date && (date = find_date_in_url(article.url))) metadata.date_evidence = DateEvidence::Url;
    if (!date && (date = find_date_in_text(article.abstract.empty() ? article.body : article.abstract))) {
        metadata.date_evidence = DateEvidence::Text;
    }
    if (!date && (date = find_date_in_text(article.body))) metadata.date_evidence = DateEvidence::Text;
    if (date) metadata.date = to_yyyymmdd(*date);
    return metadata;
}

}  // namespace rasd::detail
