#include "server/open_connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <charconv>
#include <filesystem>
#include <string>
#include <system_error>

namespace rasd::serve {
namespace {

// The local port of a connected (not listening) TCP socket, or -1 for anything else.
int accepted_connection_port(int fd) {
    struct stat status {};
    if (fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) return -1;
    int listening = 0;
    socklen_t length = sizeof(listening);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || listening != 0) return -1;
    sockaddr_storage address{};
    length = sizeof(address);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return -1;
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    return -1;
}

}  // namespace

void stop_reading_connections(int port) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
        const std::string name = entry.path().filename().string();
        int fd = -1;
        const auto [end, parsed] = std::from_chars(name.data(), name.data() + name.size(), fd);
        if (parsed != std::errc() || end != name.data() + name.size()) continue;
        // A request already received but not yet read by its worker is left to be answered.
        int unread = 0;
        if (accepted_connection_port(fd) == port && ioctl(fd, FIONREAD, &unread) == 0 && unread == 0) {
            shutdown(fd, SHUT_RD);
        }
    }
}

}  // namespace rasd::serve
