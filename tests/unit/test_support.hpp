#pragma once
// Helpers shared by the test files: temporary directories.

#include <filesystem>
#include <random>
#include <string>

namespace rasd::test {

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir() {
        std::random_device device;
        m_path = std::filesystem::temp_directory_path() / ("rasd-test-" + std::to_string(device()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string path(const std::string& name = "") const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace rasd::test
