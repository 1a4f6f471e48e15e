#include "zstd_frames.hpp"

#include <algorithm>
#include <array>

namespace rasd::detail {
namespace {

// RFC 8878, section 3.1.
constexpr std::uint32_t kZstdMagic = 0xFD2FB528U;
constexpr std::uint32_t kSkippableMagicMask = 0xFFFFFFF0U;
constexpr std::uint32_t kSkippableMagic = 0x184D2A50U;
constexpr std::size_t kMagicBytes = 4;
constexpr std::size_t kBlockHeaderBytes = 3;
constexpr std::size_t kChecksumBytes = 4;
constexpr std::size_t kSkippableSizeBytes = 4;
constexpr unsigned kReservedBlockType = 3;
constexpr unsigned kRleBlockType = 1;  // its data is one byte, repeated Block_Size times

std::uint32_t little_endian(std::string_view bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = bytes.size(); i-- > 0;) value = (value << 8U) | static_cast<unsigned char>(bytes[i]);
    return value;
}

}  // namespace

void ZstdFrameScanner::feed(std::string_view bytes) {
    while (!bytes.empty() && m_part != Part::NotZstd) {
        if (m_skip > 0) {
            const std::size_t passed = static_cast<std::size_t>(std::min<std::uint64_t>(m_skip, bytes.size()));
            m_skip -= passed;
            bytes.remove_prefix(passed);
            if (m_skip == 0) m_after_skip == AfterSkip::NextBlock ? end_block() : end_frame();
            continue;
        }
        const std::size_t taken = std::min(m_field_bytes - m_field.size(), bytes.size());
        m_field.append(bytes.substr(0, taken));
        bytes.remove_prefix(taken);
        if (m_field.size() == m_field_bytes) parse_field();
    }
}

bool ZstdFrameScanner::at_end_of_frame() const {
    return m_part == Part::MagicNumber && m_field.empty() && m_skip == 0 && m_frames > 0;
}

void ZstdFrameScanner::expect(Part part, std::size_t bytes) {
    m_part = part;
    m_field_bytes = bytes;
    m_field.clear();
}

void ZstdFrameScanner::skip(std::uint64_t bytes, AfterSkip then) {
    m_after_skip = then;
    m_skip = bytes;
    if (bytes == 0) then == AfterSkip::NextBlock ? end_block() : end_frame();
}

void ZstdFrameScanner::end_block() {
    if (!m_last_block) {
        expect(Part::BlockHeader, kBlockHeaderBytes);
    } else if (m_has_checksum) {
        m_has_checksum = false;
        skip(kChecksumBytes, AfterSkip::EndOfFrame);
    } else {
        end_frame();
    }
}

void ZstdFrameScanner::end_frame() {
    ++m_frames;
    expect(Part::MagicNumber, kMagicBytes);
}

void ZstdFrameScanner::parse_field() {
    switch (m_part) {
        case Part::MagicNumber: {
            const std::uint32_t magic = little_endian(m_field);
            if (magic == kZstdMagic) {
                expect(Part::HeaderStart, 1);
            } else if ((magic & kSkippableMagicMask) == kSkippableMagic) {
                expect(Part::SkippableSize, kSkippableSizeBytes);
            } else {
                expect(Part::NotZstd, 0);
            }
            break;
        }
        case Part::HeaderStart: {
            // Frame_Header_Descriptor: content size flag (bits 7-6), single segment (bit 5),
            // reserved (bit 3), checksum (bit 2), dictionary id flag (bits 1-0).
            const auto descriptor = static_cast<unsigned char>(m_field[0]);
            constexpr std::array<std::size_t, 4> kDictionaryIdBytes = {0, 1, 2, 4};
            constexpr std::array<std::size_t, 4> kContentSizeBytes = {0, 2, 4, 8};
            const bool single_segment = (descriptor & 0x20U) != 0;
            const unsigned content_size_flag = descriptor >> 6U;
            if ((descriptor & 0x08U) != 0) {
                expect(Part::NotZstd, 0);
                break;
            }
            m_has_checksum = (descriptor & 0x04U) != 0;
            const std::size_t rest = (single_segment ? 0 : 1) + kDictionaryIdBytes[descriptor & 0x03U] +
                                     (content_size_flag == 0 && single_segment ? 1 : kContentSizeBytes[content_size_flag]);
            if (rest == 0) {
                expect(Part::BlockHeader, kBlockHeaderBytes);
            } else {
                expect(Part::HeaderRest, rest);
            }
            break;
        }
        case Part::HeaderRest: expect(Part::BlockHeader, kBlockHeaderBytes); break;
        case Part::BlockHeader: {
            const std::uint32_t header = little_endian(m_field);
            m_last_block = (header & 1U) != 0;
            const unsigned type = (header >> 1U) & 3U;
            const std::uint32_t size = header >> 3U;
            if (type == kReservedBlockType) {
                expect(Part::NotZstd, 0);
                break;
            }
            m_field.clear();
            skip(type == kRleBlockType ? 1 : size, AfterSkip::NextBlock);
            break;
        }
        case Part::SkippableSize: {
            const std::uint32_t size = little_endian(m_field);
            m_field.clear();
            skip(size, AfterSkip::EndOfFrame);
            break;
        }
        case Part::NotZstd: break;
    }
}

}  // namespace rasd::detail
