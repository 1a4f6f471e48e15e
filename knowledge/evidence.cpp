#include <rasd/evidence.hpp>

namespace rasd {

// TopicEvidence's words are stored with every article ("topic_source", docs/SCHEMA.md): never
// change them.
std::string to_string(DateEvidence evidence) {
    switch (evidence) {
        case DateEvidence::Field: return "field";
        case DateEvidence::Url: return "url";
        case DateEvidence::Text: return "text";
        case DateEvidence::Hijri: return "hijri";
        case DateEvidence::None: break;
    }
    return "";
}

std::string to_string(PlaceEvidence evidence) {
    switch (evidence) {
        case PlaceEvidence::Field: return "field";
        case PlaceEvidence::Dateline: return "dateline";
        case PlaceEvidence::Title: return "title";
        case PlaceEvidence::Lede: return "lede";
        case PlaceEvidence::Body: return "body";
        case PlaceEvidence::Source: return "source";
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
