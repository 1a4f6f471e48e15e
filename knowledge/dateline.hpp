#pragma once
// Datelines: the place a news item was filed from, as the start of its body or its byline gives
// it. Recognized, with the place resolved exactly (Gazetteer::resolve_exact) and never guessed:
//   NAME (AGENCY) -      "بيروت (رويترز) - ...", "القاهرة (أ ف ب) – ...", "CAIRO (Reuters) -"
//   NAME -               "الإسكندرية - ...", "القاهرة - أحمد الريدي", "دبي ـ العربية.نت"
//   NAME:                "لاس فيغاس: ..."
//   NAME، COUNTRY (...)  "دبي، الإمارات العربية المتحدة (CNN)--" (the qualifier must be a
//                        place too; "طرابلس، لبنان" resolves as the spelling "طرابلس لبنان")
//   (NAME)               "(صبيا) ..." at the very start of a body (not an agency tag: "(قنا)")
// NAME is 1 to 3 words, compared after fold_text (so "الْقَاهِرَة" and tatweel elongation
// match); a dash is U+002D (standing apart from a word on at least one side), U+2010–U+2015,
// U+2212, or a tatweel U+0640 used as one. Only the first kDatelineWindowBytes bytes of the body
// or byline are read. A weekday or date before the name is not recognized.

#include "gazetteer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rasd::detail {

// A dateline lies wholly within this many bytes from the start of the text.
inline constexpr std::size_t kDatelineWindowBytes = 120;

// The id of the dateline place: the body's dateline if it has one (it names where this story
// was filed, while a byline may name the desk: "دبي - العربية.نت" over a Beirut story), else
// the byline's. nullopt if neither has a dateline whose place is in `gazetteer`.
// Never throws on any input (bad UTF-8 included), short of std::bad_alloc.
[[nodiscard]] std::optional<std::string> find_dateline_place(std::string_view byline,
                                                             std::string_view body,
                                                             const Gazetteer& gazetteer);

// A dateline: the place's id, and the byte offset just past its name (and the qualifier
// "، الإمارات العربية المتحدة") in the text: what follows is the credit ("(CNN)--",
// "- سكاي نيوز عربية", "(رويترز) -").
struct Dateline {
    std::string place_id;
    std::size_t name_end = 0;
};
[[nodiscard]] std::optional<Dateline> read_body_dateline(std::string_view body, const Gazetteer& gazetteer);
[[nodiscard]] std::optional<Dateline> read_byline_dateline(std::string_view byline,
                                                           const Gazetteer& gazetteer);

// The two halves: the body form accepts "(NAME)" at the start besides the forms above.
[[nodiscard]] std::optional<std::string> find_body_dateline(std::string_view body,
                                                            const Gazetteer& gazetteer);
[[nodiscard]] std::optional<std::string> find_byline_dateline(std::string_view byline,
                                                              const Gazetteer& gazetteer);

}  // namespace rasd::detail
