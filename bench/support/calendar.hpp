#pragma once
// Gregorian calendar facts the benchmarks need to move dates and write date ranges.

namespace rasd::bench {

bool is_leap(int year);

// 28 to 31; `month` is 1..12.
int days_in_month(int year, int month);

}  // namespace rasd::bench
