#include "server/request_target.hpp"

#include "util/utf8.hpp"

namespace rasd::serve {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `text` with %XX sequences decoded (and '+' as a space in a query string).
std::string percent_decode(std::string_view text, bool plus_is_space, std::string_view what) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                throw RequestError("bad percent-encoding in the " + std::string(what) + " at byte " +
                                   std::to_string(i + 1) + ": '%' must be followed by two hex digits");
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (plus_is_space && text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    if (!detail::is_valid_utf8(out)) throw RequestError("the " + std::string(what) + " is not valid UTF-8");
    return out;
}

}  // namespace

RequestTarget parse_request_target(std::string_view target) {
    const std::size_t question = target.find('?');
    RequestTarget parsed;
    parsed.path = percent_decode(target.substr(0, question), false, "path");
    if (question == std::string_view::npos) return parsed;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t equals = pair.find('=');
        std::string name = percent_decode(pair.substr(0, equals), true, "query string");
        std::string value = equals == std::string_view::npos
                                ? std::string()
                                : percent_decode(pair.substr(equals + 1), true, "parameter '" + name + "'");
        parsed.parameters.emplace_back(std::move(name), std::move(value));
    }
    return parsed;
}

std::string percent_encode(std::string_view text) {
    constexpr std::string_view kHexDigits = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHexDigits[byte >> 4U];
            out += kHexDigits[byte & 0xFU];
        }
    }
    return out;
}

}  // namespace rasd::serve
