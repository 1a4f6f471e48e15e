#pragma once
// Running one measured piece of a benchmark (an index build, a compaction) in a forked child
// process, so that its peak RSS and CPU time are its own. Header-only, for the indexing
// benchmarks.

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <utility>

namespace rasd::bench {

struct ChildOutcome {
    nlohmann::json result = nlohmann::json::object();  // what the child reported
    std::uint64_t maxrss_kib = 0;                      // the child's peak RSS
    double cpu_s = 0.0;  // user + system CPU time of the whole child (all its threads)
};

// Runs `fn` in a forked child and collects its JSON result, peak RSS (ru_maxrss from wait4)
// and CPU time. Call it while the process is single threaded: the child may then allocate and
// start threads freely. An exception in the child is thrown again here with its message; a
// child that dies or reports nothing gives "<what> failed (status N)".
inline ChildOutcome run_in_child(const std::function<nlohmann::json()>& fn, const std::string& what = "child process") {
    using nlohmann::json;
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        close(fds[0]);
        std::string out;
        int code = 0;
        try {
            out = fn().dump(-1, ' ', false, json::error_handler_t::replace);
        } catch (const Xapian::Error& e) {
            out = json{{"error", "Xapian: " + e.get_description()}}.dump(-1, ' ', false, json::error_handler_t::replace);
            code = 3;
        } catch (const std::exception& e) {
            out = json{{"error", e.what()}}.dump(-1, ' ', false, json::error_handler_t::replace);
            code = 3;
        }
        for (std::size_t done = 0; done < out.size();) {
            const ssize_t n = write(fds[1], out.data() + done, out.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        close(fds[1]);
        _exit(code);
    }
    close(fds[1]);
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n > 0) {
            text.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    close(fds[0]);
    int status = 0;
    rusage ru{};
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
    }
    json r = json::parse(text, nullptr, false);
    if (r.is_object() && r.contains("error")) throw std::runtime_error(r["error"].get<std::string>());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !r.is_object()) {
        throw std::runtime_error(what + " failed (status " + std::to_string(status) + ")");
    }
    ChildOutcome outcome;
    outcome.result = std::move(r);
    outcome.maxrss_kib = static_cast<std::uint64_t>(ru.ru_maxrss);
    outcome.cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                    static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    return outcome;
}

}  // namespace rasd::bench
