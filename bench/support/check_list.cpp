#include "check_list.hpp"

#include "bench_main.hpp"

namespace rasd::bench {

void CheckList::expect(bool ok, const std::string& what) {
    m_checks.push_back({{"ok", ok}, {"what", what}});
    if (!ok) m_failures.push_back(what);
}

void CheckList::print(std::ostream& out, const std::string& indent) const {
    for (const nlohmann::json& c : m_checks) {
        out << indent << (c["ok"].get<bool>() ? "ok   " : "FAIL ") << c["what"].get<std::string>() << "\n";
    }
}

void CheckList::throw_if_failed() const {
    check(m_failures.empty(),
          m_failures.empty() ? "" : m_failures.front() + " (" + std::to_string(m_failures.size()) + " failed)");
}

}  // namespace rasd::bench
