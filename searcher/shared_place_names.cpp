#include "shared_place_names.hpp"

namespace rasd::detail {
namespace {

// "عمان، الأردن": the name, and the country it is in unless the name already says it
// ("طرابلس لبنان") or it is the country.
std::string name_with_country(const Place& place, const Gazetteer& gazetteer) {
    const std::vector<const Place*> chain = gazetteer.chain(place);
    const Place& country = *chain.back();
    if (&country == &place || place.arabic.find(country.arabic) != std::string::npos) return place.arabic;
    return place.arabic + "، " + country.arabic;
}

}  // namespace

const SharedPlaceName* shared_place_name(std::string_view typed, const Place& taken) {
    const std::string key = Gazetteer::normalize(typed);
    for (const SharedPlaceName& shared : kSharedPlaceNames) {
        if (shared.taken_id == taken.id && Gazetteer::normalize(shared.name) == key) return &shared;
    }
    return nullptr;
}

std::string shared_place_note(const SharedPlaceName& shared, std::string_view typed, const Gazetteer& gazetteer) {
    const Place* taken = gazetteer.find(shared.taken_id);
    const Place* other = gazetteer.find(shared.other_id);
    if (taken == nullptr || other == nullptr) return {};
    return "'" + std::string(typed) + "' names two places: taken as " + name_with_country(*taken, gazetteer) + " (" +
           taken->id + "); for " + name_with_country(*other, gazetteer) + " write place:" + other->id;
}

}  // namespace rasd::detail
