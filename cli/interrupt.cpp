#include "interrupt.hpp"

#include <pthread.h>

#include <atomic>
#include <csignal>

namespace rasd::cli {
namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

extern "C" void on_interrupt(int) { g_interrupted.store(true); }

// Installs on_interrupt for `signal` unless it was ignored when the program started.
void catch_signal(int signal) {
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) return;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the second Ctrl-C has the default effect. No SA_RESTART: a read from a
    // terminal or pipe that waits for input returns, so the program gets to its next safe point.
    action.sa_flags = SA_RESETHAND;
    ::sigaction(signal, &action, nullptr);
}

}  // namespace

void catch_interrupt() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    catch_signal(SIGINT);
}

void catch_stop_signals() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    catch_signal(SIGINT);
    catch_signal(SIGTERM);
}

bool interrupt_requested() { return g_interrupted.load(); }

void stop_if_interrupted() {
    if (interrupt_requested()) throw Interrupted{};
}

InterruptBlockedInNewThreads::InterruptBlockedInNewThreads() {
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    m_blocked = ::pthread_sigmask(SIG_BLOCK, &interrupt, nullptr) == 0;
}

InterruptBlockedInNewThreads::~InterruptBlockedInNewThreads() {
    if (!m_blocked) return;
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    ::pthread_sigmask(SIG_UNBLOCK, &interrupt, nullptr);  // a Ctrl-C that came meanwhile is delivered now
}

}  // namespace rasd::cli
