#pragma once
// A scratch directory for one test: created fresh under the system temp dir, removed with
// everything in it when the object dies.

#include <filesystem>
#include <string>

namespace rasd::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // The path of `name` inside the directory (the directory itself for "").
    [[nodiscard]] std::string path(const std::string& name = "") const;

private:
    std::filesystem::path m_path;
};

}  // namespace rasd::test
