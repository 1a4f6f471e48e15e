// DeadlineDecider: every article before the deadline, none after it.

#include <doctest/doctest.h>

#include "searcher/deadline_decider.hpp"

#include <xapian.h>

#include <chrono>

TEST_SUITE("deadline_decider") {

TEST_CASE("a deadline already past keeps no article") {
    const rasd::detail::DeadlineDecider decider(std::chrono::steady_clock::now() - std::chrono::seconds(1));
    const Xapian::Document document;
    CHECK_FALSE(decider(document));
    CHECK(decider.passed());
    CHECK_FALSE(decider(document));
}

TEST_CASE("a deadline far ahead keeps every article") {
    const rasd::detail::DeadlineDecider decider(std::chrono::steady_clock::now() + std::chrono::hours(1));
    const Xapian::Document document;
    int kept = 0;
    for (int i = 0; i < 1000; ++i) kept += decider(document) ? 1 : 0;
    CHECK(kept == 1000);
    CHECK_FALSE(decider.passed());
}

}  // TEST_SUITE
