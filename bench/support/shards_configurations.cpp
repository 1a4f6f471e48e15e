#include "shards_configurations.hpp"

#include "format.hpp"

#include "archive/shard_layout.hpp"

#include <iostream>
#include <utility>

namespace rasd::bench::shards {

Configurations configurations(const std::vector<Build>& builds, TcpServers& servers, const std::filesystem::path& outdir,
                              RemoveAtExit& cleanup) {
    const Build& one = builds[0];
    const Build& two = builds[1];
    const Build& four = builds[2];
    Configurations out;
    out.configs = {
        {"a", "1 database", {one.dir.string()}, 1, false},
        {"b", "2 shards, local", {two.dir.string()}, 2, false},
        {"c", "4 shards, local", {four.dir.string()}, 4, false},
    };
    if (on_path(kTcpServer)) {
        const std::filesystem::path logs = outdir / "tcpsrv-logs";
        std::filesystem::create_directories(logs);
        cleanup.dirs.push_back(logs);
        for (const Build* b : {&two, &four}) {
            Config c{b->shards == 2 ? "d" : "e", std::to_string(b->shards) + " shards, loopback remote", {}, b->shards, true};
            for (std::size_t k = 0; k < b->shards; ++k) {
                c.sources.push_back(servers.start(b->dir / rasd::detail::shard_directory_name(k), logs));
            }
            out.configs.push_back(std::move(c));
        }
    } else {
        out.remote_note = std::string(kTcpServer) +
                          " not found on PATH (Debian package xapian-tools): configurations (d) and (e) skipped";
        std::cout << "\n  NOTE: " << out.remote_note << "\n";
    }
    std::cout << "\n  configurations:\n";
    for (const Config& c : out.configs) {
        std::cout << "    (" << c.key << ") " << lpad(c.name, 28);
        for (const std::string& s : c.sources) std::cout << " " << s;
        std::cout << "\n";
    }
    return out;
}

}  // namespace rasd::bench::shards
