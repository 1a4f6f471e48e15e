#include "bench_main.hpp"

#include <xapian.h>  // Xapian::Error, which is no std::exception

#include <exception>
#include <iostream>

namespace rasd::bench {

void check(bool ok, const std::string& what) {
    if (!ok) throw CheckFailed(what);
}

int run_bench_main(std::string_view name, const std::function<int()>& body) {
    try {
        return body();
    } catch (const CheckFailed& e) {
        std::cout << name << ": CHECK FAILED: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << name << ": ERROR: Xapian: " << e.get_description() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << name << ": ERROR: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace rasd::bench
