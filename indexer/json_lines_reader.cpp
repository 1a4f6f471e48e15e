// JSON-lines article reader over nlohmann::json (Debian's nlohmann-json3-dev).

#include <rasd/article_reader.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string_view>

namespace rasd {
namespace {

using Json = nlohmann::json;

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return s;
}

// The first of `names` that the record has as a string (or number), case-insensitively.
std::string field(const Json& record, std::initializer_list<std::string_view> names) {
    for (std::string_view wanted : names) {
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (lower_ascii(it.key()) != wanted) continue;
            if (it->is_string()) return it->get<std::string>();
            if (it->is_number()) return it->dump();
        }
    }
    return {};
}

// FNV-1a, 64 bits: stable across runs and machines, which std::hash is not.
std::string stable_hash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    std::array<char, 17> hex{};
    std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash));
    return std::string(hex.data());
}

Article article_from_json(const Json& record) {
    Article a;
    a.id = field(record, {"id", "docno", "guid"});
    a.title = field(record, {"title", "headline"});
    a.body = field(record, {"body", "text", "content"});
    a.abstract = field(record, {"abstract", "summary"});
    a.date = field(record, {"date", "time", "published", "date_extracted"});
    a.place = field(record, {"place", "location", "dateline"});
    a.topic = field(record, {"topic", "category", "cat", "section"});
    a.source = field(record, {"source", "src", "site"});
    a.url = field(record, {"url", "link"});
    a.author = field(record, {"author", "byline"});
    if (a.id.empty()) {
        a.id = a.url.empty() ? "sha-" + stable_hash(a.title + "\n" + a.body) : "url-" + stable_hash(a.url);
    }
    return a;
}

}  // namespace

std::string ReadProblem::message() const {
    return file + ":" + std::to_string(line) + ": " + reason;
}

std::size_t read_json_lines(std::istream& input, const std::string& name,
                            const std::function<void(Article&&)>& on_article,
                            const std::function<void(const ReadProblem&)>& on_problem) {
    std::size_t count = 0;
    std::size_t line_number = 0;
    std::string line;
    while (std::getline(input, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Json record;
        try {
            record = Json::parse(line);
        } catch (const Json::exception& e) {
            on_problem({name, line_number, std::string("malformed JSON: ") + e.what()});
            continue;
        }
        if (!record.is_object()) {
            on_problem({name, line_number, "expected a JSON object, found " + std::string(record.type_name())});
            continue;
        }
        Article article = article_from_json(record);
        if (article.body.find_first_not_of(" \t\r\n") == std::string::npos) {
            on_problem({name, line_number, "article '" + article.id + "' has an empty body"});
            continue;
        }
        on_article(std::move(article));
        ++count;
    }
    if (input.bad()) {
        // A decompressor that hits damage sets badbit: everything after that point is lost.
        on_problem({name, line_number + 1, "read error: corrupt or truncated data; the rest of the file is skipped"});
    }
    return count;
}

}  // namespace rasd
