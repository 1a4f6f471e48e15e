#pragma once
// Articles for tests, naming only the fields a test is about:
//
//     rasd::Article a = ArticleBuilder("eg-1").title("...").date("2019-03-14");
//
// An article starts with its id and a one-sentence body (so it can be indexed as it is); every
// other field is empty until set. A builder converts to rasd::Article wherever one is expected.
// Header-only: the fuzz targets (tests/fuzz/fuzz_bodies.hpp) use it without tests/support/'s
// compiled sources.

#include <rasd/article.hpp>

#include <string>
#include <utility>

namespace rasd::test {

class ArticleBuilder {
public:
    // "The text of the news.": a body with a searchable word and no date, place or topic.
    static constexpr const char* kDefaultBody = "نص الخبر";

    explicit ArticleBuilder(std::string id) {
        m_article.id = std::move(id);
        m_article.body = kDefaultBody;
    }

    ArticleBuilder& title(std::string value) { return set(m_article.title, std::move(value)); }
    ArticleBuilder& body(std::string value) { return set(m_article.body, std::move(value)); }
    ArticleBuilder& abstract(std::string value) { return set(m_article.abstract, std::move(value)); }
    ArticleBuilder& date(std::string value) { return set(m_article.date, std::move(value)); }
    ArticleBuilder& place(std::string value) { return set(m_article.place, std::move(value)); }
    ArticleBuilder& topic(std::string value) { return set(m_article.topic, std::move(value)); }
    ArticleBuilder& source(std::string value) { return set(m_article.source, std::move(value)); }
    ArticleBuilder& url(std::string value) { return set(m_article.url, std::move(value)); }
    ArticleBuilder& author(std::string value) { return set(m_article.author, std::move(value)); }

    // Implicit on purpose, so that tables of articles and add_or_replace() calls take a builder
    // as it is.
    operator rasd::Article() const { return m_article; }  // NOLINT(google-explicit-constructor)

private:
    ArticleBuilder& set(std::string& field, std::string value) {
        field = std::move(value);
        return *this;
    }

    rasd::Article m_article;
};

}  // namespace rasd::test
