#pragma once
// A search's time limit over a count-only match (facets), without Xapian's own time limit.
// Enquire::set_time_limit arms a POSIX timer whose callback (a thread of its own) sets a flag
// on the stack of get_mset(); Xapian 1.4 does not wait for that thread when get_mset() returns,
// so a callback that runs late writes into whatever frame reuses that stack. Under load a search
// that was already past its limit crashed that way (tests/unit/test_search_queries.cpp, "a search
// past its time limit ..."; docs/ROBUSTNESS.md). This decider keeps every article until the
// deadline and none after it: the match spies behind it stop counting, and the matcher walks
// the rest of the posting lists without weights or spies. Local databases only (the remote
// backend takes no MatchDecider).

#include <xapian.h>

#include <chrono>

namespace rasd::detail {

class DeadlineDecider final : public Xapian::MatchDecider {
public:
    explicit DeadlineDecider(std::chrono::steady_clock::time_point deadline) : m_deadline(deadline) {}

    bool operator()(const Xapian::Document& document) const override;

    // Whether the deadline passed during the match (articles were then left out).
    [[nodiscard]] bool passed() const { return m_passed; }

private:
    std::chrono::steady_clock::time_point m_deadline;
    mutable unsigned m_since_look = 0;  // articles since the clock was last read
    mutable bool m_passed = false;
};

}  // namespace rasd::detail
