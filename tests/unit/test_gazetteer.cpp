// The gazetteer: the embedded TSV, resolution by any spelling, chains up to the country,
// "did you mean" suggestions, and the loader's errors.

#include <doctest/doctest.h>

#include "knowledge/gazetteer.hpp"

#include <rasd/error.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using rasd::detail::Gazetteer;
using rasd::detail::Place;

namespace {

const Gazetteer& builtin() { return Gazetteer::builtin(); }

// The id `name` resolves to, or "" if it does not.
std::string resolved_id(const std::string& name) {
    const Place* place = builtin().resolve(name);
    return place == nullptr ? "" : place->id;
}

// The ids of the chain of the place `name` resolves to.
std::vector<std::string> chain_ids(const std::string& name) {
    std::vector<std::string> ids;
    const Place* place = builtin().resolve(name);
    if (place == nullptr) return ids;
    for (const Place* link : builtin().chain(*place)) ids.push_back(link->id);
    return ids;
}

// The DataError message loading `tsv` raises, or "" if it loads.
std::string load_error(const std::string& tsv) {
    try {
        const Gazetteer gazetteer(tsv);
    } catch (const rasd::DataError& error) {
        return error.what();
    }
    return "";
}

struct NameCase {
    std::string name;
    std::string id;
};

struct ChainCase {
    std::string name;
    std::vector<std::string> ids;
};

struct CountryCase {
    std::string id;
    std::string arabic;
    std::string english;
};

struct ErrorCase {
    std::string what;
    std::string tsv;
    std::string message;
};

// Two valid rows the error cases build on (lines 2 and 3, after a comment).
const std::string kPreamble =
    "# test\n"
    "eg\t\tcountry\tمصر\tEgypt\tMisr\n"
    "eg-cairo\teg\tgovernorate\tالقاهرة\tCairo\tAl-Qahira\n";

}  // namespace

TEST_SUITE("gazetteer") {

TEST_CASE("the embedded TSV loads with no error") {
    const Gazetteer* gazetteer = nullptr;
    CHECK_NOTHROW(gazetteer = &Gazetteer::builtin());
    REQUIRE(gazetteer != nullptr);
    CHECK(gazetteer->size() >= 350);
    CHECK(&Gazetteer::builtin() == gazetteer);  // parsed once
    CHECK(gazetteer->size() == gazetteer->places().size());
}

TEST_CASE("every spelling of every place resolves to that place, so no spelling is shared") {
    std::size_t spellings = 0;
    for (const Place& place : builtin().places()) {
        std::vector<std::string> names = {place.arabic, place.english};
        names.insert(names.end(), place.variants.begin(), place.variants.end());
        for (const std::string& name : names) {
            ++spellings;
            INFO(place.id << ": " << name);
            CHECK(builtin().resolve(name) == &place);
            CHECK(builtin().resolve_exact(name) == &place);
        }
    }
    CHECK(spellings > 2 * builtin().size());
}

TEST_CASE("every place has a slug id and a chain that ends at a country") {
    const std::set<std::string> kinds = {"country", "governorate", "city", "district", "region",
                                         "landmark"};
    for (const Place& place : builtin().places()) {
        INFO(place.id);
        CHECK(kinds.contains(place.kind));
        CHECK(std::all_of(place.id.begin(), place.id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }));
        CHECK(builtin().find(place.id) == &place);
        const std::vector<const Place*> chain = builtin().chain(place);
        REQUIRE(!chain.empty());
        CHECK(chain.front() == &place);
        CHECK(chain.back()->kind == "country");
        CHECK(chain.back()->parent_id.empty());
    }
}

TEST_CASE("spellings of Cairo: folded, English in any case, with ال/بال/في/محافظة") {
    const std::vector<std::string> names = {
        "القاهرة", "القاهره", "القاهرة الكبرى", "Cairo", "cairo", "CAIRO", "Al-Qahira", "al qahira",
        "بالقاهرة", "في القاهرة", "محافظة القاهرة", "الْقَاهِرَة", "القاهـــرة", "  القاهرة  ",
        "«القاهرة»", "للقاهرة", "والقاهرة", "بمحافظة القاهرة", "وفي محافظة القاهرة", "in Cairo",
        "Cairo Governorate",
    };
    for (const std::string& name : names) {
        INFO(name);
        CHECK(resolved_id(name) == "eg-cairo");
    }
}

TEST_CASE("prefixes are tolerated by resolve() but not by resolve_exact()") {
    CHECK(builtin().resolve_exact("القاهرة") != nullptr);
    CHECK(builtin().resolve_exact("بالقاهرة") == nullptr);
    CHECK(builtin().resolve_exact("في القاهرة") == nullptr);
    CHECK(builtin().resolve_exact("محافظة القاهرة") == nullptr);
    CHECK(resolved_id("مدينة العريش") == "eg-north-sinai-arish");
    CHECK(resolved_id("ولاية صفاقس") == "tn-sfax");
    CHECK(resolved_id("إمارة دبي") == "ae-dubai");
    CHECK(resolved_id("منطقة جازان") == "sa-jazan");
    CHECK(resolved_id("حي الزمالك") == "eg-cairo-zamalek");
    CHECK(resolved_id("ببيروت") == "lb-beirut");
    CHECK(resolved_id("لمصر") == "eg");
    CHECK(resolved_id("إسكندرية") == "eg-alexandria");  // the missing ال is supplied
}

TEST_CASE("a listed name wins over a rewrite of it") {
    // مدينة نصر is a district, not the word مدينة before an unknown "نصر".
    CHECK(resolved_id("مدينة نصر") == "eg-cairo-nasr-city");
    CHECK(resolved_id("بنها") == "eg-qalyubia-banha");  // not ب + نها
    CHECK(resolved_id("وهران") == "dz-oran");           // not و + هران
    CHECK(resolved_id("لندن") == "gb-london");          // not ل + ندن
    CHECK(resolved_id("مدينة الكويت") == "kw-kuwait-city");  // not "الكويت" the country
}

TEST_CASE("variants table") {
    const std::vector<NameCase> table = {
        {"الاسكندرية", "eg-alexandria"}, {"Alexandria", "eg-alexandria"},
        {"أبو ظبي", "ae-abu-dhabi"}, {"أبوظبي", "ae-abu-dhabi"}, {"abu dhabi", "ae-abu-dhabi"},
        {"بور سعيد", "eg-port-said"}, {"بورسعيد", "eg-port-said"},
        {"مدينة 6 أكتوبر", "eg-giza-6th-of-october"}, {"السادس من أكتوبر", "eg-giza-6th-of-october"},
        {"٦ أكتوبر", "eg-giza-6th-of-october"},
        {"Sharm el-Sheikh", "eg-south-sinai-sharm-el-sheikh"},
        {"جيزان", "sa-jazan"}, {"Sana'a", "ye-sanaa"}, {"sanaa", "ye-sanaa"},
        {"سيؤول", "kr-seoul"}, {"سيئول", "kr-seoul"}, {"Washington, D.C.", "us-washington"},
        {"St. Petersburg", "ru-saint-petersburg"}, {"Genève", "ch-geneva"},
        {"الولايات المتحدة الأمريكية", "us"}, {"الولايات المتحدة الامريكية", "us"},
        {"عمّان", "jo-amman"}, {"New York", "us-new-york"},
        {"Istanbul", "tr-istanbul"}, {"اسطنبول", "tr-istanbul"}, {"لاس فيغاس", "us-las-vegas"},
    };
    for (const NameCase& c : table) {
        INFO(c.name);
        CHECK(resolved_id(c.name) == c.id);
    }
}

TEST_CASE("shared names: طرابلس is Libyan unless qualified as Lebanese") {
    CHECK(resolved_id("طرابلس") == "ly-tripoli");
    CHECK(resolved_id("Tripoli") == "ly-tripoli");
    CHECK(resolved_id("طرابلس الليبية") == "ly-tripoli");
    CHECK(resolved_id("طرابلس لبنان") == "lb-tripoli");
    CHECK(resolved_id("طرابلس اللبنانية") == "lb-tripoli");
    CHECK(resolved_id("طرابلس الشام") == "lb-tripoli");
    CHECK(resolved_id("طرابلس (لبنان)") == "lb-tripoli");
    CHECK(resolved_id("Tripoli, Lebanon") == "lb-tripoli");
    CHECK(chain_ids("طرابلس لبنان") == std::vector<std::string>{"lb-tripoli", "lb"});
    CHECK(chain_ids("طرابلس") == std::vector<std::string>{"ly-tripoli", "ly"});
}

TEST_CASE("shared names: عمان is Amman, Oman is سلطنة عمان") {
    CHECK(resolved_id("عمان") == "jo-amman");
    CHECK(resolved_id("سلطنة عمان") == "om");
    CHECK(resolved_id("سلطنة عُمان") == "om");
    CHECK(resolved_id("Oman") == "om");
}

TEST_CASE("shared names: a capital named like its country is the country when bare") {
    const std::vector<NameCase> table = {
        {"الكويت", "kw"}, {"مدينة الكويت", "kw-kuwait-city"}, {"Kuwait City", "kw-kuwait-city"},
        {"تونس", "tn"}, {"تونس العاصمة", "tn-tunis"}, {"Tunis", "tn-tunis"},
        {"الجزائر", "dz"}, {"الجزائر العاصمة", "dz-algiers"}, {"Algiers", "dz-algiers"},
        {"جيبوتي", "dj"}, {"مدينة جيبوتي", "dj-djibouti"},
        {"رفح", "eg-north-sinai-rafah"}, {"رفح الفلسطينية", "ps-gaza-strip-rafah"},
    };
    for (const NameCase& c : table) {
        INFO(c.name);
        CHECK(resolved_id(c.name) == c.id);
    }
    CHECK(builtin().find("kw-kuwait-city")->parent_id == "kw");
}

TEST_CASE("chains up to the country") {
    const std::vector<ChainCase> table = {
        {"دار السلام", {"eg-cairo-dar-el-salam", "eg-cairo", "eg"}},
        {"مدينة نصر", {"eg-cairo-nasr-city", "eg-cairo", "eg"}},
        {"التجمع الخامس", {"eg-cairo-fifth-settlement", "eg-cairo-new-cairo", "eg-cairo", "eg"}},
        {"العريش", {"eg-north-sinai-arish", "eg-north-sinai", "eg-sinai", "eg"}},  // Sinai holds both its governorates
        {"صبيا", {"sa-jazan-sabya", "sa-jazan", "sa"}},
        {"دمنهور", {"eg-beheira-damanhur", "eg-beheira", "eg"}},
        {"محافظة البحيرة", {"eg-beheira", "eg"}},
        {"6 أكتوبر", {"eg-giza-6th-of-october", "eg-giza", "eg"}},
        {"سيدي جابر", {"eg-alexandria-sidi-gaber", "eg-alexandria", "eg"}},
        {"كوم أمبو", {"eg-aswan-kom-ombo", "eg-aswan", "eg"}},
        {"رام الله", {"ps-west-bank-ramallah", "ps-west-bank", "ps"}},
        {"أربيل", {"iq-kurdistan-erbil", "iq-kurdistan", "iq"}},
        {"Geneva", {"ch-geneva", "ch"}},
        {"مصر", {"eg"}},
    };
    for (const ChainCase& c : table) {
        INFO(c.name);
        CHECK(chain_ids(c.name) == c.ids);
    }
}

TEST_CASE("every Arab League country resolves by its Arabic and its English name") {
    const std::vector<CountryCase> table = {
        {"eg", "مصر", "Egypt"},         {"sa", "السعودية", "Saudi Arabia"},
        {"ae", "الإمارات", "United Arab Emirates"}, {"kw", "الكويت", "Kuwait"},
        {"qa", "قطر", "Qatar"},         {"bh", "البحرين", "Bahrain"},
        {"om", "سلطنة عمان", "Oman"},    {"ye", "اليمن", "Yemen"},
        {"iq", "العراق", "Iraq"},        {"sy", "سوريا", "Syria"},
        {"lb", "لبنان", "Lebanon"},      {"jo", "الأردن", "Jordan"},
        {"ps", "فلسطين", "Palestine"},   {"sd", "السودان", "Sudan"},
        {"ly", "ليبيا", "Libya"},        {"tn", "تونس", "Tunisia"},
        {"dz", "الجزائر", "Algeria"},    {"ma", "المغرب", "Morocco"},
        {"mr", "موريتانيا", "Mauritania"}, {"so", "الصومال", "Somalia"},
        {"dj", "جيبوتي", "Djibouti"},    {"km", "جزر القمر", "Comoros"},
    };
    REQUIRE(table.size() == 22);
    for (const CountryCase& c : table) {
        INFO(c.id);
        CHECK(resolved_id(c.arabic) == c.id);
        CHECK(resolved_id(c.english) == c.id);
        CHECK(builtin().find(c.id)->kind == "country");
        // and its capital is listed under it
        const auto& places = builtin().places();
        CHECK(std::any_of(places.begin(), places.end(), [&](const Place& p) {
            return p.parent_id == c.id && (p.kind == "city" || p.kind == "governorate");
        }));
    }
}

TEST_CASE("Egypt has its 27 governorates") {
    std::size_t governorates = 0;
    for (const Place& place : builtin().places()) {
        if (place.kind == "governorate" && builtin().chain(place).back()->id == "eg") {
            // Egypt's, directly or through the Sinai region that holds North and South Sinai.
            CHECK((place.parent_id == "eg" || place.parent_id == "eg-sinai"));
            ++governorates;
        }
    }
    CHECK(governorates == 27);
    const std::vector<NameCase> capitals = {
        {"بنها", "eg-qalyubia"},        {"الزقازيق", "eg-sharqia"}, {"المنصورة", "eg-dakahlia"},
        {"طنطا", "eg-gharbia"},          {"شبين الكوم", "eg-menoufia"}, {"دمنهور", "eg-beheira"},
        {"العريش", "eg-north-sinai"},    {"الطور", "eg-south-sinai"}, {"الغردقة", "eg-red-sea"},
        {"الخارجة", "eg-new-valley"},    {"مرسى مطروح", "eg-matrouh"},
    };
    for (const NameCase& c : capitals) {
        INFO(c.name);
        const Place* place = builtin().resolve(c.name);
        REQUIRE(place != nullptr);
        CHECK(place->kind == "city");
        CHECK(place->parent_id == c.id);
    }
    CHECK(resolved_id("البحر الأحمر") == "");  // the sea is not the governorate
    CHECK(resolved_id("محافظة البحر الأحمر") == "eg-red-sea");
}

TEST_CASE("the listed Egyptian, Arab and dateline cities resolve") {
    const std::vector<std::string> names = {
        // Cairo and Giza
        "مدينة نصر", "دار السلام", "المعادي", "شبرا", "حلوان", "مصر الجديدة", "الزمالك", "وسط البلد",
        "عين شمس", "المطرية", "السيدة زينب", "المرج", "التجمع الخامس", "القاهرة الجديدة", "6 أكتوبر",
        "الشيخ زايد", "الهرم", "فيصل", "الدقي", "المهندسين", "إمبابة", "بولاق الدكرور", "العمرانية",
        // Alexandria, Upper Egypt, Sinai, Canal
        "سموحة", "المنتزه", "العجمي", "سيدي جابر", "أسوان", "الأقصر", "قنا", "سوهاج", "أسيوط", "المنيا",
        "بني سويف", "الفيوم", "إدفو", "كوم أمبو", "دراو", "العريش", "شرم الشيخ", "رفح", "الشيخ زويد",
        "الطور", "دهب", "بورسعيد", "الإسماعيلية", "السويس",
        // Gulf
        "دبي", "أبوظبي", "الشارقة", "جدة", "مكة", "المدينة المنورة", "الدمام", "الخبر", "صبيا", "جازان",
        "أبها", "المنامة", "الدوحة", "مسقط", "صلالة", "الكويت",
        // Levant
        "حلب", "حمص", "اللاذقية", "طرابلس", "طرابلس لبنان", "صيدا", "صور", "الزرقاء", "إربد", "العقبة",
        "غزة", "رام الله", "القدس", "نابلس", "الخليل",
        // Maghreb
        "الدار البيضاء", "فاس", "مراكش", "طنجة", "الرباط", "وهران", "قسنطينة", "صفاقس", "سوسة",
        "القيروان", "بنزرت", "نابل", "بنغازي", "مصراتة",
        // Iraq, Yemen, Sudan
        "البصرة", "الموصل", "أربيل", "النجف", "كربلاء", "عدن", "تعز", "الحديدة", "الخرطوم", "أم درمان",
        "بورتسودان",
        // foreign datelines
        "لاس فيغاس", "أتلانتا", "لوس أنجلوس", "دافوس", "سوتشي",
    };
    for (const std::string& name : names) {
        INFO(name);
        CHECK(builtin().resolve_exact(name) != nullptr);
    }
}

TEST_CASE("at least 40 world capitals, each under its country") {
    const std::vector<std::string> capitals = {
        "Washington", "London", "Paris", "Berlin", "Moscow", "Beijing", "Tokyo", "Ankara",
        "Tehran", "New Delhi", "Brussels", "Rome", "Madrid", "Bern", "Kyiv", "Warsaw", "Vienna",
        "Athens", "Lisbon", "Amsterdam", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Prague",
        "Budapest", "Bucharest", "Ottawa", "Mexico City", "Brasilia", "Buenos Aires", "Bogota",
        "Islamabad", "Kabul", "Jakarta", "Kuala Lumpur", "Manila", "Bangkok", "Seoul",
        "Pyongyang", "Canberra", "Pretoria", "Nairobi", "Addis Ababa", "Abuja", "Baku", "Astana",
    };
    CHECK(capitals.size() >= 40);
    for (const std::string& name : capitals) {
        INFO(name);
        const Place* place = builtin().resolve(name);
        REQUIRE(place != nullptr);
        CHECK(place->kind == "city");
        const Place* country = builtin().find(place->parent_id);
        REQUIRE(country != nullptr);
        CHECK(country->kind == "country");
    }
    CHECK(chain_ids("New York") == std::vector<std::string>{"us-new-york", "us"});
    CHECK(chain_ids("إسطنبول") == std::vector<std::string>{"tr-istanbul", "tr"});
    CHECK(chain_ids("جنيف") == std::vector<std::string>{"ch-geneva", "ch"});
}

TEST_CASE("unknown names give nullptr") {
    const std::vector<std::string> names = {
        "", "   ", "-", "أتلانتس", "Atlantis", "نصر", "قال الرئيس", "القاهرة القاهرة",
        "الرئيس المصري في القاهرة اليوم", "\xff\xfe", "البحر", "Cairoo",
        std::string(10000, 'a'),
    };
    for (const std::string& name : names) {
        INFO(name);
        CHECK(builtin().resolve(name) == nullptr);
        CHECK(builtin().resolve_exact(name) == nullptr);
    }
    CHECK(builtin().find("") == nullptr);
    CHECK(builtin().find("nowhere") == nullptr);
    CHECK(builtin().find("EG") == nullptr);  // ids are exact
}

TEST_CASE("nearest() suggests the closest spellings, one per place") {
    CHECK(builtin().nearest("Kairo", 1) == std::vector<std::string>{"Cairo"});
    CHECK(builtin().nearest("Alexandira", 1) == std::vector<std::string>{"Alexandria"});
    CHECK(builtin().nearest("القاهرا", 1) == std::vector<std::string>{"القاهرة"});
    CHECK(builtin().nearest("الإسكندريا", 1) == std::vector<std::string>{"الإسكندرية"});
    CHECK(builtin().nearest("بيزوت", 1) == std::vector<std::string>{"بيروت"});
    CHECK(builtin().nearest("anything", 0).empty());

    const std::vector<std::string> three = builtin().nearest("Kairo", 3);
    CHECK(three.size() == 3);
    std::set<const Place*> places;
    for (const std::string& name : three) places.insert(builtin().resolve(name));
    CHECK(places.size() == 3);  // distinct places

    CHECK(builtin().nearest("x", 100000).size() == builtin().size());
}

TEST_CASE("nearest() gives nothing for a name more than 3 bytes longer than every spelling") {
    const Gazetteer g("eg\t\tcountry\tمصر\tEgypt\tEgypt Land\n");
    REQUIRE(g.longest_spelling_bytes() == 10);  // "egypt land"
    CHECK(g.nearest("Egypt Landxyz", 1) == std::vector<std::string>{"Egypt Land"});  // 13 bytes: searched
    CHECK(g.nearest("Egypt Landwxyz", 1).empty());                                   // 14 bytes: not
    CHECK(g.nearest("  Egypt   Landxyz  ", 1) == std::vector<std::string>{"Egypt Land"});  // measured normalized
    CHECK(builtin().nearest(std::string(1 << 20, 'x'), 3).empty());
}

TEST_CASE("comments, blank lines, CRLF and a missing variants column are accepted") {
    const std::string tsv =
        "# a comment\r\n"
        "\r\n"
        "eg\t\tcountry\tمصر\tEgypt\tMisr|مصر المحروسة\r\n"
        "   \n"
        "eg-cairo\teg\tgovernorate\tالقاهرة\tCairo\n"
        "eg-cairo-maadi\teg-cairo\tdistrict\tالمعادي\tMaadi\t\n"
        "eg-cairo-new-cairo\teg-cairo\tcity\tالقاهرة الجديدة\tNew Cairo\tالقاهره الجديده";
    const Gazetteer gazetteer(tsv);
    CHECK(gazetteer.size() == 4);
    REQUIRE(gazetteer.resolve("Misr") != nullptr);
    CHECK(gazetteer.resolve("مصر المحروسة")->id == "eg");
    CHECK(gazetteer.find("eg")->variants == std::vector<std::string>{"Misr", "مصر المحروسة"});
    CHECK(gazetteer.resolve("maadi")->id == "eg-cairo-maadi");
    CHECK(gazetteer.resolve("New Cairo")->id == "eg-cairo-new-cairo");
    CHECK(gazetteer.find("eg-cairo")->variants.empty());
    CHECK(Gazetteer("").size() == 0);
    CHECK(Gazetteer("# only a comment\n").size() == 0);
}

TEST_CASE("a variant that folds like another spelling of the same place is accepted") {
    const Gazetteer gazetteer("eg\t\tcountry\tمصر\tEgypt\tمصر|EGYPT|مِصْر\n");
    CHECK(gazetteer.resolve("egypt")->id == "eg");
}

TEST_CASE("demonyms name their country in every inflection: context-flagged names are marked") {
    const Gazetteer gazetteer(
        "sy\t\tcountry\tسوريا\tSyria\tسورية\tسوري\n"
        "us\t\tcountry\tالولايات المتحدة\tUnited States\t\tأمريكي|أميركي\n"
        "lb\t\tcountry\tلبنان\tLebanon\n"
        "lb-tyre\tlb\tcity\tصور\tTyre\t\t\tcontext\n");
    struct Case { const char* word; const char* id; };
    const std::vector<Case> table = {
        {"سوري", "sy"}, {"السوريه", "sy"}, {"السوريون", "sy"}, {"السوريين", "sy"},
        {"سوريات", "sy"}, {"الامريكي", "us"}, {"الاميركيه", "us"}, {"اميركيين", "us"},
    };
    for (const Case& c : table) {
        CAPTURE(c.word);
        REQUIRE(gazetteer.find_by_demonym(c.word) != nullptr);
        CHECK(gazetteer.find_by_demonym(c.word)->id == c.id);
    }
    CHECK(gazetteer.find_by_demonym("سوريا") == nullptr);
    CHECK(gazetteer.find_by_demonym("لبناني") == nullptr);
    CHECK(gazetteer.resolve("سورية")->id == "sy");  // variants are read on a row with demonyms
    CHECK(gazetteer.find("lb-tyre")->needs_context);
    CHECK_FALSE(gazetteer.find("lb")->needs_context);
    CHECK(gazetteer.find_by_key("الولايات المتحده")->id == "us");
    CHECK(gazetteer.starts_some_name("الولايات"));
    CHECK_FALSE(gazetteer.starts_some_name("المتحده"));
}

TEST_CASE("bad rows raise DataError naming the line") {
    const std::vector<ErrorCase> table = {
        {"too few columns", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\n",
         "gazetteer:4: expected 5 to 8 TAB-separated columns (id, parent_id, kind, arabic_name, "
         "english_name, variants, demonyms, flags), found 4"},
        {"too many columns", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\t\t\t\tx\n",
         "gazetteer:4: expected 5 to 8 TAB-separated columns (id, parent_id, kind, arabic_name, "
         "english_name, variants, demonyms, flags), found 9"},
        {"unknown flag", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\t\t\tambiguous\n",
         "gazetteer:4: unknown flag 'ambiguous' (empty or 'context')"},
        {"demonym of two words", kPreamble + "sy\t\tcountry\tسوريا\tSyria\t\tسوري شامي\n",
         "gazetteer:4: demonym 'سوري شامي' is not one word"},
        {"demonym claimed twice", "eg\t\tcountry\tمصر\tEgypt\t\tمصري\nsy\t\tcountry\tسوريا\tSyria\t\tمصري\n",
         "gazetteer:2: demonym form 'مصري' already names 'eg'"},
        {"bad id", kPreamble + "Eg Giza\teg\tgovernorate\tالجيزة\tGiza\n",
         "gazetteer:4: bad id 'Eg Giza' (use lower-case ASCII letters, digits and '-')"},
        {"duplicate id", kPreamble + "eg-cairo\teg\tcity\tالقاهرة2\tCairo2\n",
         "gazetteer:4: duplicate id 'eg-cairo' (first on line 3)"},
        {"unknown kind", kPreamble + "eg-giza\teg\tprovince\tالجيزة\tGiza\n",
         "gazetteer:4: unknown kind 'province' (country, governorate, city, district, region or landmark)"},
        {"unknown parent", kPreamble + "eg-giza\tegypt\tgovernorate\tالجيزة\tGiza\n",
         "gazetteer:4: unknown parent 'egypt' (a parent must be defined on an earlier line)"},
        {"parent defined later",
         "sa-riyadh\tsa\tcity\tالرياض\tRiyadh\nsa\t\tcountry\tالسعودية\tSaudi Arabia\n",
         "gazetteer:1: unknown parent 'sa' (a parent must be defined on an earlier line)"},
        {"country with a parent", kPreamble + "sd\teg\tcountry\tالسودان\tSudan\n",
         "gazetteer:4: country 'sd' has a parent 'eg'"},
        {"city without a parent", kPreamble + "eg-giza\t\tcity\tالجيزة\tGiza\n",
         "gazetteer:4: city 'eg-giza' has no parent"},
        {"empty arabic name", kPreamble + "eg-giza\teg\tgovernorate\t\tGiza\n",
         "gazetteer:4: empty arabic_name"},
        {"empty english name", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\t\n",
         "gazetteer:4: empty english_name"},
        {"empty variant", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\tGizeh||Jiza\n",
         "gazetteer:4: empty variant in 'Gizeh||Jiza'"},
        {"spelling of punctuation only", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\t--\n",
         "gazetteer:4: spelling '--' has no letters"},
        {"too many words", kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\tone two three four five\n",
         "gazetteer:4: spelling 'one two three four five' has more than 4 words"},
        {"variant shared with another place",
         kPreamble + "eg-giza\teg\tgovernorate\tالجيزة\tGiza\tالقاهره\n",
         "gazetteer:4: spelling 'القاهره' (folded 'القاهره') already names 'eg-cairo' (line 3)"},
        {"English name shared, in another case",
         kPreamble + "us-cairo\teg\tcity\tكايرو\tcAIRO\n",
         "gazetteer:4: spelling 'cAIRO' (folded 'cairo') already names 'eg-cairo' (line 3)"},
        {"shared after separators are read as spaces",
         kPreamble + "eg-qahira\teg\tcity\tقاهرة\tAl Qahira\n",
         "gazetteer:4: spelling 'Al Qahira' (folded 'al qahira') already names 'eg-cairo' (line 3)"},
        {"invalid UTF-8", kPreamble + "eg-giza\teg\tgovernorate\t\xd8\tGiza\n",
         "gazetteer:4: invalid UTF-8"},
    };
    for (const ErrorCase& c : table) {
        INFO(c.what);
        CHECK(load_error(c.tsv) == c.message);
    }
    CHECK(load_error(kPreamble).empty());
    CHECK_THROWS_AS(Gazetteer(kPreamble + "x\n"), rasd::DataError);
}

TEST_CASE("places by kind in the embedded TSV") {
    std::map<std::string, std::size_t> by_kind;
    for (const Place& place : builtin().places()) ++by_kind[place.kind];
    MESSAGE("countries " << by_kind["country"] << ", governorates " << by_kind["governorate"]
                         << ", cities " << by_kind["city"] << ", districts " << by_kind["district"]
                         << ", regions " << by_kind["region"]);
    CHECK(by_kind["country"] >= 22 + 40);
    CHECK(by_kind["governorate"] == 342);  // Egypt's 27 and those of the other Arab League countries
    CHECK(by_kind["city"] >= 150);
    CHECK(by_kind["district"] >= 25);
}

}  // TEST_SUITE
