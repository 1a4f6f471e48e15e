#include "server/assets.hpp"

namespace rasd::detail {
extern const std::string_view kServeStylesheet;  // server/assets/rasd.css (rasd_embed_text)
}

namespace rasd::serve {

std::optional<Asset> builtin_asset(std::string_view name) {
    if (name == "rasd.css") return Asset{"text/css; charset=utf-8", detail::kServeStylesheet};
    return std::nullopt;
}

}  // namespace rasd::serve
