#pragma once
// The address of --listen: "HOST:PORT", "[IPv6]:PORT" or ":PORT" (loopback).

#include <string>

namespace rasd::serve {

struct ListenAddress {
    std::string host;
    int port = 0;
};

// @throws rasd::InvalidArgument naming the value when it has no port or a port above 65535.
[[nodiscard]] ListenAddress parse_listen_address(const std::string& text);

}  // namespace rasd::serve
