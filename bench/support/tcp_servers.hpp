#pragma once
// xapian-tcpsrv processes serving shards on the loopback interface, for the sharding benchmark's
// remote configurations: started on free ports, stopped at the end, on an error, and on
// SIGINT, SIGTERM or SIGHUP.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::shards {

inline constexpr const char* kTcpServer = "xapian-tcpsrv";  // Debian package xapian-tools

// Whether `program` is an executable in a folder of $PATH.
bool on_path(const std::string& program);

// Servers run in sessions of their own, so an interrupt would not reach them: on SIGINT,
// SIGTERM or SIGHUP, stop every server still running, then die of the signal.
void stop_servers_on_signals();

// The servers started; all stopped when this is destroyed.
class TcpServers {
public:
    TcpServers() = default;
    TcpServers(const TcpServers&) = delete;
    TcpServers& operator=(const TcpServers&) = delete;
    ~TcpServers() { stop_all(); }

    // Starts a server for `database` (its log in `log_dir`) and waits until it accepts a
    // connection; a port that turns out taken is tried again with another.
    // @return its address, "tcp://127.0.0.1:PORT". @throws std::runtime_error if it cannot.
    std::string start(const std::filesystem::path& database, const std::filesystem::path& log_dir);

    void stop_all();

private:
    void remember(pid_t pid);
    void forget(pid_t pid);
    void stop(pid_t pid);

    std::vector<pid_t> m_pids;
};

}  // namespace rasd::bench::shards
