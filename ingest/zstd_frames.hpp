#pragma once
// Where a zstd stream may end. libzstd's streaming decoder, as Boost.Iostreams drives it, takes
// the end of a cut file for the end of the data and reports nothing; the frame format (RFC 8878)
// says where each frame and each of its blocks ends, so following it tells a cut file from a
// whole one without decoding anything.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::detail {

// Follows the frame structure of the compressed bytes fed to it, in pieces of any size.
class ZstdFrameScanner {
public:
    void feed(std::string_view bytes);

    // True if the bytes fed so far are one or more whole frames: a zstd file may end here.
    // False inside a frame, before any frame, or after bytes that are not zstd at all.
    [[nodiscard]] bool at_end_of_frame() const;

private:
    enum class Part {
        MagicNumber,     // 4 bytes: a zstd frame or a skippable frame starts
        HeaderStart,     // 1 byte: the frame header descriptor, which says how long the rest is
        HeaderRest,      // window descriptor, dictionary id, content size
        BlockHeader,     // 3 bytes: last-block flag, block type, block size
        SkippableSize,   // 4 bytes: the length of a skippable frame's data
        NotZstd,         // a magic number or block type that zstd does not have
    };
    enum class AfterSkip { NextBlock, EndOfFrame };

    void expect(Part part, std::size_t bytes);
    void skip(std::uint64_t bytes, AfterSkip then);
    void end_block();
    void end_frame();
    void parse_field();  // m_field holds the whole of m_part

    Part m_part = Part::MagicNumber;
    std::size_t m_field_bytes = 4;  // the length of m_part's field
    std::string m_field;            // the bytes of it seen so far
    std::uint64_t m_skip = 0;       // bytes of block data, checksum or skippable data still to pass
    AfterSkip m_after_skip = AfterSkip::NextBlock;
    bool m_has_checksum = false;    // the current frame ends with a 4-byte checksum
    bool m_last_block = false;      // the current block is its frame's last
    std::size_t m_frames = 0;       // whole frames seen
};

}  // namespace rasd::detail
