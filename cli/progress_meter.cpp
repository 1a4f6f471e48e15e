#include "progress_meter.hpp"

#include <cstdio>
#include <iostream>

namespace rasd::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);
constexpr double kBytesPerMiB = 1024.0 * 1024.0;

}  // namespace

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

void ProgressMeter::draw(std::size_t articles) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const std::uint64_t done = m_finished_files_bytes + m_current_bytes;
    char line[200];
    int n = std::snprintf(line, sizeof line, "\r%s: %zu articles | %.1f MiB | %.0f articles/s", m_program.c_str(),
                          articles, static_cast<double>(done) / kBytesPerMiB,
                          elapsed > 0 ? static_cast<double>(articles) / elapsed : 0.0);
    if (m_total_bytes > 0 && done > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof line) {
        const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(m_total_bytes));
        const double remaining = elapsed * (1.0 - fraction) / fraction;
        std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), " | %.0f%% | ETA %s", fraction * 100.0,
                      format_duration(remaining).c_str());
    }
    std::cerr << line << "\033[K" << std::flush;
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
