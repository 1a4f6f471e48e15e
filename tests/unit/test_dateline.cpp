// Datelines: the place at the start of a body ("بيروت (رويترز) -") or of a byline
// ("القاهرة - أحمد الريدي"), resolved in the built-in gazetteer and never guessed.

#include <doctest/doctest.h>

#include "knowledge/dateline.hpp"
#include "knowledge/gazetteer.hpp"

#include <random>
#include <string>
#include <vector>

using rasd::detail::find_body_dateline;
using rasd::detail::find_byline_dateline;
using rasd::detail::find_dateline_place;
using rasd::detail::Gazetteer;

namespace {

// The place id found, or "" for none.
std::string body_place(const std::string& body) {
    return find_body_dateline(body, Gazetteer::builtin()).value_or("");
}

std::string byline_place(const std::string& byline) {
    return find_byline_dateline(byline, Gazetteer::builtin()).value_or("");
}

std::string place(const std::string& byline, const std::string& body) {
    return find_dateline_place(byline, body, Gazetteer::builtin()).value_or("");
}

struct DatelineCase {
    std::string text;
    std::string id;  // "" when no dateline may be found
};

void check_bodies(const std::vector<DatelineCase>& table) {
    for (const DatelineCase& c : table) {
        INFO(c.text);
        CHECK(body_place(c.text) == c.id);
    }
}

void check_bylines(const std::vector<DatelineCase>& table) {
    for (const DatelineCase& c : table) {
        INFO(c.text);
        CHECK(byline_place(c.text) == c.id);
    }
}

}  // namespace

TEST_SUITE("dateline") {

TEST_CASE("byline: PLACE - reporter") {
    check_bylines({
        {"القاهرة - أحمد الريدي", "eg-cairo"},
        {"أبوظبي - سكاي نيوز عربية", "ae-abu-dhabi"},
        {"لوس أنجلوس - رويترز", "us-los-angeles"},
        {"اليمن- إسلام سيف", "ye"},
        {"القاهرة- أحمد الريدي", "eg-cairo"},
        {"القاهرة – خالد حسني", "eg-cairo"},
        {"  الرياض — عماد الحكمي", "sa-riyadh"},
    });
}

TEST_CASE("byline: tatweel used as a dash") {
    check_bylines({
        {"دبي ـ العربية.نت", "ae-dubai"},
        {"دبيـ العربية.نت", "ae-dubai"},
        {"دبي ـــ العربية.نت", "ae-dubai"},
    });
}

TEST_CASE("byline: a parenthesized qualifier after the place") {
    check_bylines({
        {"رام الله (الضفة الغربية) - وكالات", "ps-west-bank-ramallah"},
        {"غزة (الأراضي الفلسطينية) - أ ف ب", "ps-gaza-strip-gaza"},
    });
}

TEST_CASE("byline: no dateline") {
    check_bylines({
        {"", ""},
        {"أحمد الريدي", ""},                 // a reporter only
        {"القاهرة", ""},                     // a place with nothing after it
        {"العربية.نت - عماد البليك", ""},    // a source, not a place
        {"هاني الصفيان - الرياض", ""},      // the place after the dash
        {"فرانس 24", ""},
        {"كان (جنوب فرنسا) - سعد المسعودي", ""},  // كان (Cannes) is not listed: a common verb
    });
}

TEST_CASE("body: PLACE (AGENCY) - with each dash") {
    check_bodies({
        {"بيروت (رويترز) - قال مسؤولون إن ...", "lb-beirut"},
        {"القاهرة (أ ف ب) – أعلنت وزارة الصحة ...", "eg-cairo"},
        {"القاهرة (أ ش أ) — أعلنت ...", "eg-cairo"},
        {"القاهرة(أ ف ب)-أعلنت ...", "eg-cairo"},
        {"شرم الشيخ (أ ش أ) - افتتح ...", "eg-south-sinai-sharm-el-sheikh"},
        {"ريو دي جانيرو (رويترز) - ...", "br-rio-de-janeiro"},
        {"عمّان (رويترز) - ...", "jo-amman"},
        {"CAIRO (Reuters) - Egypt said ...", "eg-cairo"},
        {"الدوحة (قنا) - ...", "qa-doha"},
    });
}

TEST_CASE("body: PLACE - and PLACE:") {
    check_bodies({
        {"الإسكندرية - شهدت المدينة ...", "eg-alexandria"},
        {"الدار البيضاء - ...", "ma-casablanca"},
        {"لاس فيغاس: افتتح معرض ...", "us-las-vegas"},
        {"سان فرانسيسكو: ...", "us-san-francisco"},
        {"القاهرة ـ أعلنت ...", "eg-cairo"},
        {"القاهرةـــ أعلنت ...", "eg-cairo"},
        {"القاهرة −- أعلنت ...", "eg-cairo"},
    });
}

TEST_CASE("body: diacritics and tatweel elongation inside the name") {
    check_bodies({
        {"الْقَاهِرَة - أعلنت ...", "eg-cairo"},
        {"القاهـــرة - أعلنت ...", "eg-cairo"},
        {"بَيْرُوت (رويترز) - ...", "lb-beirut"},
    });
}

TEST_CASE("body: invisible characters and spaces before the dateline") {
    check_bodies({
        {"\xEF\xBB\xBF" "بيروت (رويترز) - ...", "lb-beirut"},       // BOM
        {"\xE2\x80\x8F" "بيروت (رويترز) - ...", "lb-beirut"},       // RLM
        {"\n\t \xC2\xA0" "بيروت\xC2\xA0(رويترز) - ...", "lb-beirut"},  // NBSP
    });
}

TEST_CASE("body: (PLACE) at the start") {
    check_bodies({
        {"(صبيا) أكد محافظ صبيا ...", "sa-jazan-sabya"},
        {"(صبيا) - أكد ...", "sa-jazan-sabya"},
        {"(شرم الشيخ) ...", "eg-south-sinai-sharm-el-sheikh"},
        {"(قنا) - أعلنت ...", ""},          // Qatar News Agency, not the city of Qena
        {"(CNN)-- أعلن ...", ""},
        {"(رويترز) - ...", ""},
        {"(صبيا", ""},                      // no closing paren
        {"(الرئيس المصري عبد الفتاح السيسي) ...", ""},
    });
}

TEST_CASE("body: PLACE، COUNTRY (AGENCY)") {
    check_bodies({
        {"دبي، الإمارات العربية المتحدة (CNN)-- أعلنت ...", "ae-dubai"},
        {"دبي، الإمارات العربية المتحدة\xC2\xA0(CNN)--", "ae-dubai"},
        {"أتلانتا، الولايات المتحدة الأمريكية (CNN)-- ...", "us-atlanta"},
        {"الرياض، المملكة العربية السعودية (CNN)-- ...", "sa-riyadh"},
        {"سيؤول، كوريا الجنوبية (CNN)-- ...", "kr-seoul"},
        {"طرابلس، لبنان (رويترز) - ...", "lb-tripoli"},
        {"طرابلس، ليبيا (رويترز) - ...", "ly-tripoli"},
        {"عمان، الأردن (CNN)-- ...", "jo-amman"},
        {"مصر، التي تستضيف القمة ...", ""},                // no qualifier then dash or paren
        {"دبي، الإمارت العربية المتحدة (CNN)-- ...", ""},  // a misspelt qualifier: not guessed
        {"القاهرة، قال المتحدث (...) ...", ""},
    });
}

TEST_CASE("shared names: طرابلس alone is Libyan, qualified it is Lebanese") {
    check_bodies({
        {"طرابلس (رويترز) - ...", "ly-tripoli"},
        {"طرابلس اللبنانية (رويترز) - ...", "lb-tripoli"},
        {"طرابلس لبنان - ...", "lb-tripoli"},
    });
}

TEST_CASE("body: no dateline") {
    check_bodies({
        {"", ""},
        {"   ", ""},
        {"قال الرئيس المصري إن الحكومة ستعلن ...", ""},
        {"أعلنت وزارة الصحة المصرية، اليوم، عن ...", ""},
        {"قال مسؤول في القاهرة (رويترز) - ...", ""},        // more than 3 words before the paren
        {"أعلن الاتحاد الدولي لكرة القدم (فيفا) ...", ""},
        {"قالت قناة (الجزيرة) ...", ""},
        {"في الصحف اليوم: ...", ""},
        {"في القاهرة - ...", ""},                          // a preposition: not a dateline
        {"بالقاهرة - ...", ""},
        {"أتلانتس (رويترز) - ...", ""},                    // not in the gazetteer
        {"القاهرة", ""},                                   // no dash, paren or colon
        {"القاهرة هي عاصمة مصر - ...", ""},
        {"الداخليـــة تعلن - ...", ""},                   // tatweel inside a word is no dash
        {"مصر-السودان: ...", ""},                          // a hyphen between letters joins
        {"- القاهرة - ...", ""},                           // starts with a dash
    });
}

TEST_CASE("only the first bytes are read") {
    const std::string filler(rasd::detail::kDatelineWindowBytes, ' ');
    CHECK(body_place(filler + "القاهرة - ...") == "");
    CHECK(body_place(std::string(100, ' ') + "القاهرة - ...") == "eg-cairo");
    // A dash that falls after the window does not count, even in the middle of a letter.
    std::string padded = std::string(rasd::detail::kDatelineWindowBytes - 15, ' ') + "القاهرة - ...";
    CHECK(body_place(padded) == "");
}

TEST_CASE("the body's dateline wins over the byline's") {
    CHECK(place("دبي - العربية.نت", "بيروت (رويترز) - قال ...") == "lb-beirut");
    CHECK(place("القاهرة - أحمد الريدي", "أعلنت الفنانة ...") == "eg-cairo");
    CHECK(place("", "بيروت (رويترز) - قال ...") == "lb-beirut");
    CHECK(place("أحمد الريدي", "أعلنت الفنانة ...") == "");
    CHECK(place("", "") == "");
}

TEST_CASE("random bytes never throw") {
    std::mt19937 random(20240601);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 200);
    const std::vector<std::string> pieces = {"القاهرة", " ", "-", "(", ")", "،", ":", "ـ", "\xd8",
                                             "رويترز", "دبي", "\xE2\x80\x94"};
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        const int n = length(random);
        for (int j = 0; j < n; ++j) {
            if (j % 3 == 0) {
                text += pieces[piece(random)];
            } else {
                text.push_back(static_cast<char>(byte(random)));
            }
        }
        CHECK_NOTHROW((void)find_dateline_place(text, text, Gazetteer::builtin()));
    }
}

}  // TEST_SUITE
