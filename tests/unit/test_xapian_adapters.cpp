// The analyzer in the shapes Xapian takes: StemImplementation, Stopper, and term generation.

#include <doctest/doctest.h>

#include "archive/xapian_analysis.hpp"

#include <rasd/analysis/stemmer.hpp>
#include <rasd/analyzer_factory.hpp>

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace {

std::set<std::string> terms_of(const Xapian::Document& document) {
    std::set<std::string> terms;
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) terms.insert(*it);
    return terms;
}

}  // namespace

TEST_SUITE("xapian_adapters") {

TEST_CASE("Xapian::Stem backed by the analyzer folds, then stems") {
    auto analyzer = std::make_shared<rasd::Analyzer>(rasd::make_analyzer());
    Xapian::Stem stem = rasd::detail::make_xapian_stem(analyzer);
    CHECK(stem("بالْقَاهِرَة") == "قاهر");
    CHECK(stem("الإجتماعى") == "اجتماع");
    CHECK(stem("فى") == "");  // stop word
    CHECK(stem.get_description() == "Xapian::Stem(rasd::AnalyzerStemImplementation(light/4))");
}

TEST_CASE("a stemmer that remembers its words answers the same through its generations") {
    auto analyzer = std::make_shared<rasd::Analyzer>(rasd::make_analyzer());
    // Two words a generation: the third word starts a new one, the first two answer from the last.
    Xapian::Stem remembering = rasd::detail::make_xapian_stem(analyzer, 2);
    Xapian::Stem plain = rasd::detail::make_xapian_stem(analyzer);
    const std::string words[] = {"بالْقَاهِرَة", "الإجتماعى", "فى", "بالْقَاهِرَة", "والكتاب",
                                 "الإجتماعى", "Elections", "فى", "والكتاب", "بالْقَاهِرَة"};
    for (const std::string& word : words) {
        CAPTURE(word);
        CHECK(remembering(word) == plain(word));
    }
    CHECK(remembering("بالْقَاهِرَة") == "قاهر");
}

namespace {

// A stemmer that counts the words it is asked for (and stems nothing).
class CountingStemmer final : public rasd::WordStemmer {
public:
    explicit CountingStemmer(int& calls) : m_calls(calls) {}
    std::string stem(std::string_view folded_word) override {
        ++m_calls;
        return std::string(folded_word);
    }
    std::string name() const override { return "counting"; }

private:
    int& m_calls;
};

}  // namespace

TEST_CASE("a stemmer that remembers its words asks the analyzer once per word of its last two generations") {
    int arabic_calls = 0, latin_calls = 0;
    auto analyzer = std::make_shared<rasd::Analyzer>(std::make_unique<CountingStemmer>(arabic_calls),
                                                     std::make_unique<CountingStemmer>(latin_calls), "counting",
                                                     rasd::TransliterationVariants::Apart);
    Xapian::Stem remembering = rasd::detail::make_xapian_stem(analyzer, 2);
    CHECK(remembering("كتاب") == "كتاب");
    CHECK(remembering("قلم") == "قلم");
    CHECK(arabic_calls == 2);
    CHECK(remembering("كتاب") == "كتاب");  // this generation
    CHECK(arabic_calls == 2);
    CHECK(remembering("دفتر") == "دفتر");  // a third word: a new generation
    CHECK(arabic_calls == 3);
    CHECK(remembering("قلم") == "قلم");  // from the last generation, moved over
    CHECK(arabic_calls == 3);
    CHECK(remembering("ورق") == "ورق");  // the generation is full again: كتاب goes with the older one
    CHECK(remembering("حبر") == "حبر");
    CHECK(arabic_calls == 5);
    CHECK(remembering("كتاب") == "كتاب");
    CHECK(arabic_calls == 6);
    CHECK(latin_calls == 0);
}

TEST_CASE("the stopper stops every spelling of a stop word") {
    rasd::detail::AnalyzerStopper stopper;
    CHECK(stopper("فى"));
    CHECK(stopper("في"));
    CHECK(stopper("The"));
    CHECK_FALSE(stopper("القاهرة"));
}

TEST_CASE("add_tokens adds one positional term per token: the stem, or a stop word's folded form") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    Xapian::Document document;
    const auto tokens = analyzer.analyze("المواطنين فى القاهرة");
    const Xapian::termpos last = rasd::detail::add_tokens(document, tokens, rasd::schema::WordField::All, 1, 10);
    CHECK(last == 13);
    CHECK(terms_of(document) == std::set<std::string>{"Zمواطن", "Zفي", "Zقاهر"});
    auto positions = document.termlist_begin();
    positions.skip_to("Zقاهر");
    REQUIRE(positions != document.termlist_end());
    CHECK(*positions.positionlist_begin() == 13);
}

TEST_CASE("a field prefix goes after Z, and each occurrence adds the given wdf") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    Xapian::Document document;
    rasd::detail::add_tokens(document, analyzer.analyze("وزير الداخلية"), rasd::schema::WordField::Title, 3, 0);
    CHECK(terms_of(document) == std::set<std::string>{"ZSوزير", "ZSداخل"});
    auto it = document.termlist_begin();
    it.skip_to("ZSوزير");
    CHECK(it.get_wdf() == 3);
    CHECK(*it.positionlist_begin() == 1);
}

namespace {

// `query` run over an in-memory database of one document, `body` indexed as rasd indexes a body.
Xapian::MSet match_of(rasd::Analyzer& analyzer, const std::string& body, const Xapian::Query& query) {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document document;
    rasd::detail::add_tokens(document, analyzer.analyze(body), rasd::schema::WordField::All, 1, 0);
    database.add_document(document);
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    return enquire.get_mset(0, 1);
}

}  // namespace

TEST_CASE("a snippet highlights the original letters of every spelling of a query word") {
    auto analyzer = std::make_shared<rasd::Analyzer>(rasd::make_analyzer());
    const std::string body = "أعلنت الداخليـــة القبض على المتهم بالْقَاهِرَة أمس";
    const Xapian::MSet mset = match_of(*analyzer, body, Xapian::Query("Zقاهر") | Xapian::Query("Zداخل"));
    const std::string snippet =
        mset.snippet(body, 200, rasd::detail::make_xapian_stem(analyzer), 0, "<", ">", "…");
    CHECK(snippet == "أعلنت <الداخليـــة> القبض على المتهم <بالْقَاهِرَة> أمس");
}

TEST_CASE("the snippet stemmer of a query stems only the words that may match, and snippets stay the same") {
    auto analyzer = std::make_shared<rasd::Analyzer>(rasd::make_analyzer());
    const std::string body = "أعلنت الداخليـــة القبض على المتهم بالْقَاهِرَة أمس في مطار القاهرة";
    const Xapian::Query query = Xapian::Query("Zقاهر") | Xapian::Query("Zداخل") | Xapian::Query("ZSقاهر");
    const Xapian::MSet mset = match_of(*analyzer, body, query);
    const Xapian::Stem plain = rasd::detail::make_xapian_stem(analyzer);
    Xapian::Stem filtered = rasd::detail::snippet_stem_for(plain, *analyzer, query);
    CHECK(filtered("القاهرة") == "قاهر");
    CHECK(filtered("المتهم") == "");  // no ق, no د: not stemmed
    CHECK(filtered("مطار") == "");
    CHECK(filtered("الداخليـــة") == "داخل");
    CHECK(mset.snippet(body, 200, filtered, 0, "<", ">", "…") == mset.snippet(body, 200, plain, 0, "<", ">", "…"));
    CHECK(mset.snippet(body, 200, filtered, 0, "<", ">", "…") ==
          "أعلنت <الداخليـــة> القبض على المتهم <بالْقَاهِرَة> أمس في مطار <القاهرة>");
    // A query with the term Z (an empty stem) would match the "" of a filtered word: no filter then.
    Xapian::Stem unfiltered = rasd::detail::snippet_stem_for(plain, *analyzer, Xapian::Query("Z") | query);
    CHECK(unfiltered("المتهم") == "متهم");
}

}  // TEST_SUITE
