// WrittenIdsFilter: the writer's record of the ids it wrote to a database that was empty. It may
// answer "maybe" for an id never written (then the writer looks it up), never "no" for one that
// was.

#include <doctest/doctest.h>

#include "archive/term_codec.hpp"
#include "indexer/written_ids_filter.hpp"

#include <string>

namespace {

std::string nth_id_term(std::size_t n) { return rasd::schema::id_term("article-" + std::to_string(n)); }

}  // namespace

TEST_CASE("written ids: before start() every id may have been written") {
    rasd::detail::WrittenIdsFilter filter;
    CHECK_FALSE(filter.tracking());
    filter.add(nth_id_term(1));
    CHECK(filter.maybe_written(nth_id_term(1)));
    CHECK(filter.maybe_written(nth_id_term(2)));
}

TEST_CASE("written ids: every id added is remembered, and 10,000 others are not") {
    rasd::detail::WrittenIdsFilter filter;
    filter.start();
    CHECK(filter.tracking());
    for (std::size_t n = 0; n < 10'000; ++n) filter.add(nth_id_term(n));
    std::size_t remembered = 0;
    std::size_t false_maybes = 0;
    for (std::size_t n = 0; n < 10'000; ++n) {
        if (filter.maybe_written(nth_id_term(n))) ++remembered;
        if (filter.maybe_written(nth_id_term(10'000 + n))) ++false_maybes;
    }
    CHECK(remembered == 10'000);
    // About 4 in 10 million at this fill: none expected.
    CHECK(false_maybes == 0);
    // Ids that differ only in their last byte, or in case, are told apart.
    CHECK_FALSE(filter.maybe_written(rasd::schema::id_term("Article-1")));
    CHECK_FALSE(filter.maybe_written(rasd::schema::id_term("article-1 ")));
}

TEST_CASE("written ids: past its capacity the filter stops tracking and answers maybe") {
    rasd::detail::WrittenIdsFilter filter;
    filter.start();
    for (std::size_t n = 0; n < rasd::detail::WrittenIdsFilter::kCapacity; ++n) filter.add(nth_id_term(n));
    CHECK(filter.tracking());
    filter.add(nth_id_term(rasd::detail::WrittenIdsFilter::kCapacity));
    CHECK_FALSE(filter.tracking());
    CHECK(filter.maybe_written(nth_id_term(rasd::detail::WrittenIdsFilter::kCapacity + 7)));
}
