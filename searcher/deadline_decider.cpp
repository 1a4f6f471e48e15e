#include "deadline_decider.hpp"

namespace rasd::detail {

namespace {

// The clock is read once every this many articles: a clock read costs about as much as
// deciding for dozens of articles, and 64 articles take microseconds.
constexpr unsigned kArticlesPerClockRead = 64;

}  // namespace

bool DeadlineDecider::operator()(const Xapian::Document& /*document*/) const {
    if (m_passed) return false;
    if (m_since_look++ % kArticlesPerClockRead == 0 && std::chrono::steady_clock::now() >= m_deadline) {
        m_passed = true;
        return false;
    }
    return true;
}

}  // namespace rasd::detail
