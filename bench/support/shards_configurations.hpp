#pragma once
// The sharding benchmark's search configurations: (a) the 1-database archive, (b) and (c) the 2-
// and 4-shard archives opened through their stubs, (d) and (e) the same shards served by
// xapian-tcpsrv on the loopback interface (left out, and said so, without xapian-tcpsrv).

#include "database_files.hpp"
#include "shards_indexing.hpp"
#include "tcp_servers.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::shards {

struct Config {
    std::string key;   // "a" .. "e"
    std::string name;  // as printed
    std::vector<std::string> sources;
    std::size_t shards = 1;
    bool remote = false;
};

struct Configurations {
    std::vector<Config> configs;
    std::string remote_note;  // why (d) and (e) were left out; "" if they were not
};

// The configurations over `builds` (1, 2 and 4 shards). Servers are started first, so no
// database is open when they are forked; their logs go to OUTDIR/tcpsrv-logs (added to
// `cleanup`). Prints the list.
Configurations configurations(const std::vector<Build>& builds, TcpServers& servers, const std::filesystem::path& outdir,
                              RemoveAtExit& cleanup);

}  // namespace rasd::bench::shards
