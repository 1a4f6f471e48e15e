#pragma once
// Text from the data made safe for one line of a terminal, after its control characters
// (control_characters.hpp): Unicode's explicit bidi embeddings, overrides and isolates reorder
// what follows them until they are closed. Some ANT titles open one (U+202B) and never close it,
// so the fields printed after such a title on the same line (its "(SOURCE)" in --stats) were
// shown out of place. Each is closed at the end of the text that opened it. Header-only, like
// control_characters.hpp.

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// The bidi controls that open and close (UAX #9), as their UTF-8 bytes: all are E2 80 xx or
// E2 81 xx.
inline constexpr std::string_view kLeftToRightEmbedding = "\u202A";
inline constexpr std::string_view kRightToLeftEmbedding = "\u202B";
inline constexpr std::string_view kPopDirectionalFormatting = "\u202C";
inline constexpr std::string_view kLeftToRightOverride = "\u202D";
inline constexpr std::string_view kRightToLeftOverride = "\u202E";
inline constexpr std::string_view kLeftToRightIsolate = "\u2066";
inline constexpr std::string_view kRightToLeftIsolate = "\u2067";
inline constexpr std::string_view kFirstStrongIsolate = "\u2068";
inline constexpr std::string_view kPopDirectionalIsolate = "\u2069";

// `text` with a PDF (U+202C) for every embedding or override it leaves open and a PDI (U+2069)
// for every isolate, appended in the order that closes them; unchanged when none is left open.
[[nodiscard]] inline std::string with_bidi_controls_closed(std::string_view text) {
    constexpr char kControlLead = '\xE2';
    constexpr std::size_t kControlBytes = 3;
    if (text.find(kControlLead) == std::string_view::npos) return std::string(text);
    enum class Opened { Embedding, Isolate };
    std::vector<Opened> open;
    for (std::size_t at = text.find(kControlLead); at != std::string_view::npos; at = text.find(kControlLead, at + 1)) {
        const std::string_view control = text.substr(at, kControlBytes);
        if (control == kLeftToRightEmbedding || control == kRightToLeftEmbedding || control == kLeftToRightOverride ||
            control == kRightToLeftOverride) {
            open.push_back(Opened::Embedding);
        } else if (control == kLeftToRightIsolate || control == kRightToLeftIsolate || control == kFirstStrongIsolate) {
            open.push_back(Opened::Isolate);
        } else if (control == kPopDirectionalFormatting) {
            if (!open.empty() && open.back() == Opened::Embedding) open.pop_back();  // none within an isolate
        } else if (control == kPopDirectionalIsolate) {
            // A PDI closes its isolate and every embedding opened inside it; without one, nothing.
            const auto isolate = std::find(open.rbegin(), open.rend(), Opened::Isolate);
            if (isolate != open.rend()) open.erase(std::prev(isolate.base()), open.end());
        }
    }
    std::string out(text);
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
        out += *it == Opened::Embedding ? kPopDirectionalFormatting : kPopDirectionalIsolate;
    }
    return out;
}

}  // namespace rasd::detail
