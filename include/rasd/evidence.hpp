#pragma once
/// @file evidence.hpp  Where rasd found an article's date, places and topic.

#include <rasd/export.hpp>

#include <string>

namespace rasd {

/// Where an article's date was found.
enum class DateEvidence {
    None,   ///< no date was found
    Field,  ///< the date field
    Url,    ///< a date path in the URL (/2018/02/18/)
    Text,   ///< a date in words at the start of the abstract or body
    Hijri,  ///< a Hijri date alone (the date field, else the start of the abstract or body),
            ///< converted with the Umm al-Qura calendar: only when no Gregorian date was found
};

/// Where a place of an article was found, strongest evidence first.
enum class PlaceEvidence {
    None,      ///< no place was found
    Field,     ///< the place field, resolved in rasd's gazetteer
    Dateline,  ///< a reporter's or agency's dateline ("بيروت (رويترز) -"), or an outlet's office
               ///< dateline that the text confirms
    Title,     ///< named in the title (a place name or a nationality adjective)
    Lede,      ///< named in the lede (the first words of the body)
    Body,      ///< named further into the body, more than once
    Source,    ///< the home country of a local outlet whose story names no place
};

/// How an article's topic was found.
enum class TopicEvidence {
    None,      ///< no topic
    Field,     ///< the topic field (the outlet's label), mapped onto rasd's taxonomy
    Inferred,  ///< inferred from the text
};

/// "field", "url", "text", "hijri", or "" for None (the words of the strings these enums replace).
[[nodiscard]] RASD_EXPORT std::string to_string(DateEvidence evidence);
/// "field", "dateline", "title", "lede", "body", "source", or "" for None.
[[nodiscard]] RASD_EXPORT std::string to_string(PlaceEvidence evidence);
/// "field", "inferred", or "" for None.
[[nodiscard]] RASD_EXPORT std::string to_string(TopicEvidence evidence);

}  // namespace rasd
