#include "command_runner.hpp"

#include "interrupt.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>
#include <thread>

namespace rasd::cli {
namespace {

std::string system_error_text() { return std::strerror(errno); }

// Writes `text` to `fd` until done or the reader goes away (EPIPE: it did not want all of it).
void write_input(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

// How often a running command is looked at (its end, the time limit, a stop signal).
constexpr std::chrono::milliseconds kWaitSlice{10};

// Waits for `child` until it ends or `deadline` passes. @return true once it ended (status set).
bool wait_until(pid_t child, int& status, std::chrono::steady_clock::time_point deadline, bool stop_on_interrupt,
                std::string& wait_error) {
    for (;;) {
        const pid_t ended = ::waitpid(child, &status, WNOHANG);
        if (ended == child) return true;
        if (ended < 0 && errno != EINTR) {
            wait_error = "cannot wait for the command: " + system_error_text();
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline || (stop_on_interrupt && interrupt_requested())) return false;
        std::this_thread::sleep_for(kWaitSlice);
    }
}

}  // namespace

CommandOutcome run_shell_command(const std::string& command, const std::string& input,
                                 std::chrono::milliseconds time_limit) {
    // A command that exits without reading must not kill this program with SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return {false, "cannot make a pipe: " + system_error_text()};
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        return {false, "cannot start /bin/sh: " + system_error_text()};
    }
    if (child == 0) {
        ::setpgid(0, 0);             // its own group: a stop reaches what the shell started too
        ::signal(SIGPIPE, SIG_DFL);  // ignored signals would stay ignored across exec
        ::dup2(pipe_fds[0], STDIN_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        constexpr int kCannotExecute = 126;  // the shell's own status for this
        ::_exit(kCannotExecute);
    }
    ::close(pipe_fds[0]);
    write_input(pipe_fds[1], input);
    ::close(pipe_fds[1]);
    ::setpgid(child, child);  // also here, so that it holds before the child runs
    int status = 0;
    std::string wait_error;
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = time_limit.count() > 0 ? started + time_limit : std::chrono::steady_clock::time_point::max();
    // The group and the child itself: should the group not exist (setpgid failed), the shell
    // must still be stopped, or the wait below would never end.
    const auto signal_command = [child](int signal) {
        ::kill(-child, signal);
        ::kill(child, signal);
    };
    if (!wait_until(child, status, deadline, true, wait_error)) {
        const bool timed_out = !interrupt_requested();
        signal_command(SIGTERM);
        if (!wait_until(child, status, std::chrono::steady_clock::now() + kKillGrace, false, wait_error)) {
            signal_command(SIGKILL);
            while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
            }
        }
        if (timed_out) {
            return {false, "still running after " +
                               std::to_string(std::chrono::duration_cast<std::chrono::seconds>(time_limit).count()) +
                               " s (--exec-timeout), stopped"};
        }
        return {false, "stopped: rasd-watch was told to stop"};
    }
    if (!wait_error.empty()) return {false, wait_error};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, ""};
    if (WIFSIGNALED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
    return {false, "exit status " + std::to_string(WEXITSTATUS(status))};
}

}  // namespace rasd::cli
