#include "bm25_parameters.hpp"

namespace rasd::bench::ranking {

const std::vector<double> kGridK1 = {0.6, 0.9, 1.2, 1.5, 2.0, 2.5, 3.0};
const std::vector<double> kGridB = {0.3, 0.5, 0.75, 0.9};

Bm25 library_bm25() {
    Bm25 w;
    w.k1 = 2.0;
    w.b = 0.75;
    return w;
}

std::vector<Bm25> grid_cells() {
    std::vector<Bm25> cells;
    for (double k1 : kGridK1) {
        for (double b : kGridB) {
            Bm25 w;
            w.k1 = k1;
            w.b = b;
            cells.push_back(w);
        }
    }
    return cells;
}

Bm25 common_cell() {
    Bm25 w;
    w.k1 = 2.0;
    w.b = 0.75;
    return w;
}

}  // namespace rasd::bench::ranking
