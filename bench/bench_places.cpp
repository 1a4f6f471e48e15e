// bench_places: how well rasd says which countries a news story is about, against a judged set
// labelled by reading the articles (bench/places/judged.tsv, guide in bench/places/LABELLING.md).
//
// Usage: bench_places JUDGED.tsv DUMP.jsonl.xz [DUMP.jsonl.xz ...] [--verbose]
//
// For every judged article found in the dumps: the places rasd's PlaceFinder gives (the same
// call the indexer makes), scored at country level (micro precision, recall and F1, overall and
// per source) and the main city (accuracy over the articles labelled with one). The same is
// printed for the dateline-only rule rasd used before (the byline's or body's place), as the
// baseline of the same run. Over every article of the dumps: the recall of Cairo among the
// articles whose dateline is Cairo, and the finder's time per article.
// A missing dump prints SKIP and exits 0. Exit codes: 0 ok, 1 a self-check failed, 2 usage.

#include "knowledge/dateline.hpp"
#include "knowledge/gazetteer.hpp"
#include "knowledge/place_finder.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using rasd::detail::Gazetteer;
using rasd::detail::Place;
using rasd::detail::PlaceFinder;

struct Label {
    std::set<std::string> countries;
    std::string city;  // English name, "" for none
};

struct Tally {
    std::size_t true_positives = 0, false_positives = 0, false_negatives = 0;
    std::size_t cities = 0, cities_right = 0, articles = 0;
    void add(const std::set<std::string>& predicted, const std::set<std::string>& gold) {
        ++articles;
        for (const auto& c : predicted) (gold.contains(c) ? true_positives : false_positives)++;
        for (const auto& c : gold) false_negatives += !predicted.contains(c);
    }
    double precision() const { return ratio(true_positives, true_positives + false_positives); }
    double recall() const { return ratio(true_positives, true_positives + false_negatives); }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    static double ratio(std::size_t a, std::size_t b) { return b == 0 ? 0 : double(a) / double(b); }
};

std::map<std::string, Label> read_judged(const std::string& path) {
    std::map<std::string, Label> judged;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(col);
        if (cols.size() < 3) continue;
        Label label;
        if (cols[1] != "-") {
            std::stringstream cs(cols[1]);
            while (std::getline(cs, col, ',')) label.countries.insert(col);
        }
        if (cols[2] != "-") label.city = cols[2];
        judged[cols[0]] = label;
    }
    return judged;
}

bool names_city(const Place& place, const std::string& english) {
    return Gazetteer::normalize(place.english) == Gazetteer::normalize(english) ||
           std::any_of(place.variants.begin(), place.variants.end(), [&](const std::string& v) {
               return Gazetteer::normalize(v) == Gazetteer::normalize(english);
           });
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ",") + x;
    return out.empty() ? "-" : out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> dumps;
    std::string judged_path;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--verbose") verbose = true;
        else if (judged_path.empty()) judged_path = arg;
        else dumps.push_back(arg);
    }
    if (judged_path.empty() || dumps.empty()) {
        std::cerr << "usage: bench_places JUDGED.tsv DUMP.jsonl.xz [DUMP ...] [--verbose]\n";
        return 2;
    }
    for (const auto& d : dumps) {
        if (!std::filesystem::exists(d)) {
            std::printf("SKIP: %s not found\n", d.c_str());
            return 0;
        }
    }
    const auto judged = read_judged(judged_path);
    const Gazetteer& gazetteer = Gazetteer::builtin();
    const PlaceFinder finder(gazetteer);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);

    Tally overall, baseline;
    std::map<std::string, Tally> by_source, baseline_by_source;
    std::size_t cairo_datelines = 0, cairo_found = 0, articles = 0, found_judged = 0;
    // The evidence behind the outlets' desks: each source's dateline places and their share.
    std::map<std::string, std::map<std::string, std::size_t>> datelines_by_source;
    std::map<std::string, std::size_t> articles_by_source;
    double finder_seconds = 0;

    for (const auto& dump : dumps) {
        const auto input = rasd::open_input_file(dump);
        rasd::read_json_lines(*input, dump, [&](rasd::Article&& article) {
            ++articles;
            const auto title = analyzer.analyze(article.title);
            const auto body = analyzer.analyze(article.body);
            const auto started = std::chrono::steady_clock::now();
            const auto found = finder.find(rasd::detail::place_finder_input(
                article, title, body, rasd::detail::TopicTaxonomy::builtin().resolve(article.topic)));
            finder_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

            const auto dateline = rasd::detail::find_dateline_place(article.author, article.body, gazetteer);
            ++articles_by_source[article.source];
            if (dateline) ++datelines_by_source[article.source][*dateline];
            if (dateline && *dateline == "eg-cairo") {
                ++cairo_datelines;
                const bool has_cairo = std::any_of(found.places.begin(), found.places.end(),
                                                   [](const auto& p) { return p.place->id == "eg-cairo"; });
                cairo_found += has_cairo;
                if (verbose && !has_cairo) {
                    std::printf("CAIRO-MISS %s [%s] %s | %.80s\n", article.id.c_str(), article.author.c_str(),
                                article.title.c_str(), article.body.c_str());
                }
            }
            const auto it = judged.find(article.id);
            if (it == judged.end()) return;
            ++found_judged;
            std::set<std::string> predicted;
            for (const auto& p : found.places) {
                if (p.place->kind == "country") predicted.insert(p.place->id);
            }
            std::set<std::string> old;
            if (dateline) old.insert(gazetteer.chain(*gazetteer.find(*dateline)).back()->id);
            const Label& gold = it->second;
            for (Tally* t : {&overall, &by_source[article.source]}) t->add(predicted, gold.countries);
            for (Tally* t : {&baseline, &baseline_by_source[article.source]}) t->add(old, gold.countries);
            if (!gold.city.empty()) {
                const bool right = found.primary != nullptr && names_city(*found.primary, gold.city);
                for (Tally* t : {&overall, &by_source[article.source]}) {
                    ++t->cities;
                    t->cities_right += right;
                }
            }
            if (verbose && predicted != gold.countries) {
                std::string places;
                for (const auto& p : found.places) {
                    places += p.place->id + "(" + rasd::to_string(p.evidence) + " " +
                              std::to_string(p.weight).substr(0, 4) + ") ";
                }
                std::printf("MISS %s gold=%s got=%s  %s| %s\n", article.id.c_str(), join(gold.countries).c_str(),
                            join(predicted).c_str(), places.c_str(), article.title.c_str());
            }
        }, [](const rasd::ReadProblem&) {});
    }

    std::printf("judged articles found: %zu of %zu\n\n", found_judged, judged.size());
    std::printf("%-12s %5s | %9s %7s %6s %8s | %9s %7s %6s\n", "source", "n", "precision", "recall", "F1",
                "city acc", "base P", "base R", "base F1");
    auto row = [](const std::string& name, const Tally& t, const Tally& b) {
        std::printf("%-12s %5zu | %9.3f %7.3f %6.3f %8s | %9.3f %7.3f %6.3f\n", name.c_str(), t.articles,
                    t.precision(), t.recall(), t.f1(),
                    t.cities == 0 ? "-" : (std::to_string(Tally::ratio(t.cities_right, t.cities)).substr(0, 5) + " ").c_str(),
                    b.precision(), b.recall(), b.f1());
    };
    for (const auto& [source, tally] : by_source) row(source, tally, baseline_by_source[source]);
    row("all", overall, baseline);
    std::printf("\ncity accuracy: %zu/%zu\n", overall.cities_right, overall.cities);
    std::printf("Cairo datelines: %zu, Cairo among the places: %zu (recall %.3f)\n", cairo_datelines, cairo_found,
                Tally::ratio(cairo_found, cairo_datelines));
    std::printf("\nmost frequent dateline places per source (an outlet's desk carries a large share):\n");
    for (const auto& [source, places] : datelines_by_source) {
        std::vector<std::pair<std::size_t, std::string>> sorted;
        for (const auto& [id, n] : places) sorted.emplace_back(n, id);
        std::sort(sorted.rbegin(), sorted.rend());
        std::printf("  %-12s", source.c_str());
        for (std::size_t i = 0; i < sorted.size() && i < 3; ++i) {
            std::printf("  %s %.1f%%", sorted[i].second.c_str(),
                        100.0 * double(sorted[i].first) / double(articles_by_source[source]));
        }
        std::printf("\n");
    }
    std::printf("finder: %zu articles, %.1f us per article\n", articles, 1e6 * finder_seconds / double(articles));
    if (found_judged != judged.size()) {
        std::printf("FAIL: %zu judged articles not found in the dumps\n", judged.size() - found_judged);
        return 1;
    }
    return 0;
}
