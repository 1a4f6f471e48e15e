#include "server/error_report.hpp"

#include "server/request_target.hpp"

#include <rasd/error.hpp>

namespace rasd::serve {

ErrorReport report_error(const std::exception_ptr& error) {
    constexpr int kBadRequest = 400;
    constexpr int kServiceUnavailable = 503;
    constexpr int kInternalError = 500;
    try {
        std::rethrow_exception(error);
    } catch (const RequestError& e) {
        return {e.status(), e.what(), std::nullopt};
    } catch (const QuerySyntaxError& e) {
        return {kBadRequest, e.what(), e.column()};
    } catch (const InvalidArgument& e) {
        return {kBadRequest, e.what(), std::nullopt};
    } catch (const ShardUnavailableError& e) {
        return {kServiceUnavailable, e.what(), std::nullopt};
    } catch (const std::exception& e) {
        return {kInternalError, e.what(), std::nullopt};
    } catch (...) {
        return {kInternalError, "unknown error", std::nullopt};
    }
}

}  // namespace rasd::serve
