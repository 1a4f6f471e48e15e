#pragma once
// The files the page needs, built into the executable (no CDN, nothing read from disk): only
// these names are ever served under /assets/.

#include <optional>
#include <string_view>

namespace rasd::serve {

struct Asset {
    std::string_view content_type;
    std::string_view content;
};

// The built-in asset called `name` ("rasd.css"), or nothing: any other name, "../x" included.
[[nodiscard]] std::optional<Asset> builtin_asset(std::string_view name);

}  // namespace rasd::serve
