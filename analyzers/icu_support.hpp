#pragma once
// Small helpers around ICU: status checks and UTF-8 decoding with ICU's own macros.

#include <rasd/error.hpp>

#include <unicode/utypes.h>

#include <string>

namespace rasd::detail {

// Throws rasd::Error naming the ICU call when `status` is a failure.
inline void icu_check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU ") + what + " failed: " + u_errorName(status));
    }
}

}  // namespace rasd::detail
