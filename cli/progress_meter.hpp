#pragma once
// A one-line progress display on stderr for long indexing runs: articles, MiB read, rate, and
// percentage and ETA when the total input size is known. Silent when stderr is not a terminal.
// Each refresh fits the terminal's width (parts are left out, least useful first), so a narrow
// terminal never wraps it onto new lines.

#include <chrono>
#include <cstdint>
#include <optional>
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

    // What one refresh shows.
    struct Figures {
        std::size_t articles = 0;
        double mebibytes = 0;
        double articles_per_second = 0;
        std::optional<double> percent;      // when the total size is known
        std::optional<double> eta_seconds;  // likewise
    };

    // The text of one refresh, at most `columns` - 1 characters wide (the last column is left
    // free: writing into it makes some terminals wrap): "rasd-index: 1200 articles | 3.5 MiB |
    // 800 articles/s | 42% | ETA 5s", without the parts that do not fit (the rate first, then
    // the MiB, the program name, the ETA, the percentage), cut as a last resort.
    [[nodiscard]] static std::string format_line(const std::string& program, const Figures& figures,
                                                 std::size_t columns);

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

// The width of the terminal on stderr: the terminal's own, else $COLUMNS, else 80.
[[nodiscard]] std::size_t stderr_columns();

}  // namespace rasd::cli
