#include "article_metadata.hpp"

#include "knowledge/date_parser.hpp"
#include "knowledge/dateline.hpp"

namespace rasd::detail {

namespace {

void extract_place(const Article& article, const Gazetteer& gazetteer, ArticleMetadata& metadata) {
    const Place* place = nullptr;
    if (!article.place.empty()) {
        place = gazetteer.resolve(article.place);
        if (place) {
            metadata.place_source = "field";
        } else {
            metadata.warnings.push_back("unknown place '" + article.place + "' (not in the gazetteer)");
        }
    }
    if (!place) {
        if (const auto id = find_dateline_place(article.author, article.body, gazetteer)) {
            place = gazetteer.find(*id);
            metadata.place_source = "dateline";
        }
    }
    if (place) metadata.place_chain = gazetteer.chain(*place);
}

void extract_topic(const Article& article, const LightStems& light_stems, const TopicTaxonomy& topics,
                   ArticleMetadata& metadata) {
    if (!article.topic.empty()) {
        metadata.topic = topics.resolve(article.topic);
        if (metadata.topic) {
            metadata.topic_source = "field";
            return;
        }
        // Labels such as "diverse" or "منوعات" say nothing; the text does.
    }
    metadata.topic = topics.infer(light_stems).topic;
    if (metadata.topic) metadata.topic_source = "inferred";
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
            metadata.date_source = "field";
        } else {
            metadata.warnings.push_back("unparseable date '" + article.date + "'");
        }
    }
    // Fallbacks, most reliable first: a date path in the URL, then a date in words at the
    // start of the body (a dateline such as "القاهرة - الخميس ٥ مارس ٢٠٢٠ -").
    if (!date && (date = find_date_in_url(article.url))) metadata.date_source = "url";
    if (!date && (date = find_date_in_text(article.abstract.empty() ? article.body : article.abstract))) {
        metadata.date_source = "text";
    }
    if (!date && (date = find_date_in_text(article.body))) metadata.date_source = "text";
    if (date) metadata.date = to_yyyymmdd(*date);
    return metadata;
}

}  // namespace rasd::detail
