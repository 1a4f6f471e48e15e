// The table of names that name two places agrees with the gazetteer.

#include <doctest/doctest.h>

#include "knowledge/gazetteer.hpp"
#include "searcher/shared_place_names.hpp"

#include <string>

namespace {

// Whether `inner` is `outer` or lies within it.
bool within(const rasd::detail::Place& inner, const rasd::detail::Place& outer) {
    for (const rasd::detail::Place* p : rasd::detail::Gazetteer::builtin().chain(inner)) {
        if (p == &outer) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("shared_place_names") {

TEST_CASE("every shared name resolves to the place the table says it takes, the other is a different place") {
    const rasd::detail::Gazetteer& gazetteer = rasd::detail::Gazetteer::builtin();
    for (const rasd::detail::SharedPlaceName& shared : rasd::detail::kSharedPlaceNames) {
        CAPTURE(shared.name);
        const rasd::detail::Place* taken = gazetteer.resolve(shared.name);
        REQUIRE(taken != nullptr);
        CHECK(taken->id == shared.taken_id);
        const rasd::detail::Place* other = gazetteer.find(shared.other_id);
        REQUIRE(other != nullptr);
        CHECK_FALSE(within(*other, *taken));  // else the filter covers both already
        CHECK_FALSE(within(*taken, *other));
        CHECK(rasd::detail::shared_place_name(shared.name, *taken) == &shared);
        CHECK_FALSE(rasd::detail::shared_place_note(shared, shared.name, gazetteer).empty());
    }
}

TEST_CASE("the note names the place taken, its country, and the filter for the other") {
    const rasd::detail::Gazetteer& gazetteer = rasd::detail::Gazetteer::builtin();
    const rasd::detail::Place* tyre = gazetteer.resolve("صور");
    REQUIRE(tyre != nullptr);
    const rasd::detail::SharedPlaceName* shared = rasd::detail::shared_place_name("صُور", *tyre);  // diacritics folded
    REQUIRE(shared != nullptr);
    CHECK(rasd::detail::shared_place_note(*shared, "صور", gazetteer) ==
          "'صور' names two places: taken as صور، لبنان (lb-tyre); for صور العمانية، سلطنة عمان write "
          "place:om-south-sharqiyah-sur");
    // Another spelling of the taken place is not the shared name.
    CHECK(rasd::detail::shared_place_name("Tyre", *tyre) == nullptr);
}

}  // TEST_SUITE
