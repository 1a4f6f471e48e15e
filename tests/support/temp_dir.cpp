#include "temp_dir.hpp"

#include <random>
#include <system_error>

namespace rasd::test {

TempDir::TempDir() {
    std::random_device device;
    // ctest runs test cases in parallel processes: a name already taken is drawn again.
    do {
        m_path = std::filesystem::temp_directory_path() / ("rasd-test-" + std::to_string(device()));
    } while (!std::filesystem::create_directories(m_path));
}

TempDir::~TempDir() {
    std::error_code ignored;  // a destructor must not throw; a leftover temp dir is harmless
    std::filesystem::remove_all(m_path, ignored);
}

std::string TempDir::path(const std::string& name) const { return (m_path / name).string(); }

}  // namespace rasd::test
