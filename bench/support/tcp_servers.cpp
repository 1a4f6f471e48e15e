#include "tcp_servers.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace rasd::bench::shards {

namespace {

constexpr const char* kLoopback = "127.0.0.1";
// Tries with a fresh port when one turns out taken, and how long a server may take to accept
// its first connection.
constexpr int kServerStartAttempts = 10;
constexpr auto kServerStartTimeout = std::chrono::seconds(10);
constexpr auto kServerPollInterval = std::chrono::milliseconds(50);
constexpr std::size_t kMaxServers = 16;

// Servers still running, for the signal handler (plain array: async-signal-safe to read).
std::array<std::atomic<pid_t>, kMaxServers> g_servers{};

extern "C" void stop_servers_and_die(int sig) {
    for (auto& pid : g_servers) {
        const pid_t p = pid.load();
        if (p > 0) kill(p, SIGTERM);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

// A port on the loopback interface nobody listens on now (the kernel's choice). Another
// process may take it before the server binds it; start() then tries another.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    const int err = errno;
    close(fd);
    if (!ok) throw std::runtime_error(std::string("cannot find a free port: ") + std::strerror(err));
    return ntohs(addr.sin_port);
}

bool accepts_connection(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

}  // namespace

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return false;
    std::string_view rest = path;
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string dir(rest.substr(0, colon));
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    return false;
}

void stop_servers_on_signals() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, stop_servers_and_die);
}

std::string TcpServers::start(const std::filesystem::path& database, const std::filesystem::path& log_dir) {
    if (m_pids.size() == kMaxServers) throw std::runtime_error("too many servers");
    std::string why = "no attempt";
    for (int attempt = 0; attempt < kServerStartAttempts; ++attempt) {
        const int port = free_port();
        const std::string port_text = std::to_string(port);
        const std::string db = database.string();
        const std::string log = (log_dir / ("tcpsrv-" + port_text + ".log")).string();
        std::cout.flush();
        std::fflush(nullptr);
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if (pid == 0) {
            // A session of its own: on SIGTERM xapian-tcpsrv signals its whole process group,
            // which must not include this benchmark.
            setsid();
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                dup2(fd, STDOUT_FILENO);
                dup2(fd, STDERR_FILENO);
                close(fd);
            }
            execlp(kTcpServer, kTcpServer, "--interface", kLoopback, "--port", port_text.c_str(), "--quiet", db.c_str(),
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        remember(pid);
        // Listening once it accepts a connection; a taken port makes it exit at once.
        const auto t0 = std::chrono::steady_clock::now();
        for (;;) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                forget(pid);
                why = "exited with status " + std::to_string(status) + " (see " + log + ")";
                break;
            }
            if (accepts_connection(port)) return "tcp://" + std::string(kLoopback) + ":" + port_text;
            if (std::chrono::steady_clock::now() - t0 > kServerStartTimeout) {
                stop(pid);
                why = "not listening after " + std::to_string(kServerStartTimeout.count()) + " s";
                break;
            }
            std::this_thread::sleep_for(kServerPollInterval);
        }
    }
    throw std::runtime_error("cannot start " + std::string(kTcpServer) + " for " + database.string() + ": " + why);
}

void TcpServers::stop_all() {
    while (!m_pids.empty()) stop(m_pids.back());
}

void TcpServers::remember(pid_t pid) {
    m_pids.push_back(pid);
    for (auto& slot : g_servers) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, pid)) return;
    }
}

void TcpServers::forget(pid_t pid) {
    m_pids.erase(std::remove(m_pids.begin(), m_pids.end(), pid), m_pids.end());
    for (auto& slot : g_servers) {
        pid_t mine = pid;
        slot.compare_exchange_strong(mine, 0);
    }
}

void TcpServers::stop(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    forget(pid);
}

}  // namespace rasd::bench::shards
