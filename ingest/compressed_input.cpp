// Input files, decompressed on the fly through Boost.Iostreams (Debian builds it with zlib,
// liblzma and libzstd), so dumps are read as they are shipped.

#include "zstd_frames.hpp"

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <boost/iostreams/device/file.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>
#include <boost/iostreams/read.hpp>

#include <array>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <ios>
#include <memory>
#include <string_view>

namespace rasd {
namespace {

namespace io = boost::iostreams;

enum class Compression { None, Gzip, Xz, Zstd };

struct CompressionExtension {
    std::string_view extension;
    Compression compression;
};

constexpr std::array kCompressionExtensions = {
    CompressionExtension{".gz", Compression::Gzip},
    CompressionExtension{".xz", Compression::Xz},
    CompressionExtension{".zst", Compression::Zstd},
};

Compression compression_of(std::string_view path) {
    for (const auto& known : kCompressionExtensions) {
        if (path.ends_with(known.extension)) return known.compression;
    }
    return Compression::None;
}

// The gzip and xz decompressors fail on a cut stream; Boost's zstd decompressor ends quietly at
// the cut instead. These two filters, around it, make a cut .zst fail the same way: the first
// shows the compressed bytes to a ZstdFrameScanner on their way in, the second turns the end of
// the decompressed data into a read error when the scanner was left inside a frame. The error
// comes after every byte decoded before the cut, and before the cut line could pass for a
// whole one.
class ZstdFrameWatch : public io::multichar_input_filter {
public:
    explicit ZstdFrameWatch(std::shared_ptr<detail::ZstdFrameScanner> scanner) : m_scanner(std::move(scanner)) {}

    template <typename Source>
    std::streamsize read(Source& source, char* buffer, std::streamsize size) {
        const std::streamsize got = io::read(source, buffer, size);
        if (got > 0) m_scanner->feed(std::string_view(buffer, static_cast<std::size_t>(got)));
        return got;
    }

private:
    std::shared_ptr<detail::ZstdFrameScanner> m_scanner;
};

class ZstdCutCheck : public io::multichar_input_filter {
public:
    explicit ZstdCutCheck(std::shared_ptr<const detail::ZstdFrameScanner> scanner) : m_scanner(std::move(scanner)) {}

    template <typename Source>
    std::streamsize read(Source& source, char* buffer, std::streamsize size) {
        const std::streamsize got = io::read(source, buffer, size);
        // The stream catches this and goes bad, as it does for the other decompressors' errors.
        if (got < 0 && !m_scanner->at_end_of_frame()) throw std::ios_base::failure("zstd data ends inside a frame");
        return got;
    }

private:
    std::shared_ptr<const detail::ZstdFrameScanner> m_scanner;
};

// Owns the file it filters (filtering_istream keeps only a reference to pushed streams).
class DecompressingStream : public io::filtering_istream {
public:
    DecompressingStream(Compression compression, std::unique_ptr<std::ifstream> file)
        : m_file(std::move(file)) {
        switch (compression) {
            case Compression::Gzip: push(io::gzip_decompressor()); break;
            case Compression::Xz: push(io::lzma_decompressor()); break;
            case Compression::Zstd: {
                auto scanner = std::make_shared<detail::ZstdFrameScanner>();
                push(ZstdCutCheck(scanner));
                push(io::zstd_decompressor());
                push(ZstdFrameWatch(scanner));
                break;
            }
            case Compression::None: break;
        }
        push(*m_file);
    }
    ~DecompressingStream() override { reset(); }  // drop the filters before the file goes

    // Compressed bytes consumed so far (read ahead by the decompressor's buffer).
    std::uint64_t raw_position() const { return position_of(*m_file); }

    static std::uint64_t position_of(std::istream& file) {
        const std::streampos position = file.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in);
        return position < 0 ? 0 : static_cast<std::uint64_t>(position);
    }

private:
    std::unique_ptr<std::ifstream> m_file;
};

}  // namespace

std::unique_ptr<std::istream> open_input_file(const std::string& path) {
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) throw DataError(path + ": cannot open file: " + std::strerror(errno));
    const Compression compression = compression_of(path);
    if (compression == Compression::None) return file;
    return std::make_unique<DecompressingStream>(compression, std::move(file));
}

namespace detail {

std::uint64_t raw_bytes_consumed(std::istream& input) {
    if (const auto* decompressing = dynamic_cast<const DecompressingStream*>(&input)) {
        return decompressing->raw_position();
    }
    return DecompressingStream::position_of(input);
}

}  // namespace detail

std::string strip_compression_extension(const std::string& path) {
    for (const auto& known : kCompressionExtensions) {
        if (std::string_view(path).ends_with(known.extension)) {
            return path.substr(0, path.size() - known.extension.size());
        }
    }
    return path;
}

}  // namespace rasd
