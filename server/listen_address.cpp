#include "server/listen_address.hpp"

#include <rasd/error.hpp>

namespace rasd::serve {

ListenAddress parse_listen_address(const std::string& text) {
    constexpr int kMaxPort = 65535;
    const std::size_t colon = text.rfind(':');
    const auto bad = [&](const std::string& why) {
        return InvalidArgument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080; got '" + text + "' (" + why + ")");
    };
    if (colon == std::string::npos) throw bad("no port");
    const std::string port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
        throw bad("the port is not a number");
    }
    ListenAddress address{text.substr(0, colon), std::stoi(port)};
    if (address.port > kMaxPort) throw bad("the port is above 65535");
    if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']') {
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    if (address.host.empty()) address.host = "127.0.0.1";
    return address;
}

}  // namespace rasd::serve
