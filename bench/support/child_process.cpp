#include "child_process.hpp"

#include "process_stats.hpp"

#include <xapian.h>

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <utility>

namespace rasd::bench {

using nlohmann::json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// In the child: what `fn` reports, or its error, as one JSON text and the exit code.
std::pair<std::string, int> child_report(const std::function<json()>& fn) {
    try {
        return {dump(fn()), 0};
    } catch (const Xapian::Error& e) {
        return {dump(json{{"error", "Xapian: " + e.get_description()}}), 3};
    } catch (const std::exception& e) {
        return {dump(json{{"error", e.what()}}), 3};
    }
}

}  // namespace

ChildOutcome run_in_child(const std::function<json()>& fn, const std::string& what) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        close(fds[0]);
        const auto [out, code] = child_report(fn);
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

ChildOutcome run_measured_in_child(const std::function<json()>& fn) {
    ChildOutcome outcome = run_in_child([&] {
        json r = fn();
        r["rss_at_start_kib"] = r.value("rss_at_start_kib", std::uint64_t{0});
        r["write_bytes"] = proc_write_bytes();
        return r;
    });
    const double child_cpu = outcome.cpu_s;
    outcome.cpu_s = outcome.result.value("cpu_seconds", child_cpu);
    outcome.result["child_cpu_total_s"] = child_cpu;
    return outcome;
}

}  // namespace rasd::bench
