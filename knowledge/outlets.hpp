#pragma once
// News outlets rasd knows by name: the credits by which their bylines and opening datelines name
// them, the desks whose city they put on stories they did not report from there, and, for a
// local outlet, its home country. Used by the place finder (office datelines, home countries)
// and by source: filters (an outlet named in Arabic finds the archive's Latin source name).

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace rasd::detail {

struct Outlet {
    // Folded (fold_text(), Latin lower-cased), as credits and source fields write them.
    std::array<std::string_view, 4> names;
    std::array<std::string_view, 2> desks;  // gazetteer ids
    std::string_view home_country;          // "" when the outlet covers the whole region
    // Short names people search by that are too common to read as a credit in a byline
    // ("العربيه" also ends "الوكاله العربيه السوريه"): for source: filters only.
    std::array<std::string_view, 1> also_called = {};
};

// Every outlet of the table.
[[nodiscard]] std::span<const Outlet> known_outlets();

// `text` folded as Outlet::names are: fold_text() with Latin letters lower-cased.
[[nodiscard]] std::string outlet_name_key(std::string_view text);

// The outlet a source field names (one of its names, whole), or nullptr.
[[nodiscard]] const Outlet* outlet_of_source(std::string_view source);

}  // namespace rasd::detail
