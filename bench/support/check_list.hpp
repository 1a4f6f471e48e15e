#pragma once
// Self-checks collected rather than thrown at once, so a report can list every one with its
// verdict before the run fails on the first failure.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace rasd::bench {

class CheckList {
public:
    // Records the check `what` and whether it held.
    void expect(bool ok, const std::string& what);

    // Each check on a line: "<indent>ok   <what>" or "<indent>FAIL <what>".
    void print(std::ostream& out, const std::string& indent) const;

    const std::vector<std::string>& failures() const { return m_failures; }

    // Throws CheckFailed naming the first failure and how many failed, if any did.
    void throw_if_failed() const;

private:
    nlohmann::json m_checks = nlohmann::json::array();  // {"ok", "what"} per check
    std::vector<std::string> m_failures;
};

}  // namespace rasd::bench
