#include "server/http_server.hpp"

#include "server/router.hpp"
#include "util/control_characters.hpp"

#include <rasd/error.hpp>

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace rasd::serve {
namespace {

// Idle keep-alive connections are closed after this long, and after this many requests, so that
// more connections than workers all get served.
constexpr std::chrono::seconds kKeepAliveIdle{5};
constexpr std::size_t kKeepAliveRequests = 1000;
// cpp-httplib's limit on a body it reads (413 beyond it). rasd answers only GET and HEAD, and
// refuses one that announces any body before reading it (carries_a_body()); this bounds any
// body cpp-httplib would still read, such as another method's before its 405.
constexpr std::size_t kMaxBodyBytes = 16 * 1024;
constexpr int kPayloadTooLarge = 413;

// Whether a GET or HEAD says a body follows that rasd would have to read past (a request of
// another method is refused with 405 as it is).
bool carries_a_body(const httplib::Request& request) {
    if (request.method != "GET" && request.method != "HEAD") return false;
    if (request.has_header("Transfer-Encoding")) return true;
    const std::string length = request.get_header_value("Content-Length");
    return !length.empty() && length != "0";
}

thread_local std::chrono::steady_clock::time_point t_request_start;
// Whether this worker's current request is counted in the server's replies in flight: from
// routing (the request read) until its reply is written (cpp-httplib's logger runs then).
thread_local bool t_in_flight = false;
// How often a stopping server looks whether the replies in flight are written.
constexpr std::chrono::milliseconds kStopPollInterval{10};

// SIGTERM and SIGINT are blocked in every thread and taken by sigwait() in one: a handler could
// not safely stop the server.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    return signals;
}

void write_access_line(const httplib::Request& request, const httplib::Response& response) {
    static std::mutex mutex;
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_request_start);
    const std::string line = request.remote_addr + " \"" +
                             detail::escape_control_characters(request.method + " " + request.target) + "\" " +
                             std::to_string(response.status) + " " + std::to_string(response.body.size()) + " " +
                             std::to_string(elapsed.count()) + "ms\n";
    const std::lock_guard lock(mutex);
    std::cerr << line << std::flush;
}

}  // namespace

void serve(SearcherPool& pool, const ServerSettings& settings, const std::function<void(int port)>& on_listening) {
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts: they inherit it

    httplib::Server server;
    const std::size_t threads = settings.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Without TCP_NODELAY a keep-alive answer written in two parts (headers, body) waits for
    // the client's delayed ACK: about 40 ms on every request on Linux.
    server.set_tcp_nodelay(true);
    // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which a second server
    // on a port in use would start and share it instead of failing.
    server.set_socket_options([](int socket) {
        const int on = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    });
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_keep_alive_timeout(kKeepAliveIdle.count());
    server.set_read_timeout(settings.timeout.count(), 0);
    server.set_write_timeout(settings.timeout.count(), 0);
    server.set_payload_max_length(kMaxBodyBytes);

    // A stop waits for these, not for cpp-httplib's workers: a worker holding an idle
    // keep-alive connection would only see the stop at the end of its keep-alive timeout.
    std::atomic<std::size_t> in_flight{0};
    server.set_pre_routing_handler([&in_flight](const httplib::Request& request, httplib::Response& response) {
        t_request_start = std::chrono::steady_clock::now();
        if (!t_in_flight) {  // still set if the last reply's headers could not be written
            t_in_flight = true;
            ++in_flight;
        }
        // cpp-httplib 0.11 reads no body of a GET: left in the connection, it would be read as
        // the next request's line, held whole in memory however long. Refused, and the
        // connection closed, before any of it is read.
        if (carries_a_body(request)) {
            const Reply reply = unreadable_request(kPayloadTooLarge);
            response.status = reply.status;
            response.set_header("Connection", "close");
            response.set_content(reply.body, reply.content_type.c_str());
            return httplib::Server::HandlerResponse::Handled;
        }
        if (request.method == "GET" || request.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        const Reply reply = method_not_allowed(request.target);
        response.status = reply.status;
        response.set_header("Allow", "GET, HEAD");
        response.set_content(reply.body, reply.content_type.c_str());
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get(".*", [&pool](const httplib::Request& request, httplib::Response& response) {
        const Reply reply = route(pool, request.target);
        response.status = reply.status;
        // The page runs no script at all and loads only its own stylesheet.
        response.set_header("Content-Security-Policy",
                            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
                            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
        response.set_content(reply.body, reply.content_type.c_str());
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        response.status = 500;
        response.set_content("{\"error\":{\"status\":500,\"message\":\"internal error\"}}\n",
                             "application/json; charset=utf-8");
    });
    // Requests cpp-httplib refuses itself (a request line or header it cannot read, a target or
    // body too long) come with an empty body: they get rasd's JSON error document too. Replies
    // rasd wrote (a body already there) are left as they are.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const Reply reply = unreadable_request(response.status);
            response.set_content(reply.body, reply.content_type.c_str());
            return httplib::Server::HandlerResponse::Handled;
        }));
    // Called once a reply is written (not when its headers cannot be: the next request of the
    // worker then finishes the count).
    server.set_logger([&in_flight, access_log = settings.access_log](const httplib::Request& request,
                                                                     const httplib::Response& response) {
        if (access_log) write_access_line(request, response);
        if (t_in_flight) {
            t_in_flight = false;
            --in_flight;
        }
    });

    const int port = settings.port == 0 ? server.bind_to_any_port(settings.host)
                                        : (server.bind_to_port(settings.host, settings.port) ? settings.port : -1);
    if (port < 0) {
        throw Error("cannot listen on " + settings.host + ":" + std::to_string(settings.port) +
                    " (address in use, or not an address of this machine)");
    }
    // Detached: it lives until a signal comes, which may be never if listening fails. Once the
    // replies in flight are written (or the write timeout has passed), the process ends: the
    // kernel still delivers what they left in the socket buffers, and idle keep-alive
    // connections are closed with it rather than after their timeout.
    std::thread([&server, &in_flight, signals, write_timeout = settings.timeout] {
        int signal = 0;
        sigwait(&signals, &signal);
        server.stop();  // no new connections
        const auto give_up = std::chrono::steady_clock::now() + write_timeout;
        while (in_flight > 0 && std::chrono::steady_clock::now() < give_up) {
            std::this_thread::sleep_for(kStopPollInterval);
        }
        std::cout.flush();
        std::cerr.flush();
        std::_Exit(EXIT_SUCCESS);
    }).detach();
    on_listening(port);
    if (!server.listen_after_bind()) throw Error("the server stopped on a network error");
}

}  // namespace rasd::serve
