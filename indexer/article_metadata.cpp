#include "article_metadata.hpp"

#include "knowledge/date_parser.hpp"
#include "util/control_characters.hpp"

namespace rasd::detail {

namespace {

// After extract_topic(): the section label's topic tells the place finder about news from abroad.
void extract_places(const Article& article, const ArticleTokens& tokens, const Gazetteer& gazetteer,
                    ArticleMetadata& metadata) {
    const PlaceFinder finder(gazetteer);
    const Topic* filed_under = metadata.topic_evidence == TopicEvidence::Field ? metadata.topic : nullptr;
    FoundPlaces found = finder.find(place_finder_input(article, tokens.title, tokens.body, filed_under));
    for (std::string& warning : found.warnings) metadata.warnings.push_back(std::move(warning));
    metadata.places = std::move(found.places);
    if (found.primary == nullptr) return;
    metadata.place_chain = gazetteer.chain(*found.primary);
    for (const ArticlePlace& place : metadata.places) {
        if (place.place == found.primary) metadata.place_evidence = place.evidence;
    }
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

// The Gregorian date of publication wins wherever it is found: the date field, a date path in
// the URL, then a date in words at the start of the abstract or body (a dateline such as
// "القاهرة - الخميس ٥ مارس ٢٠٢٠ -"), a الموافق pair's Gregorian side included. Only an
// article with no Gregorian date at all is dated from a Hijri one, converted (field first).
void extract_date(const Article& article, ArticleMetadata& metadata) {
    std::optional<ReadDate> field;
    if (!article.date.empty()) {
        field = read_date_field(article.date);
        if (!field) metadata.warnings.push_back("unparseable date '" + detail::quotable(article.date) + "'");
    }
    const std::string_view opening = article.abstract.empty() ? article.body : article.abstract;
    std::optional<CalendarDate> date;
    if (field && field->calendar == DateCalendar::Gregorian) {
        date = field->date;
        metadata.date_evidence = DateEvidence::Field;
    }
    if (!date && (date = find_date_in_url(article.url))) metadata.date_evidence = DateEvidence::Url;
    DatesInText opening_dates;
    DatesInText body_dates;
    if (!date) {
        opening_dates = find_dates_in_text(opening);
        if (!opening_dates.gregorian) body_dates = find_dates_in_text(article.body);
        if ((date = opening_dates.gregorian ? opening_dates.gregorian : body_dates.gregorian)) {
            metadata.date_evidence = DateEvidence::Text;
        }
    }
    if (!date) {
        date = field ? std::optional(field->date) : opening_dates.hijri_only ? opening_dates.hijri_only : body_dates.hijri_only;
        if (date) metadata.date_evidence = DateEvidence::Hijri;
    }
    if (date) metadata.date = to_yyyymmdd(*date);
}

}  // namespace

const Place* city_level(const std::vector<const Place*>& chain) {
    for (const Place* place : chain) {
        if (place->kind == "city" || place->kind == "governorate" || place->kind == "region") return place;
    }
    return nullptr;
}

ArticleMetadata extract_metadata(const Article& article, const LightStems& light_stems,
                                 const ArticleTokens& tokens, const Gazetteer& gazetteer,
                                 const TopicTaxonomy& topics) {
    ArticleMetadata metadata;
    extract_topic(article, light_stems, topics, metadata);
    extract_places(article, tokens, gazetteer, metadata);
    extract_date(article, metadata);
    return metadata;
}

}  // namespace rasd::detail
