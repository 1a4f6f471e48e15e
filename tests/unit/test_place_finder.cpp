// PlaceFinder: which places a story is about, on sentences written the way Arabic news writes
// them. A small gazetteer of its own keeps each rule's case independent of the data file.

#include "knowledge/gazetteer.hpp"
#include "knowledge/place_finder.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using rasd::detail::FoundPlaces;
using rasd::detail::Gazetteer;
using rasd::PlaceEvidence;
using rasd::detail::PlaceFinder;

const char* const kTestGazetteer =
    "eg\t\tcountry\tمصر\tEgypt\t\tمصري\n"
    "eg-cairo\teg\tgovernorate\tالقاهرة\tCairo\n"
    "eg-giza\teg\tgovernorate\tالجيزة\tGiza\n"
    "ae\t\tcountry\tالإمارات\tUnited Arab Emirates\tالإمارات العربية المتحدة\tإماراتي\n"
    "ae-abu-dhabi\tae\tcity\tأبوظبي\tAbu Dhabi\tأبو ظبي\n"
    "ae-dubai\tae\tcity\tدبي\tDubai\n"
    "lb\t\tcountry\tلبنان\tLebanon\t\tلبناني\n"
    "lb-beirut\tlb\tcity\tبيروت\tBeirut\n"
    "lb-tyre\tlb\tcity\tصور\tTyre\t\t\tcontext\n"
    "sy\t\tcountry\tسوريا\tSyria\tسورية\tسوري\n"
    "ir\t\tcountry\tإيران\tIran\t\tإيراني\n"
    "us\t\tcountry\tالولايات المتحدة\tUnited States\tأمريكا|أميركا\tأمريكي|أميركي\n"
    "us-white-house\tus\tlandmark\tالبيت الأبيض\tWhite House\n"
    "il\t\tcountry\tإسرائيل\tIsrael\t\tإسرائيلي\n"
    "fr\t\tcountry\tفرنسا\tFrance\t\tفرنسي\n"
    "jo\t\tcountry\tالأردن\tJordan\t\tأردني\n"
    "jo-amman\tjo\tcity\tعمان\tAmman\tعمّان\t\tcontext\n"
    "om\t\tcountry\tسلطنة عمان\tOman\t\tعماني\n"
    "tn\t\tcountry\tتونس\tTunisia\t\tتونسي\n";

const Gazetteer& test_gazetteer() {
    static const Gazetteer gazetteer(kTestGazetteer);
    return gazetteer;
}

struct Story {
    const char* name;
    const char* title;
    const char* byline;
    const char* body;
    const char* source;
    const char* place_field;
    std::vector<std::string> countries;  // expected, strongest first
    const char* primary;                 // expected primary place id, "" for none
    const char* section = "";            // the source's section label (Article::topic)
};

FoundPlaces find_places(const Story& story) {
    static rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    rasd::Article article;
    article.title = story.title;
    article.author = story.byline;
    article.body = story.body;
    article.source = story.source;
    article.place = story.place_field;
    const auto title = analyzer.analyze(article.title);
    const auto body = analyzer.analyze(article.body);
    const PlaceFinder finder(test_gazetteer());
    const rasd::detail::Topic* filed_under = rasd::detail::TopicTaxonomy::builtin().resolve(story.section);
    return finder.find(rasd::detail::place_finder_input(article, title, body, filed_under));
}

std::vector<std::string> countries_of(const FoundPlaces& found) {
    std::vector<std::string> out;
    for (const auto& place : found.places) {
        if (place.place->kind == "country") out.push_back(place.place->id);
    }
    return out;
}

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

// Filler that names no place, so that a mention after it stands deep in the body.
std::string filler(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i) out += "وقال المتحدث إن الاجتماع تناول عددا من الملفات المطروحة للنقاش. ";
    return out;
}

}  // namespace

TEST_CASE("place finder: office datelines, reporters' datelines, names and adjectives") {
    const std::string deep_france = filler(20) + "وكانت فرنسا قد أعلنت موقفها.";
    const std::vector<Story> table = {
        {"office byline ignored; the story's countries from title and lede",
         "ترامب يهدد إيران بعقوبات جديدة", "أبوظبي - سكاي نيوز عربية",
         "قال الرئيس الأمريكي دونالد ترامب إن إيران ستواجه عقوبات أمريكية.", "skynews", "", {"ir", "us"}, "ir"},
        {"the source's own desk counts for nothing, even in a story about its country",
         "الإمارات تطلق مسبارا إلى المريخ", "أبوظبي - سكاي نيوز عربية",
         "أعلنت الإمارات إطلاق المسبار.", "skynews", "", {"ae"}, "ae"},
        {"a story from another city of the desk's country is in that city",
         "دبي تدشن أول تاكسي ذاتي القيادة", "أبوظبي - سكاي نيوز عربية",
         "دشنت هيئة الطرق في دبي أول سيارة أجرة ذاتية القيادة في الإمارات.", "skynews", "", {"ae"}, "ae-dubai"},
        {"a bureau confirmed by the text names its city", "مصر ترفع أسعار الوقود",
         "القاهرة - العربية.نت", "أعلنت الحكومة المصرية رفع أسعار الوقود.", "alarabia", "", {"eg"}, "eg-cairo"},
        {"a bureau the text does not confirm counts for nothing", "ترامب يهدد إيران بعقوبات جديدة",
         "القاهرة - العربية.نت", "قال الرئيس الأمريكي دونالد ترامب إن إيران ستواجه عقوبات أمريكية.", "alarabia", "",
         {"ir", "us"}, "ir"},
        {"CNN's desk line is an office", "الخارجية السورية تدين الغارات", "",
         "دبي، الإمارات العربية المتحدة (CNN)-- أدانت وزارة الخارجية السورية الغارات.", "CNN", "",
         {"sy"}, "sy"},
        {"a reporter's dateline counts", "شيرين تفاجئ جمهورها", "القاهرة - أحمد الريدي",
         "فاجأت الفنانة جمهورها بأغنية جديدة.", "alarabia", "", {"eg"}, "eg-cairo"},
        {"an agency's dateline in the body counts", "انتخابات بلدية", "",
         "بيروت (رويترز) - بدأ الناخبون الإدلاء بأصواتهم صباح الأحد.", "", "", {"lb"}, "lb-beirut"},
        {"clitics: وبالقاهرة، لإيران، ولبنان", "الوفد وبالقاهرة يلتقي الرئيس ثم يتوجه لإيران ولبنان", "",
         "وصل الوفد صباح اليوم.", "", "", {"eg", "ir", "lb"}, "eg-cairo"},
        {"nationality adjectives in every form", "الجيش السوري يتقدم", "",
         "قالت مصادر سورية إن السوريين عادوا، وأكد مسؤولون إيرانيون ذلك للوكالة الإيرانية.", "", "",
         {"sy", "ir"}, "sy"},
        {"one lede mention alone is not enough", "ارتفاع أسعار النفط", "",
         "قال مسؤول إيراني إن الأسعار سترتفع.", "", "", {}, ""},
        {"an indefinite nisba opening a title is a name", "كوبي براينت يفوز بجائزة", "",
         "فاز اللاعب بالجائزة.", "", "", {}, ""},
        {"الأميركي and الأمريكي both name the United States", "البيت الأبيض يرد", "",
         "قال مسؤول أميركي إن الموقف الأمريكي ثابت.", "", "", {"us"}, "us"},
        {"a nisba after a given name is a family name", "محمد المصري يفوز بجائزة الرواية", "",
         "فاز الكاتب بالجائزة في حفل أقيم مساء الخميس.", "", "", {}, ""},
        {"صور is 'pictures' without a cue", "شاهد في صور: حفل زفاف أسطوري", "",
         "نشر المصور صورا من الحفل.", "", "", {}, ""},
        {"مدينة صور is Tyre", "غارة قرب مدينة صور", "", "استهدفت غارة مدينة صور فجر اليوم.", "", "",
         {"lb"}, "lb-tyre"},
        {"صور اللبنانية is Tyre", "مهرجان في صور اللبنانية", "", "افتتح المهرجان مساء أمس.", "", "",
         {"lb"}, "lb-tyre"},
        {"سلطنة عمان is Oman", "سلطنة عمان تستضيف المحادثات", "", "تستضيف مسقط جولة جديدة.", "", "",
         {"om"}, "om"},
        {"العاصمة الأردنية عمان is Amman", "مؤتمر في العاصمة الأردنية عمان", "",
         "افتتح المؤتمر صباح اليوم.", "", "", {"jo"}, "jo-amman"},
        {"عُمان with a damma is Oman", "عُمان توقع اتفاقية للغاز", "", "وقعت الحكومة الاتفاقية.", "", "",
         {"om"}, "om"},
        {"bare عمان in running text is left alone", "عمان تتصدر", "", "تصدرت القائمة هذا العام.", "", "",
         {}, ""},
        {"a passing mention deep in the body is background", "ارتفاع أسعار الذهب", "", deep_france.c_str(),
         "", "", {}, ""},
        {"a story about two countries gets both", "ترسيم الحدود البرية بين لبنان وإسرائيل", "",
         "قالت مصادر إن المفاوضات تقترب من الحل.", "", "", {"lb", "il"}, "lb"},
        {"the place field wins", "افتتاح مدرسة", "أبوظبي - سكاي نيوز عربية", "افتتحت الوزارة مدرسة في بيروت.",
         "", "الجيزة", {"eg"}, "eg-giza"},
        {"a local radio's story with no place is in its country", "ارتفاع أسعار الخضر", "",
         "شهدت الأسواق ارتفاعا في أسعار الخضر.", "Jawhara FM", "", {"tn"}, "tn"},
        {"filed as local news it is in the country too", "ارتفاع أسعار الخضر", "",
         "شهدت الأسواق ارتفاعا في أسعار الخضر.", "Jawhara FM", "", {"tn"}, "tn", "localNews"},
        {"a local radio's world news with no place is not in its country", "ماكرون يعلن تشكيلة حكومته", "",
         "أعلن الرئيس تشكيلة الحكومة الجديدة.", "Jawhara FM", "", {}, "", "internationalNews"},
        {"a local radio's world news names its own places", "أسعار النفط ترتفع في بيروت", "",
         "ارتفعت الأسعار في بيروت.", "Jawhara FM", "", {"lb"}, "lb-beirut", "internationalNews"},
    };
    for (const Story& story : table) {
        const std::string name = story.name;
        CAPTURE(name);
        const FoundPlaces found = find_places(story);
        CHECK(joined(countries_of(found)) == joined(story.countries));
        CHECK((found.primary == nullptr ? std::string() : found.primary->id) == std::string(story.primary));
    }
}

TEST_CASE("place finder: evidence names where each place was found") {
    const FoundPlaces found = find_places({"", "مصر ترفع أسعار الوقود", "القاهرة - العربية.نت",
                                           "أعلنت الحكومة رفع الأسعار.", "alarabia", "", {}, ""});
    REQUIRE(found.places.size() == 2);
    CHECK(found.places[0].place->id == "eg");
    CHECK(found.places[0].evidence == PlaceEvidence::Dateline);
    CHECK(found.places[1].place->id == "eg-cairo");
    CHECK(found.places[1].evidence == PlaceEvidence::Dateline);
    CHECK(rasd::to_string(PlaceEvidence::Title) == "title");

    const FoundPlaces office = find_places({"", "ترامب يهدد إيران", "أبوظبي - سكاي نيوز عربية",
                                            "قال الرئيس إن إيران ستواجه عقوبات.", "skynews", "", {}, ""});
    CHECK(office.office_dateline_ignored);
    REQUIRE(office.places.size() == 1);
    CHECK(office.places[0].evidence == PlaceEvidence::Title);
}

TEST_CASE("outlet credits tell an office from a reporter or an agency") {
    struct Case { const char* credit; bool office; };
    const std::vector<Case> table = {
        {"- سكاي نيوز عربية", true}, {" - العربية.نت", true}, {" ـ العربية نت", true},
        {" (CNN)-- أعلنت", true}, {": «الشرق الأوسط»", true}, {" - فرانس 24", true},
        {" - أحمد الريدي", false}, {" (رويترز) - قال", false}, {" (أ ف ب) -", false},
        {": نانسي فاخوري", false}, {" - CNNMoney", false},
    };
    for (const Case& c : table) {
        const std::string credit = c.credit;
        CAPTURE(credit);
        CHECK(rasd::detail::credits_an_outlet_office(c.credit) == c.office);
    }
}
