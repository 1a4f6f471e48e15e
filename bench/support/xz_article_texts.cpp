#include "xz_article_texts.hpp"

#include <lzma.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace rasd::bench {

namespace {

constexpr std::size_t kOutputChunk = std::size_t{1} << 20;
constexpr std::size_t kExpectedRatio = 8;  // reserve for about this ratio of xz on news text

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Decompresses a whole .xz (possibly multi-stream) buffer in memory.
std::string xz_decompress(const std::string& compressed) {
    lzma_stream strm = LZMA_STREAM_INIT;
    lzma_ret ret = lzma_stream_decoder(&strm, std::numeric_limits<std::uint64_t>::max(), LZMA_CONCATENATED);
    if (ret != LZMA_OK) throw std::runtime_error("lzma_stream_decoder failed: " + std::to_string(ret));

    std::string out;
    out.reserve(compressed.size() * kExpectedRatio);
    std::vector<std::uint8_t> buf(kOutputChunk);
    strm.next_in = reinterpret_cast<const std::uint8_t*>(compressed.data());
    strm.avail_in = compressed.size();
    for (;;) {
        strm.next_out = buf.data();
        strm.avail_out = buf.size();
        ret = lzma_code(&strm, LZMA_FINISH);
        out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - strm.avail_out);
        if (ret == LZMA_STREAM_END) break;
        if (ret != LZMA_OK) {
            lzma_end(&strm);
            throw std::runtime_error("xz decompression failed (lzma_ret " + std::to_string(ret) + ")");
        }
    }
    lzma_end(&strm);
    return out;
}

std::string field(const nlohmann::json& obj, const char* name) {
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

std::vector<std::string> collect_texts(const std::string& jsonl, std::size_t max_articles) {
    std::vector<std::string> texts;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos < jsonl.size()) {
        std::size_t end = jsonl.find('\n', pos);
        if (end == std::string::npos) end = jsonl.size();
        const std::string_view line(jsonl.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        nlohmann::json obj;
        try {
            obj = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error("line " + std::to_string(line_no) + ": bad JSON: " + e.what());
        }
        texts.push_back(field(obj, "title") + "\n" + field(obj, "abstract") + "\n" + field(obj, "text"));
        if (max_articles != 0 && texts.size() >= max_articles) break;
    }
    return texts;
}

}  // namespace

std::vector<std::string> read_xz_article_texts(const std::string& path, std::size_t max_articles) {
    return collect_texts(xz_decompress(read_file(path)), max_articles);
}

}  // namespace rasd::bench
