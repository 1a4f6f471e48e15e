// Which of an archive's sources a source: value names, and the nearest names when none.

#include <doctest/doctest.h>

#include "searcher/source_names.hpp"

#include <string>
#include <vector>

namespace {

using Names = std::vector<std::string>;

// Folded, as the source terms hold them.
const Names kSources = {"al-ahram.org.eg", "sky news", "الاهرام", "الاهرام المساءي", "الرصد اليوم", "وكاله انباء النيل"};

}  // namespace

TEST_SUITE("source_names") {

TEST_CASE("a value names the source with that full name, else every source with all its words") {
    struct Case {
        std::string value;
        Names named;
    };
    const std::vector<Case> table = {
        {"الأهرام", {"الاهرام"}},                                // the full name (folded) alone
        {"المسائي", {"الاهرام المساءي"}},
        {"اهرام", {"الاهرام", "الاهرام المساءي"}},               // ال optional
        {"الرصد", {"الرصد اليوم"}},
        {"اليوم الرصد", {"الرصد اليوم"}},                        // words in any order
        {"وكالة النيل", {"وكاله انباء النيل"}},
        {"SkyNews", {"sky news"}},                               // spaces dropped, case folded
        {"ahram", {"al-ahram.org.eg"}},                          // words of a site name
        {"الرصد الأهرام", {}},                                   // every word must be in the name
        {"رويترز", {}},
    };
    for (const Case& c : table) {
        CAPTURE(c.value);
        CHECK(rasd::detail::sources_named(c.value, kSources) == c.named);
    }
}

TEST_CASE("an outlet named as people call it finds the archive's name for it") {
    // ANT's sources, folded as the source terms hold them.
    const Names ant = {"alarabia", "bbc", "cnn", "france24", "jawhara fm", "skynews"};
    struct Case {
        std::string value;
        Names named;
    };
    const std::vector<Case> table = {
        {"العربية", {"alarabia"}},         // a short name for source filters only
        {"قناة العربية", {"alarabia"}},
        {"سكاي نيوز", {"skynews"}},
        {"سكاي نيوز عربية", {"skynews"}},
        {"بي بي سي", {"bbc"}},
        {"فرانس 24", {"france24"}},
        {"جوهرة اف ام", {"jawhara fm"}},
        {"سي", {}},                        // a word of a name is no name
        {"الجزيرة", {}},                   // an outlet the archive does not hold
        {"رويترز", {}},                    // no outlet rasd knows
    };
    for (const Case& c : table) {
        CAPTURE(c.value);
        CHECK(rasd::detail::sources_of_outlets_named(c.value, ant) == c.named);
    }
}

TEST_CASE("the nearest sources are those closest to the value or to one of their words") {
    CHECK(rasd::detail::nearest_sources("الرصدد", kSources, 1) == Names{"الرصد اليوم"});
    CHECK(rasd::detail::nearest_sources("الرصدد", kSources, 3).size() == 3);
    CHECK(rasd::detail::nearest_sources("skynewz", kSources, 1) == Names{"sky news"});
    CHECK(rasd::detail::nearest_sources("x", {}, 3).empty());
    // Far longer than every name: no search for near names.
    CHECK(rasd::detail::nearest_sources(std::string(40, 'q'), kSources, 3).empty());
}

}  // TEST_SUITE
