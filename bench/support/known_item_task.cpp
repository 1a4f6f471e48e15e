#include "known_item_task.hpp"

#include "ranking_collection.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace rasd::bench::known_item {
namespace {

std::ifstream open_input(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot be read");
    return in;
}

std::string text_field(const nlohmann::json& record, const char* name) {
    const auto it = record.find(name);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Task read_task(const std::string& corpus, const std::string& queries) {
    Task task;
    std::ifstream in = open_input(corpus);
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        task.corpus_bytes += line.size() + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object() || !record.contains("id")) {
            throw std::runtime_error(corpus + ":" + std::to_string(number) + ": not a JSON object with an id");
        }
        rasd::Article article;
        article.id = record["id"].is_string() ? record["id"].get<std::string>() : record["id"].dump();
        article.body = text_field(record, "body");
        article.date = text_field(record, "date");
        article.topic = text_field(record, "topic");
        article.origin = corpus + ":" + std::to_string(number);
        if (!article.body.empty()) task.articles.push_back(std::move(article));
    }
    std::ifstream qin = open_input(queries);
    number = 0;
    for (std::string line; std::getline(qin, line);) {
        ++number;
        if (line.empty()) continue;
        const std::size_t a = line.find('\t');
        const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos) {
            throw std::runtime_error(queries + ":" + std::to_string(number) + ": not qid<TAB>headline<TAB>target");
        }
        task.queries.push_back({line.substr(0, a), ranking::plain_query(line.substr(a + 1, b - a - 1)),
                                line.substr(b + 1)});
    }
    return task;
}

}  // namespace rasd::bench::known_item
