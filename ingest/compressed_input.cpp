// Input files, decompressed on the fly through Boost.Iostreams (Debian builds it with zlib,
// liblzma and libzstd), so dumps are read as they are shipped.

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <boost/iostreams/device/file.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <array>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <fstream>
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

// Owns the file it filters (filtering_istream keeps only a reference to pushed streams).
class DecompressingStream : public io::filtering_istream {
public:
    DecompressingStream(Compression compression, std::unique_ptr<std::ifstream> file)
        : m_file(std::move(file)) {
        switch (compression) {
            case Compression::Gzip: push(io::gzip_decompressor()); break;
            case Compression::Xz: push(io::lzma_decompressor()); break;
            case Compression::Zstd: push(io::zstd_decompressor()); break;
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
