#pragma once
// rasd-serve's HTTP side (cpp-httplib): a pool of worker threads, each with its own Searcher,
// keep-alive, timeouts and size limits, an access log line per request on request, and a
// graceful stop on SIGTERM or SIGINT (requests in flight finish).

#include "server/searcher_pool.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace rasd::serve {

struct ServerSettings {
    std::string host = "127.0.0.1";
    int port = 8080;           // 0: any free port
    std::size_t threads = 32;  // workers; each serves one connection at a time
    std::chrono::seconds timeout{10};  // to read a request, to write a reply
    bool access_log = false;   // one line per request on standard error
};

// Serves until SIGTERM or SIGINT, then ends the process with status 0 once the replies in
// flight are written (at most `timeout` later). `on_listening` gets the port bound (the one
// chosen for port 0) before the first request is accepted.
// @throws rasd::Error (a runtime error) when the address cannot be bound.
void serve(SearcherPool& pool, const ServerSettings& settings, const std::function<void(int port)>& on_listening);

}  // namespace rasd::serve
