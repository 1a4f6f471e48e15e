#include "progress_meter.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace rasd::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);
constexpr double kBytesPerMiB = 1024.0 * 1024.0;
constexpr std::size_t kDefaultColumns = 80;

std::string formatted(const char* format, double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

}  // namespace

std::size_t stderr_columns() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        std::size_t value = 0;
        const char* end = columns + std::strlen(columns);
        if (std::from_chars(columns, end, value).ptr == end && value > 0) return value;
    }
    return kDefaultColumns;
}

ProgressMeter::ProgressMeter(std::string program, bool enabled, std::uint64_t total_bytes)
    : m_program(std::move(program)),
      m_enabled(enabled),
      m_total_bytes(total_bytes),
      m_start(std::chrono::steady_clock::now()),
      m_last_draw(m_start) {}

void ProgressMeter::on_file_progress(const std::string& file, std::uint64_t bytes_read,
                                     std::uint64_t file_size, std::size_t articles) {
    if (file != m_current_file) {
        m_current_file = file;
        m_current_bytes = 0;
    }
    m_current_bytes = bytes_read;
    if (bytes_read >= file_size) {  // the file is done: its bytes move to the finished total
        m_finished_files_bytes += file_size;
        m_current_bytes = 0;
        m_current_file.clear();
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_enabled && now - m_last_draw >= kRedrawInterval) {
        m_last_draw = now;
        draw(articles);
    }
}

std::string ProgressMeter::format_line(const std::string& program, const Figures& figures, std::size_t columns) {
    // The parts in display order, each with its rank: the lower, the longer it stays.
    struct Part {
        std::string text;
        int rank;
    };
    std::array<Part, 6> parts = {{
        {program + ": ", 3},
        {std::to_string(figures.articles) + " articles", 0},
        {" | " + formatted("%.1f", figures.mebibytes) + " MiB", 4},
        {" | " + formatted("%.0f", figures.articles_per_second) + " articles/s", 5},
        {figures.percent ? " | " + formatted("%.0f", *figures.percent) + "%" : "", 1},
        {figures.eta_seconds ? " | ETA " + format_duration(*figures.eta_seconds) : "", 2},
    }};
    const std::size_t width = columns > 1 ? columns - 1 : 0;
    auto joined = [&](int last_rank) {
        std::string line;
        for (const Part& part : parts) {
            if (part.rank <= last_rank) line += part.text;
        }
        return line;
    };
    for (int last_rank = 5; last_rank > 0; --last_rank) {
        if (std::string line = joined(last_rank); line.size() <= width) return line;
    }
    std::string line = joined(0);
    line.resize(std::min(line.size(), width));
    return line;
}

void ProgressMeter::draw(std::size_t articles) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const std::uint64_t done = m_finished_files_bytes + m_current_bytes;
    Figures figures;
    figures.articles = articles;
    figures.mebibytes = static_cast<double>(done) / kBytesPerMiB;
    figures.articles_per_second = elapsed > 0 ? static_cast<double>(articles) / elapsed : 0.0;
    if (m_total_bytes > 0 && done > 0) {
        const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(m_total_bytes));
        figures.percent = fraction * 100.0;
        figures.eta_seconds = elapsed * (1.0 - fraction) / fraction;
    }
    std::cerr << '\r' << format_line(m_program, figures, stderr_columns()) << "\033[K" << std::flush;
    m_drawn = true;
}

void ProgressMeter::finish() {
    if (m_drawn) std::cerr << "\r\033[K" << std::flush;
    m_drawn = false;
}

std::string ProgressMeter::format_duration(double seconds) {
    const auto total = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%lldh%02lldm", total / 3600, (total % 3600) / 60);
    } else if (total >= 60) {
        std::snprintf(text, sizeof text, "%lldm%02llds", total / 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%llds", total);
    }
    return text;
}

}  // namespace rasd::cli
