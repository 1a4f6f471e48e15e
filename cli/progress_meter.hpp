#pragma once
// A one-line progress display on stderr for long indexing runs: articles, MiB read, rate, and
// percentage and ETA when the total input size is known. Silent when stderr is not a terminal.

#include <chrono>
#include <cstdint>
#include <string>

namespace rasd::cli {

class ProgressMeter {
public:
    // `total_bytes` 0 means unknown (no percentage, no ETA).
    ProgressMeter(std::string program, bool enabled, std::uint64_t total_bytes);

    // A file reported its position; `articles` is the running total of articles read.
    void on_file_progress(const std::string& file, std::uint64_t bytes_read, std::uint64_t file_size,
                          std::size_t articles);

    // Erases the line, so the summary that follows starts clean.
    void finish();

    // "1m20s", "45s", "2h05m": the compact durations the display uses.
    [[nodiscard]] static std::string format_duration(double seconds);

private:
    void draw(std::size_t articles);

    std::string m_program;
    bool m_enabled;
    std::uint64_t m_total_bytes;
    std::uint64_t m_finished_files_bytes = 0;  // bytes of files already read to the end
    std::uint64_t m_current_bytes = 0;         // position in the file being read
    std::string m_current_file;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last_draw;
    bool m_drawn = false;
};

}  // namespace rasd::cli
