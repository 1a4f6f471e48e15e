// bench_analyzer: throughput of rasd::Analyzer (light stemmer) against a baseline of
// Xapian::TermGenerator with Snowball arabic, on the same in-memory article texts.
//
// Usage: bench_analyzer [CORPUS.jsonl.xz [EXPECTED_RASD_TOKENS|- [MAX_ARTICLES]]]
//
//   CORPUS            ANT JSON-lines file compressed with xz (default: the ANT multisource
//                     corpus next to the repo, see bench/CMakeLists.txt). Missing file: SKIP, exit 0.
//   EXPECTED_...      exact rasd token count the run must produce ("-" or "" = don't check).
//   MAX_ARTICLES      only use the first N articles (0 = all), e.g. for callgrind.
//
// Decompression and JSON parsing happen before timing. Each side then runs 3 times,
// alternating (rasd, xapian, rasd, ...), single-threaded; the best time of each is kept.
// Exit codes: 0 ok/skip, 1 self-check failed, 2 usage or input error.

#include "bench_support.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>

#include <lzma.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#ifndef RASD_BENCH_DEFAULT_CORPUS
#define RASD_BENCH_DEFAULT_CORPUS "../shared/data/ant/ant_multisource_v2.1.jsonl.xz"
#endif

namespace {

using namespace rasd::bench;  // the helpers of bench_support.hpp

constexpr int kRuns = 3;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Decompresses a whole .xz (possibly multi-stream) buffer in memory.
std::string xz_decompress(const std::string& compressed) {
    lzma_stream strm = LZMA_STREAM_INIT;
    lzma_ret ret = lzma_stream_decoder(&strm, std::numeric_limits<std::uint64_t>::max(),
                                       LZMA_CONCATENATED);
    if (ret != LZMA_OK) throw std::runtime_error("lzma_stream_decoder failed: " + std::to_string(ret));

    std::string out;
    out.reserve(compressed.size() * 8);
    std::vector<std::uint8_t> buf(1 << 20);
    strm.next_in = reinterpret_cast<const std::uint8_t*>(compressed.data());
    strm.avail_in = compressed.size();
    for (;;) {
        strm.next_out = buf.data();
        strm.avail_out = buf.size();
        ret = lzma_code(&strm, LZMA_FINISH);
        out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - strm.avail_out);
        if (ret == LZMA_STREAM_END) break;
        if (ret != LZMA_OK) {
            lzma_end(&strm);
            throw std::runtime_error("xz decompression failed (lzma_ret " + std::to_string(ret) + ")");
        }
    }
    lzma_end(&strm);
    return out;
}

std::string field(const nlohmann::json& obj, const char* name) {
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

// title + "\n" + abstract + "\n" + text of each JSON line.
std::vector<std::string> collect_texts(const std::string& jsonl, std::size_t max_articles) {
    std::vector<std::string> texts;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos < jsonl.size()) {
        std::size_t end = jsonl.find('\n', pos);
        if (end == std::string::npos) end = jsonl.size();
        const std::string_view line(jsonl.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        nlohmann::json obj;
        try {
            obj = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error("line " + std::to_string(line_no) + ": bad JSON: " + e.what());
        }
        texts.push_back(field(obj, "title") + "\n" + field(obj, "abstract") + "\n" + field(obj, "text"));
        if (max_articles != 0 && texts.size() >= max_articles) break;
    }
    return texts;
}

struct RasdResult {
    std::uint64_t tokens = 0;
    std::uint64_t stems = 0;  // non-empty stems (i.e. non stop words)
    std::uint64_t stem_bytes = 0;
    double seconds = 0;
};

RasdResult run_rasd(const std::vector<std::string>& texts) {
    rasd::Analyzer a = rasd::make_analyzer(rasd::StemmerKind::Light);
    RasdResult r;
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        const std::vector<rasd::Token> tokens = a.analyze(text);
        r.tokens += tokens.size();
        for (const rasd::Token& t : tokens) {
            if (!t.stem.empty()) {
                ++r.stems;
                r.stem_bytes += t.stem.size();
            }
        }
    }
    const auto t1 = std::chrono::steady_clock::now();
    r.seconds = std::chrono::duration<double>(t1 - t0).count();
    return r;
}

struct XapianResult {
    std::uint64_t terms = 0;  // sum of doc.termlist_count(): distinct terms per document
    double seconds = 0;
};

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("arabic"));  // default strategy: STEM_SOME
    return tg;
}

XapianResult run_xapian(const std::vector<std::string>& texts) {
    Xapian::TermGenerator tg = make_term_generator();
    XapianResult r;
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        r.terms += doc.termlist_count();
    }
    const auto t1 = std::chrono::steady_clock::now();
    r.seconds = std::chrono::duration<double>(t1 - t0).count();
    return r;
}

// Untimed: the number of words TermGenerator saw = sum of wdf (and of positions) over the
// unprefixed terms; the 'Z' terms are the STEM_SOME stems and would count words twice.
struct XapianWords {
    std::uint64_t wdf_sum = 0;
    std::uint64_t positions = 0;
};

XapianWords count_xapian_words(const std::vector<std::string>& texts) {
    Xapian::TermGenerator tg = make_term_generator();
    XapianWords w;
    for (const std::string& text : texts) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (!term.empty() && term[0] == 'Z') continue;
            w.wdf_sum += it.get_wdf();
            w.positions += it.positionlist_count();
        }
    }
    return w;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : RASD_BENCH_DEFAULT_CORPUS;
    bool have_expected = false;
    std::uint64_t expected = 0;
    std::size_t max_articles = 0;
    try {
        if (argc > 2 && std::string_view(argv[2]) != "-" && argv[2][0] != '\0') {
            expected = parse_count(argv[2]);
            have_expected = true;
        }
        if (argc > 3) max_articles = static_cast<std::size_t>(parse_count(argv[3]));
    } catch (const std::exception&) {
        std::cerr << "usage: bench_analyzer [CORPUS.jsonl.xz [EXPECTED_RASD_TOKENS|- [MAX_ARTICLES]]]\n";
        return 2;
    }

    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        std::cout << "bench_analyzer: SKIP: " << path << " not found\n";
        return 0;
    }

    return run_bench_main("bench_analyzer", [&] {
        // ---- untimed preparation ------------------------------------------------------
        std::vector<std::string> texts;
        {
            const std::string jsonl = xz_decompress(read_file(path));
            texts = collect_texts(jsonl, max_articles);
        }
        std::uint64_t bytes = 0;
        for (const std::string& t : texts) bytes += t.size();
        const double mib = static_cast<double>(bytes) / kMiB;
        std::cout << "bench_analyzer: " << path << "\n"
                  << "  articles: " << texts.size() << ", text: " << fixed(mib, 2) << " MiB ("
                  << bytes << " bytes)\n";
        check(!texts.empty() && bytes > 0, "no article text read from " + path);

        // ---- timed runs, alternating ----------------------------------------------------
        RasdResult best_rasd;
        XapianResult best_xapian;
        best_rasd.seconds = best_xapian.seconds = std::numeric_limits<double>::infinity();
        std::vector<double> rasd_times, xapian_times;
        std::uint64_t rasd_tokens = 0, xapian_terms = 0;
        for (int run = 0; run < kRuns; ++run) {
            const RasdResult r = run_rasd(texts);
            const XapianResult x = run_xapian(texts);
            std::cout << "  run " << run + 1 << ": rasd " << fixed(r.seconds, 3) << " s ("
                      << r.tokens << " tokens), xapian " << fixed(x.seconds, 3) << " s ("
                      << x.terms << " terms)\n";
            if (run == 0) {
                rasd_tokens = r.tokens;
                xapian_terms = x.terms;
            }
            check(r.tokens == rasd_tokens, "rasd token count differs between runs: " +
                                               std::to_string(rasd_tokens) + " vs " + std::to_string(r.tokens));
            check(x.terms == xapian_terms, "xapian term count differs between runs: " +
                                               std::to_string(xapian_terms) + " vs " + std::to_string(x.terms));
            rasd_times.push_back(r.seconds);
            xapian_times.push_back(x.seconds);
            if (r.seconds < best_rasd.seconds) best_rasd = r;
            if (x.seconds < best_xapian.seconds) best_xapian = x;
        }

        // ---- self-checks (untimed) ----------------------------------------------------
        check(rasd_tokens > 0, "rasd produced 0 tokens");
        check(best_rasd.stems > 0 && best_rasd.stems <= rasd_tokens, "rasd stem count implausible: " +
                                                                         std::to_string(best_rasd.stems));
        const XapianWords xw = count_xapian_words(texts);
        check(xw.wdf_sum > 0, "xapian generated 0 words");
        const double word_ratio = static_cast<double>(rasd_tokens) / static_cast<double>(xw.wdf_sum);
        check(word_ratio >= 0.9 && word_ratio <= 1.1,
              "rasd tokens (" + std::to_string(rasd_tokens) + ") not within 10% of xapian words (" +
                  std::to_string(xw.wdf_sum) + "), ratio " + fixed(word_ratio, 4));
        if (have_expected) {
            check(rasd_tokens == expected, "rasd token count " + std::to_string(rasd_tokens) +
                                               " != expected " + std::to_string(expected));
        }

        // ---- report ---------------------------------------------------------------------
        const double rasd_mibs = mib / best_rasd.seconds;
        const double rasd_tps = static_cast<double>(rasd_tokens) / best_rasd.seconds;
        const double xapian_mibs = mib / best_xapian.seconds;
        const double xapian_wps = static_cast<double>(xw.wdf_sum) / best_xapian.seconds;
        const double ratio = rasd_mibs / xapian_mibs;

        std::cout << "\n"
                  << "  side                              best s     MiB/s     tokens/s\n"
                  << "  rasd   (Analyzer, light)     " << rpad(fixed(best_rasd.seconds, 3), 9)
                  << rpad(fixed(rasd_mibs, 2), 10) << rpad(fixed(rasd_tps, 0), 13) << "\n"
                  << "  xapian (TermGenerator, ar)   " << rpad(fixed(best_xapian.seconds, 3), 9)
                  << rpad(fixed(xapian_mibs, 2), 10) << rpad(fixed(xapian_wps, 0), 13) << "\n"
                  << "  ratio rasd/xapian (MiB/s): " << fixed(ratio, 3) << (ratio >= 1.0 ? "  (>= 1.0: OK)" : "  (< 1.0: rasd slower)") << "\n"
                  << "  rasd tokens: " << rasd_tokens << " (stems " << best_rasd.stems << "), xapian words: "
                  << xw.wdf_sum << " (positions " << xw.positions << "), tokens/words "
                  << fixed(word_ratio, 4) << "\n\n";

        nlohmann::json j = {
            {"bench", "analyzer"},
            {"corpus", path},
            {"articles", texts.size()},
            {"text_bytes", bytes},
            {"text_mib", mib},
            {"runs", kRuns},
            {"rasd_tokens", rasd_tokens},
            {"rasd_stems", best_rasd.stems},
            {"rasd_best_s", best_rasd.seconds},
            {"rasd_times_s", rasd_times},
            {"rasd_mib_per_s", rasd_mibs},
            {"rasd_tokens_per_s", rasd_tps},
            {"xapian_terms", xapian_terms},
            {"xapian_words", xw.wdf_sum},
            {"xapian_positions", xw.positions},
            {"xapian_best_s", best_xapian.seconds},
            {"xapian_times_s", xapian_times},
            {"xapian_mib_per_s", xapian_mibs},
            {"ratio_rasd_over_xapian", ratio},
            {"tokens_over_xapian_words", word_ratio},
        };
        std::cout << j.dump() << "\n";
        return 0;
    });
}
