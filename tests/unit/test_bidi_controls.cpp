// Bidi embeddings, overrides and isolates a title leaves open are closed at its end, so that the
// fields printed after it on one terminal line stay in place.
#include <doctest/doctest.h>

#include "util/bidi_controls.hpp"

#include <string>
#include <vector>

namespace {

struct BidiCase {
    std::string text;
    std::string closed;
};

}  // namespace

TEST_SUITE("bidi_controls") {

TEST_CASE("open embeddings, overrides and isolates are closed in order, closed ones left alone") {
    const std::string rle = "\u202B", pdf = "\u202C", lro = "\u202D", rli = "\u2067", pdi = "\u2069";
    const std::vector<BidiCase> table = {
        {"أمر ملكي", "أمر ملكي"},                                    // none
        {rle + "أمر ملكي", rle + "أمر ملكي" + pdf},                  // an ANT title's unclosed RLE
        {rle + "أمر" + pdf + " ملكي", rle + "أمر" + pdf + " ملكي"},  // closed already
        {lro + rle + "x", lro + rle + "x" + pdf + pdf},              // two, closed innermost first
        {rli + "x", rli + "x" + pdi},
        {rli + rle + "x" + pdi, rli + rle + "x" + pdi},              // a PDI closes the RLE within it
        {rle + rli + "x", rle + rli + "x" + pdi + pdf},
        {pdf + pdi + "x", pdf + pdi + "x"},                          // stray closers change nothing
        {rli + "x" + pdf, rli + "x" + pdf + pdi},                    // a PDF does not close an isolate
        {"\u200F\u2014 نص", "\u200F\u2014 نص"},                      // RLM and other E2 characters are no controls to close
    };
    for (const BidiCase& c : table) {
        CAPTURE(c.text);
        CHECK(rasd::detail::with_bidi_controls_closed(c.text) == c.closed);
    }
}

}  // TEST_SUITE
