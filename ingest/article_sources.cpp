// read_articles(): standard input, files and folders, each file read by its format.

#include "input_sniffing.hpp"
#include "record_support.hpp"

#include <rasd/error.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <optional>

namespace rasd {
namespace {

namespace fs = std::filesystem;

enum class Format { JsonLines, Json, Trec, Text };

// Progress is reported every this many articles: often enough for a display, rare enough to cost
// nothing.
constexpr std::size_t kArticlesPerProgressReport = 64;

struct FormatExtension {
    std::string_view extension;
    Format format;
};

constexpr std::array kFormatExtensions = {
    FormatExtension{".jsonl", Format::JsonLines}, FormatExtension{".json", Format::Json},
    FormatExtension{".trec", Format::Trec},       FormatExtension{".sgml", Format::Trec},
    FormatExtension{".sgm", Format::Trec},        FormatExtension{".txt", Format::Text},
    FormatExtension{".md", Format::Text},
};

std::optional<Format> format_of(const std::string& path) {
    const std::string inner = detail::lower_ascii(strip_compression_extension(path));
    for (const auto& known : kFormatExtensions) {
        if (std::string_view(inner).ends_with(known.extension)) return known.format;
    }
    return std::nullopt;
}

// A dump folder's README, LICENSE or CHANGELOG describes the dump; it is not an article.
bool is_documentation(const std::string& file_name) {
    const std::string lowered = detail::lower_ascii(file_name);
    for (std::string_view stem : {"readme", "license", "licence", "changelog"}) {
        if (lowered.starts_with(stem)) return true;
    }
    return false;
}

// `path` opened for reading (decompressing), or null after reporting why it cannot be.
std::unique_ptr<std::istream> open_or_report(const std::string& path, const ProblemSink& on_problem) {
    try {
        return open_input_file(path);
    } catch (const DataError& e) {
        on_problem({ProblemKind::UnreadableInput, path, 0, std::string(e.what()).substr(path.size() + 2)});
        return nullptr;
    }
}

// Reads the start of `input` (decompressed) and reports the file if it cannot be a dump.
// @return true if it was reported. A start that cannot be read is left to the reader to report.
bool reported_as_not_a_dump(std::istream& input, const std::string& path, const ProblemSink& on_problem) {
    std::string start(detail::kSniffedBytes, '\0');
    input.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(input.gcount()));
    if (input.bad()) return false;
    const std::optional<std::string> why = detail::why_not_a_dump(start);
    if (why) on_problem({ProblemKind::UnreadableInput, path, 0, *why});
    return why.has_value();
}

std::size_t read_file(const std::string& path, Format format, const std::string& fallback_id,
                      const ArticleSink& on_article, const ProblemSink& on_problem,
                      const ReaderOptions& options) {
    std::unique_ptr<std::istream> input = open_or_report(path, on_problem);
    if (!input) return 0;
    // A named pipe cannot be read twice: it is read as it comes, unsniffed.
    std::error_code not_regular;
    if (fs::is_regular_file(path, not_regular)) {
        if (reported_as_not_a_dump(*input, path, on_problem)) return 0;
        input = open_or_report(path, on_problem);  // from the start again, through the decompressor
        if (!input) return 0;
    }
    std::error_code ignored;
    const std::uint64_t size = fs::file_size(path, ignored);
    std::size_t since_report = 0;
    ArticleSink counting_sink = on_article;
    if (options.on_progress) {
        counting_sink = [&](Article&& article) {
            on_article(std::move(article));
            if (++since_report == kArticlesPerProgressReport) {
                since_report = 0;
                options.on_progress({path, detail::raw_bytes_consumed(*input), size});
            }
        };
    }
    std::size_t count = 0;
    switch (format) {
        case Format::JsonLines: count = read_json_lines(*input, path, counting_sink, on_problem, options); break;
        case Format::Json: count = detail::read_json_array(*input, path, counting_sink, on_problem, options); break;
        case Format::Trec: count = detail::read_trec(*input, path, counting_sink, on_problem, options); break;
        case Format::Text:
            count = detail::read_text_file(*input, path, fallback_id, counting_sink, on_problem, options);
            break;
    }
    if (options.on_progress) options.on_progress({path, size, size});
    return count;
}

std::string text_file_id(const fs::path& file, const fs::path& root) {
    return "file:" + file.lexically_relative(root).generic_string();
}

// The readable files under `root`, in name order: the same run gives the same docids.
std::vector<fs::path> files_in_folder(const fs::path& root, const ProblemSink* on_problem) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        const std::string leaf = it->path().filename().string();
        if (!leaf.empty() && leaf.front() == '.') {  // hidden files and folders (.git) are not news
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && format_of(it->path().string()) && !is_documentation(leaf)) {
            files.push_back(it->path());
        }
    }
    if (error && on_problem) {
        (*on_problem)({ProblemKind::UnreadableInput, root.string(), 0, "cannot read folder: " + error.message()});
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::size_t read_folder(const fs::path& root, const ArticleSink& on_article, const ProblemSink& on_problem,
                        const ReaderOptions& options) {
    std::size_t count = 0;
    for (const fs::path& file : files_in_folder(root, &on_problem)) {
        count += read_file(file.string(), *format_of(file.string()), text_file_id(file, root), on_article,
                           on_problem, options);
    }
    return count;
}

}  // namespace

bool is_supported_input_name(const std::string& path) { return format_of(path).has_value(); }

std::uint64_t input_size(const std::string& path) {
    if (path == "-") return 0;
    std::error_code error;
    if (!fs::is_directory(path, error)) {
        const std::uintmax_t size = fs::file_size(path, error);
        return error ? 0 : size;
    }
    std::uint64_t total = 0;
    for (const fs::path& file : files_in_folder(path, nullptr)) {
        const std::uintmax_t size = fs::file_size(file, error);
        if (!error) total += size;
    }
    return total;
}

std::size_t read_articles(const std::string& path, const ArticleSink& on_article, const ProblemSink& on_problem,
                          const ReaderOptions& options) {
    if (path == "-") return read_json_lines(std::cin, "-", on_article, on_problem, options);
    std::error_code error;
    if (fs::is_directory(path, error)) return read_folder(path, on_article, on_problem, options);
    if (!fs::exists(path, error)) {
        on_problem({ProblemKind::UnreadableInput, path, 0, "cannot open file: No such file or directory"});
        return 0;
    }
    const auto format = format_of(path);
    if (!format) {
        on_problem({ProblemKind::UnreadableInput, path, 0, "unsupported input format (expected .jsonl, .json, .trec, .sgml, .txt, .md, "
                             "optionally compressed as .gz, .xz or .zst, or a folder)"});
        return 0;
    }
    const fs::path file(path);
    return read_file(path, *format, text_file_id(file, file.parent_path()), on_article, on_problem, options);
}

}  // namespace rasd
