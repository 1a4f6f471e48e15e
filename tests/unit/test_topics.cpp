// The topic taxonomy: resolving section labels, rejecting bad tables, the shipped model's
// stems, and inference on short texts written for these tests.

#include <doctest/doctest.h>

#include "knowledge/topics.hpp"
#include "util/data_lines.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>

#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {
extern const std::string_view kTopicsTsvText;
extern const std::string_view kTopicModelTsvText;
}  // namespace rasd::detail

namespace {

using rasd::detail::Topic;
using rasd::detail::TopicTaxonomy;

const TopicTaxonomy& taxonomy() { return TopicTaxonomy::builtin(); }

std::string resolved_id(std::string_view label) {
    const Topic* topic = taxonomy().resolve(label);
    return topic == nullptr ? "(none)" : topic->id;
}

rasd::Analyzer& light() {
    static rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    return analyzer;
}

std::vector<std::string> stems_of(std::string_view text) {
    std::vector<std::string> stems;
    for (const rasd::Token& token : light().analyze(text)) stems.push_back(token.stem);
    return stems;
}

using rasd::detail::split_trimmed;

// Data lines of an embedded table (no comments, no blank lines), split on tabs.
std::vector<std::vector<std::string_view>> rows_of(std::string_view text) {
    std::vector<std::vector<std::string_view>> rows;
    for (const rasd::detail::DataLine& line : rasd::detail::data_lines("table", text)) {
        rows.push_back(split_trimmed(line.text, '\t'));
    }
    return rows;
}

// The DataError message of building a taxonomy from these tables ("" if none is thrown).
std::string load_error(std::string_view topics, std::string_view model) {
    try {
        const TopicTaxonomy parsed(topics, model);
    } catch (const rasd::DataError& e) {
        return e.what();
    }
    return "";
}

constexpr std::string_view kTwoTopics = "alpha\tألف\tAlpha\ta1|first\nbeta\tباء\tBeta\tb1\n";

struct LabelCase {
    std::string label;
    std::string id;
};

struct ErrorCase {
    std::string topics;
    std::string model;
    std::string prefix;  // the message must start with this
    std::string part;    // and contain this
};

struct TextCase {
    std::string text;
    std::string id;
};

}  // namespace

TEST_SUITE("topics") {

TEST_CASE("the built-in taxonomy has rasd's twelve topics, in order") {
    std::vector<std::string> ids;
    for (const Topic& topic : taxonomy().topics()) ids.push_back(topic.id);
    CHECK(ids == std::vector<std::string>{"politics", "economy", "security", "traffic", "sports", "health",
                                          "culture", "technology", "religion", "education", "society",
                                          "international"});
}

TEST_CASE("every id, label and alias of topics.tsv resolves to its own topic") {
    const auto rows = rows_of(rasd::detail::kTopicsTsvText);
    REQUIRE(rows.size() == 12);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 4);
        std::vector<std::string_view> names = {row[0], row[1], row[2]};
        for (std::string_view alias : split_trimmed(row[3], '|')) names.push_back(alias);
        for (std::string_view name : names) {
            CAPTURE(name);
            CHECK(resolved_id(name) == row[0]);
        }
    }
}

TEST_CASE("source labels resolve as documented in topics.tsv") {
    const std::vector<LabelCase> table = {
        // ANT multisource and JawharaFM `cat` labels
        {"internationalNews", "international"}, {"middleEast", "international"}, {"sport", "sports"},
        {"economy", "economy"}, {"technology", "technology"}, {"culture", "culture"},
        {"localNews", "society"}, {"society", "society"}, {"politic", "politics"},
        // Arabic section names
        {"سياسة", "politics"}, {"اقتصاد", "economy"}, {"حوادث", "security"}, {"جريمة", "security"},
        {"أمن", "security"}, {"مرور", "traffic"}, {"حوادث الطرق", "traffic"}, {"حوادث السير", "traffic"},
        {"رياضة", "sports"}, {"صحة", "health"}, {"ثقافة", "culture"}, {"فن", "culture"},
        {"فنون", "culture"}, {"تكنولوجيا", "technology"}, {"علوم", "technology"}, {"دين", "religion"},
        {"تعليم", "education"}, {"مجتمع", "society"}, {"محليات", "society"}, {"دولي", "international"},
        {"عربي ودولي", "international"}, {"أخبار عالمية", "international"},
        // English section names
        {"world", "international"}, {"business", "economy"}, {"crime", "security"},
        {"accidents", "traffic"}, {"sci-tech", "technology"}, {"arts", "culture"}, {"science", "technology"},
        // case, folding, spacing and punctuation variants
        {"Sport", "sports"}, {"SPORTS", "sports"}, {"  sport  ", "sports"}, {"رياضه", "sports"},
        {"الرياضة", "sports"}, {"الرياضه", "sports"}, {"رِيَاضَة", "sports"}, {"ريـاضة", "sports"},
        {"Sci-Tech", "technology"}, {"sci tech", "technology"}, {"SciTech", "technology"},
        {"Middle East", "international"}, {"middle_east", "international"}, {"MIDDLE-EAST", "international"},
        {"International News", "international"}, {"العربي والدولي", "international"},
        {"عربي و دولي", "international"}, {"اخبار عالميه", "international"}, {"الأخبار العالمية", "international"},
        {"Local News", "society"}, {"المحليات", "society"}, {"الحوادث", "security"},
        {"Culture & Arts", "culture"}, {"culture and arts", "culture"}, {"ثقافة وفنون", "culture"},
        {"Security and Crime", "security"}, {"أمن وجريمة", "security"}, {"Traffic and accidents", "traffic"},
        {"الشرق الأوسط", "international"}, {"الاقتصاد", "economy"}, {"الصحة", "health"}, {"التعليم", "education"},
    };
    for (const LabelCase& c : table) {
        CAPTURE(c.label);
        CHECK(resolved_id(c.label) == c.id);
    }
}

TEST_CASE("mixed and unknown labels resolve to nothing") {
    for (const char* label : {"diverse", "منوعات", "المنوعات", "misc", "general", "عاجل", "أخبار", "news", "",
                              "   ", "-", "xyz", "ال", "sportsnews"}) {
        CAPTURE(label);
        CHECK(taxonomy().resolve(label) == nullptr);
    }
}

TEST_CASE("the matching form drops articles, conjunctions and punctuation") {
    CHECK(rasd::detail::topic_label_key("Sci-Tech") == "scitech");
    CHECK(rasd::detail::topic_label_key("الرياضة") == "رياضه");
    CHECK(rasd::detail::topic_label_key("العربي والدولي") == "عربيدولي");
    CHECK(rasd::detail::topic_label_key("عربي و دولي") == "عربيدولي");
    CHECK(rasd::detail::topic_label_key("وطن ووزير") == "وطنوزير");   // only a later word loses و
    CHECK(rasd::detail::topic_label_key("عربي ودم") == "عربيودم");     // ...if 3 letters remain
    CHECK(rasd::detail::topic_label_key("Culture and Arts") == "culturearts");
    CHECK(rasd::detail::topic_label_key("ال") == "ال");    // too short to be an article
    CHECK(rasd::detail::topic_label_key("الم") == "الم");  // one letter would be left
    CHECK(rasd::detail::topic_label_key("حوادث، قضايا") == "حوادثقضايا");
}

TEST_CASE("nearest suggests the closest topic ids first") {
    CHECK(taxonomy().nearest("sprots", 1) == std::vector<std::string>{"sports"});
    CHECK(taxonomy().nearest("politcs", 1) == std::vector<std::string>{"politics"});
    CHECK(taxonomy().nearest("helth", 1) == std::vector<std::string>{"health"});
    CHECK(taxonomy().nearest("Traffik", 1) == std::vector<std::string>{"traffic"});
    CHECK(taxonomy().nearest("رياضا", 1) == std::vector<std::string>{"sports"});
    CHECK(taxonomy().nearest("اقتصد", 1) == std::vector<std::string>{"economy"});
    CHECK(taxonomy().nearest("sports", 3).size() == 3);
    CHECK(taxonomy().nearest("sports", 3).front() == "sports");
    CHECK(taxonomy().nearest("anything", 0).empty());
    const auto all = taxonomy().nearest("x", 100);
    CHECK(all.size() == 12);
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == 12);
}

TEST_CASE("nearest gives nothing for a label more than 3 bytes longer than every name") {
    const TopicTaxonomy t("alpha\tألف\tAlpha\talphabetical\n", "alpha\tx\t2\n");
    REQUIRE(t.longest_name_bytes() == 12);  // "alphabetical"
    CHECK(t.nearest("alphabeticalxyz", 1) == std::vector<std::string>{"alpha"});  // 15 bytes: searched
    CHECK(t.nearest("alphabeticalwxyz", 1).empty());                             // 16 bytes: not
    CHECK(t.nearest("Alpha-Betical x.y.z", 1) == std::vector<std::string>{"alpha"});  // measured in matching form
    CHECK(taxonomy().nearest(std::string(1 << 20, 'x'), 3).empty());
}

TEST_CASE("a small taxonomy parses, with comments, blank lines and CRLF") {
    const TopicTaxonomy t("# comment\n\nalpha\tألف\tAlpha\ta1|first\r\nbeta\tباء\tBeta\n",
                          "# model\nalpha\tx\t2\nbeta\ty\t1.5\t# source words\n\nbeta\tx\t0.5\n");
    REQUIRE(t.topics().size() == 2);
    CHECK(t.topics()[1].english == "Beta");
    CHECK(t.resolve("FIRST") == &t.topics()[0]);
    CHECK(t.resolve("باء") == &t.topics()[1]);
    CHECK(t.resolve("b1") == nullptr);
}

TEST_CASE("bad tables throw DataError naming the table and line") {
    const std::vector<ErrorCase> table = {
        {"alpha\tألف\n", "", "topics:1: ", "field"},
        {"# c\nalpha\tألف\tAlpha\ta\tb\n", "", "topics:2: ", "field"},
        {"Alpha\tألف\tAlpha\n", "", "topics:1: ", "bad topic id 'Alpha'"},
        {"al pha\tألف\tAlpha\n", "", "topics:1: ", "bad topic id"},
        {"alpha\t\tAlpha\n", "", "topics:1: ", "labels"},
        {"alpha\tألف\tAlpha\nalpha\tباء\tBeta\n", "", "topics:2: ", "duplicate topic id 'alpha'"},
        {"alpha\tألف\tAlpha\tx\nbeta\tباء\tBeta\tX\n", "", "topics:2: ", "already names topic 'alpha'"},
        {"alpha\tألف\tAlpha\tالشيء\nbeta\tباء\tBeta\tشيء\n", "", "topics:2: ", "already names topic"},
        {"alpha\tألف\tAlpha\ta||b\n", "", "topics:1: ", "empty alias"},
        {"alpha\tألف\tAlpha\t--\n", "", "topics:1: ", "no letters"},
        {std::string(kTwoTopics), "alpha\tx\t1\ngamma\ty\t1\n", "topic_model:2: ", "unknown topic 'gamma'"},
        {std::string(kTwoTopics), "alpha\tx\n", "topic_model:1: ", "expected"},
        {std::string(kTwoTopics), "alpha\tx\t1\tcomment\n", "topic_model:1: ", "expected"},
        {std::string(kTwoTopics), "alpha\tx\tabc\n", "topic_model:1: ", "weight 'abc'"},
        {std::string(kTwoTopics), "alpha\tx\t-1\n", "topic_model:1: ", "weight '-1'"},
        {std::string(kTwoTopics), "alpha\tx\t0\n", "topic_model:1: ", "weight '0'"},
        {std::string(kTwoTopics), "alpha\tx\tnan\n", "topic_model:1: ", "weight 'nan'"},
        {std::string(kTwoTopics), "alpha\tx\tinf\n", "topic_model:1: ", "weight 'inf'"},
        {std::string(kTwoTopics), "alpha\tx\t1e999\n", "topic_model:1: ", "weight"},
        {std::string(kTwoTopics), "alpha\tx\t2x\n", "topic_model:1: ", "weight '2x'"},
        {std::string(kTwoTopics), "alpha\tرياضة\t1\n", "topic_model:1: ", "not one folded word"},
        {std::string(kTwoTopics), "alpha\tTeam\t1\n", "topic_model:1: ", "not one folded word"},
        {std::string(kTwoTopics), "alpha\ttwo words\t1\n", "topic_model:1: ", "not one folded word"},
        {std::string(kTwoTopics), "# c\nalpha\tx\t1\nbeta\tx\t1\n\nalpha\tx\t2\n", "topic_model:5: ",
         "given twice for topic 'alpha'"},
    };
    for (const ErrorCase& c : table) {
        CAPTURE(c.topics);
        CAPTURE(c.model);
        const std::string message = load_error(c.topics, c.model);
        CHECK(message.starts_with(c.prefix));
        CHECK(message.find(c.part) != std::string::npos);
    }
}

TEST_CASE("every model row names a topic, a fixed-point stem and the words it comes from") {
    std::set<std::string> ids;
    for (const Topic& topic : taxonomy().topics()) ids.insert(topic.id);
    const auto rows = rows_of(rasd::detail::kTopicModelTsvText);
    CHECK(rows.size() >= 600);
    CHECK(rows.size() <= 1500);
    std::set<std::string> topics_with_cues;
    for (const auto& row : rows) {
        REQUIRE(row.size() == 4);
        const std::string topic(row[0]);
        const std::string stem(row[1]);
        CAPTURE(topic);
        CAPTURE(stem);
        CHECK(ids.contains(topic));
        topics_with_cues.insert(topic);
        CHECK(light().stem_word(stem) == stem);
        REQUIRE(row[3].starts_with("# "));
        for (std::string_view word : split_trimmed(row[3].substr(2), ' ')) {
            if (word.ends_with("،")) word.remove_suffix(std::string_view("،").size());
            CAPTURE(word);
            CHECK(light().stem_word(word) == stem);
        }
    }
    CHECK(topics_with_cues == ids);
}

TEST_CASE("inference picks the topic of short news texts") {
    const std::vector<TextCase> table = {
        {"صوّت مجلس النواب بالأغلبية على مشروع قانون الانتخابات الجديد، وأعلنت أحزاب المعارضة رفضها "
         "للتعديلات الدستورية التي قدمتها الحكومة.", "politics"},
        {"ارتفعت أسعار الذهب في الأسواق المحلية، وقرر البنك المركزي تثبيت أسعار الفائدة بعد تراجع "
         "معدل التضخم وتحسن الصادرات.", "economy"},
        {"ألقت الشرطة القبض على متهمين بسرقة محل مجوهرات، وأحالتهم النيابة العامة إلى المحاكمة بعد "
         "ضبط المسروقات.", "security"},
        {"لقي سائق مصرعه وأصيب ثلاثة ركاب في حادث تصادم بين شاحنة وسيارة أجرة على الطريق السريع، "
         "وتدخلت دوريات المرور لتنظيم حركة السير.", "traffic"},
        {"فاز المنتخب الوطني على ضيفه بهدفين دون رد في المباراة التي أقيمت على الملعب الأولمبي، "
         "وأشاد المدرب بأداء اللاعبين.", "sports"},
        {"أعلنت وزارة الصحة بدء حملة تطعيم ضد الحصبة، ودعت الأطباء إلى الإبلاغ عن أي حالات عدوى "
         "تصل إلى المستشفيات.", "health"},
        {"افتتح مهرجان السينما العربية دورته الجديدة بعرض فيلم لمخرج شاب، ويشارك في المسابقة "
         "ممثلون وفنانون من عشر دول.", "culture"},
        {"أطلقت الشركة هاتفا ذكيا جديدا يعمل بتقنيات الذكاء الاصطناعي، مع تطبيقات تحمي بيانات "
         "المستخدمين على الإنترنت.", "technology"},
        {"امتلأت المساجد بالمصلين في صلاة التراويح خلال شهر رمضان، وأعلنت دار الإفتاء موعد إخراج "
         "زكاة الفطر.", "religion"},
        {"انطلقت امتحانات الثانوية العامة وسط إجراءات مشددة، ووزعت وزارة التربية والتعليم الأسئلة "
         "على المدارس، ودعا المعلمون الطلاب إلى الهدوء.", "education"},
        {"نظمت جمعية خيرية حملة لمساعدة الأسر الفقيرة والأطفال، وشارك متطوعون في توزيع المساعدات "
         "على النساء والمسنين.", "society"},
        {"عقد مجلس الأمن جلسة طارئة لبحث الأزمة، ودعا الأمين العام للأمم المتحدة إلى هدنة ووقف "
         "الغارات، بينما تواصلت المفاوضات بين الوفود في جنيف.", "international"},
    };
    std::set<std::string> covered;
    for (const TextCase& c : table) {
        CAPTURE(c.text);
        const TopicTaxonomy::Inference inference = taxonomy().infer(stems_of(c.text));
        REQUIRE(inference.topic != nullptr);
        CHECK(inference.topic->id == c.id);
        CHECK(inference.score >= TopicTaxonomy::kMinScore);
        CHECK(inference.margin > 0);
        covered.insert(c.id);
    }
    CHECK(covered.size() == taxonomy().topics().size());
}

TEST_CASE("texts without topical evidence get no topic") {
    for (const char* text : {"قال إنه سيعود غدا إلى البيت بعد أن ينتهي من عمله.", "في من على إلى التي", "",
                             "123 456", "رياضة"}) {
        CAPTURE(text);
        const TopicTaxonomy::Inference inference = taxonomy().infer(stems_of(text));
        CHECK(inference.topic == nullptr);
        CHECK(inference.score < TopicTaxonomy::kMinScore);
    }
    const TopicTaxonomy::Inference none = taxonomy().infer({});
    CHECK(none.topic == nullptr);
    CHECK(none.score == 0);
    CHECK(none.margin == 0);
}

TEST_CASE("scores add weight * (1 + ln tf) per distinct stem, ties go to the earlier topic") {
    const TopicTaxonomy t(kTwoTopics, "alpha\tx\t2\nbeta\ty\t3\nbeta\tx\t0.5\nalpha\tz\t4\n");
    const auto a = t.infer({"x", "y", "y", "", "unknown"});
    REQUIRE(a.topic != nullptr);
    CHECK(a.topic->id == "beta");
    const double beta = 3 * (1 + std::log(2.0)) + 0.5;
    CHECK(a.score == doctest::Approx(beta));
    CHECK(a.margin == doctest::Approx(beta - 2));

    const auto sum = t.infer({"z", "y", "x"});  // alpha 2 + 4 = 6, beta 3 + 0.5 = 3.5
    REQUIRE(sum.topic != nullptr);
    CHECK(sum.topic->id == "alpha");

    const TopicTaxonomy even(kTwoTopics, "alpha\tx\t4\nbeta\ty\t4\n");
    const auto equal = even.infer({"y", "x"});
    REQUIRE(equal.topic != nullptr);
    CHECK(equal.topic->id == "alpha");
    CHECK(equal.margin == 0);

    const auto weak = t.infer({"y"});  // 3 < kMinScore
    CHECK(weak.topic == nullptr);
    CHECK(weak.score == doctest::Approx(3));
}

}  // TEST_SUITE
