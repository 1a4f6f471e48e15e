#pragma once
// BM25 parameters for the ranking benchmark's plain-Xapian runs: Xapian's defaults, the ones
// rasd::Searcher uses, the grid searched, and the common cell every variant is compared at.

#include <vector>

namespace rasd::bench::ranking {

struct Bm25 {
    double k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5;  // Xapian::BM25Weight() defaults
};

// The parameters rasd::Searcher uses (searcher/searcher.cpp, kBm25*; k1 2.0 and b 0.75 since
// af34a4d, Xapian's defaults before). The reproduction check fails if they drift apart.
Bm25 library_bm25();

// k1 2.5 and 3.0 extend the grid first asked for, whose best cell was on its k1 = 2.0 edge.
extern const std::vector<double> kGridK1;
extern const std::vector<double> kGridB;

// The cells of the grid, k1 major.
std::vector<Bm25> grid_cells();

// One cell for every variant, so variants compare at the same parameters (the best cell of
// `light` in every run made while writing this benchmark; now also the library's).
Bm25 common_cell();

}  // namespace rasd::bench::ranking
