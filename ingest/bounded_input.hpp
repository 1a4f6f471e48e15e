#pragma once
// Reading input with a bound on what one record may hold in memory: a line read like
// std::getline, or a whole (small) file. Something longer is consumed in chunks and dropped, so
// one oversized record in a dump costs a bounded amount of memory instead of its whole size.

#include <algorithm>
#include <cstddef>
#include <istream>
#include <memory>
#include <string>

namespace rasd::detail {

// Pieces of a line read at a time (std::istream::getline scans the stream's buffer for the '\n').
inline constexpr std::size_t kInputChunkBytes = 64 * 1024;

enum class LineStatus {
    Line,     // `line` holds the next line (without its '\n')
    TooLong,  // the next line was longer than the limit: it was consumed, and `line` is empty
    End,      // no more input, or the stream went bad (as with std::getline, a broken line is dropped)
};

class BoundedLineReader {
public:
    BoundedLineReader(std::istream& input, std::size_t max_line_bytes)
        : m_input(input), m_max(max_line_bytes), m_chunk(new char[kInputChunkBytes]) {}  // left uninitialized

    LineStatus next(std::string& line) {
        line.clear();
        bool too_long = false;
        bool started = false;  // something of this line was read, if only its '\n'
        while (true) {
            m_input.getline(m_chunk.get(), static_cast<std::streamsize>(kInputChunkBytes), '\n');
            if (m_input.bad()) return LineStatus::End;
            const auto count = static_cast<std::size_t>(m_input.gcount());
            // getline() sets failbit alone when the chunk filled before a '\n'; failbit with
            // eofbit when the input ended before any character.
            const bool chunk_full = m_input.fail() && !m_input.eof();
            if (m_input.fail() && !chunk_full) {
                if (!started) return LineStatus::End;
                break;  // the line ended at the end of the input, right after a full chunk
            }
            started = true;
            // gcount() counts the '\n' taken, which is not stored.
            const std::size_t stored = chunk_full || m_input.eof() ? count : count - 1;
            if (!too_long && line.size() + stored > m_max) {
                too_long = true;
                std::string().swap(line);  // give the memory back at once
            }
            if (!too_long) line.append(m_chunk.get(), stored);
            if (!chunk_full) break;  // the '\n' was taken, or the input ended
            m_input.clear();         // a full chunk: the same line goes on
        }
        return too_long ? LineStatus::TooLong : LineStatus::Line;
    }

private:
    std::istream& m_input;
    std::size_t m_max;
    std::unique_ptr<char[]> m_chunk;
};

// Reads the rest of `input` into `text`, unless it holds more than `max_bytes`: then `text` is
// left empty, and at most max_bytes + 1 bytes were read. @return false if it was too long.
inline bool read_at_most(std::istream& input, std::size_t max_bytes, std::string& text) {
    // Reads straight into `text`, in steps that double from a small first one: a short file
    // costs a small buffer, a long one a logarithmic number of reads.
    constexpr std::size_t kFirstStepBytes = 4 * 1024;
    text.clear();
    std::size_t step = kFirstStepBytes;
    while (true) {
        const std::size_t used = text.size();
        const std::size_t wanted = std::min(step, max_bytes + 1 - used);  // one byte more tells "too long"
        text.resize(used + wanted);
        input.read(text.data() + used, static_cast<std::streamsize>(wanted));
        text.resize(used + static_cast<std::size_t>(input.gcount()));
        if (text.size() > max_bytes) {
            std::string().swap(text);
            return false;
        }
        if (!input) return true;  // the end of the input (or a stream gone bad: the caller checks)
        step *= 2;
    }
}

}  // namespace rasd::detail
