#pragma once
// Names that name two places. knowledge/data/gazetteer.tsv decides which place a bare shared name
// is (its header lists them: عمان is Amman, not Oman); the gazetteer's needs_context flag says
// that a name is also something else, but not what. This table says what: a place: filter on
// such a name tells the user which place it took and how to ask for the other.

#include "knowledge/gazetteer.hpp"

#include <array>
#include <string>
#include <string_view>

namespace rasd::detail {

struct SharedPlaceName {
    std::string_view name;      // as typed in a query, compared after Gazetteer::normalize()
    std::string_view taken_id;  // the place the gazetteer gives the bare name
    std::string_view other_id;  // the other place the name is used for
};

// Only pairs of which neither place lies within the other: place:الكويت takes the country, and
// the capital (مدينة الكويت) is within it anyway.
inline constexpr std::array kSharedPlaceNames = {
    SharedPlaceName{"عمان", "jo-amman", "om"},
    SharedPlaceName{"طرابلس", "ly-tripoli", "lb-tripoli"},
    SharedPlaceName{"صور", "lb-tyre", "om-south-sharqiyah-sur"},
    SharedPlaceName{"رفح", "eg-north-sinai-rafah", "ps-gaza-strip-rafah"},
    SharedPlaceName{"دار السلام", "eg-cairo-dar-el-salam", "tz-dar-es-salaam"},
    SharedPlaceName{"الجوف", "sa-jouf", "ye-jawf"},
    SharedPlaceName{"البيضاء", "ly-jabal-al-akhdar-bayda", "ye-bayda"},
    SharedPlaceName{"القنيطرة", "sy-quneitra", "ma-rabat-sale-kenitra-kenitra"},
    SharedPlaceName{"أدرار", "dz-adrar", "mr-adrar"},
    SharedPlaceName{"المرج", "eg-cairo-marg", "ly-marj"},
    SharedPlaceName{"الكونغو", "cd", "cg"},
    // Latin names shared the same way (Amman and Oman, Tyre and Sur are apart in Latin script).
    SharedPlaceName{"Tripoli", "ly-tripoli", "lb-tripoli"},
    SharedPlaceName{"Rafah", "eg-north-sinai-rafah", "ps-gaza-strip-rafah"},
    SharedPlaceName{"Adrar", "dz-adrar", "mr-adrar"},
    SharedPlaceName{"Congo", "cd", "cg"},
    SharedPlaceName{"Bayda", "ly-jabal-al-akhdar-bayda", "ye-bayda"},
    SharedPlaceName{"Al Bayda", "ly-jabal-al-akhdar-bayda", "ye-bayda"},
};

// The entry of `typed` when the gazetteer took it for the entry's place (`taken`), else nullptr.
[[nodiscard]] const SharedPlaceName* shared_place_name(std::string_view typed, const Place& taken);

// The note for a place: filter on a shared name: "'عمان' names two places: taken as عمان، الأردن
// (jo-amman); for سلطنة عمان write place:om". "" if a place of the entry is not in `gazetteer`.
[[nodiscard]] std::string shared_place_note(const SharedPlaceName& shared, std::string_view typed,
                                            const Gazetteer& gazetteer);

}  // namespace rasd::detail
