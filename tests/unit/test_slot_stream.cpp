// SlotStream: a value slot read for a match spy, from the slot's value stream in one database
// (ids with gaps, repeated, going back, past the last value) and from each document over several.

#include <doctest/doctest.h>

#include "searcher/slot_stream.hpp"
#include "tests/support/temp_dir.hpp"

#include <xapian.h>

#include <string>
#include <vector>

using rasd::test::TempDir;

namespace {

constexpr Xapian::valueno kSlot = 3;

// A database of `documents` documents where document i (1-based) has the value "v<i>" in kSlot
// when i is in `with_value`, and nothing there otherwise.
void write_database(const std::string& path, Xapian::docid documents, const std::vector<Xapian::docid>& with_value) {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::docid id = 1; id <= documents; ++id) {
        Xapian::Document document;
        document.add_boolean_term("Q" + std::to_string(id));
        for (const Xapian::docid valued : with_value) {
            if (valued == id) document.add_value(kSlot, "v" + std::to_string(id));
        }
        database.add_document(document);
    }
    database.commit();
}

}  // namespace

TEST_SUITE("slot_stream") {

TEST_CASE("one database: each id asked gives its own value, in any order") {
    const TempDir dir;
    write_database(dir.path("db"), 9, {2, 3, 5, 8});
    const Xapian::Database database(dir.path("db"));
    rasd::detail::SlotStream stream(database, kSlot);
    struct Ask {
        Xapian::docid id;
        std::string value;
    };
    // Forward with gaps, an id asked twice, back to the start, past the last value, and back
    // again from the end of the stream.
    const std::vector<Ask> asks = {{1, ""},   {2, "v2"}, {3, "v3"}, {3, "v3"}, {4, ""}, {8, "v8"},
                                   {2, "v2"}, {5, "v5"}, {9, ""},   {8, "v8"}, {1, ""}, {3, "v3"}};
    for (const Ask& ask : asks) {
        CAPTURE(ask.id);
        CHECK(stream.value_of(database.get_document(ask.id)) == ask.value);
    }
}

TEST_CASE("one database without any value in the slot: every value is empty") {
    const TempDir dir;
    write_database(dir.path("db"), 3, {});
    const Xapian::Database database(dir.path("db"));
    rasd::detail::SlotStream stream(database, kSlot);
    for (const Xapian::docid id : {1U, 2U, 3U, 1U}) CHECK(stream.value_of(database.get_document(id)).empty());
}

TEST_CASE("two databases: each value is read from its document") {
    const TempDir dir;
    write_database(dir.path("a"), 3, {1, 3});
    write_database(dir.path("b"), 3, {2});
    Xapian::Database both(dir.path("a"));
    both.add_database(Xapian::Database(dir.path("b")));
    rasd::detail::SlotStream stream(both, kSlot);
    // Combined ids interleave the two: 1 = a1, 2 = b1, 3 = a2, 4 = b2, 5 = a3, 6 = b3.
    const std::vector<std::string> expected = {"v1", "", "", "v2", "v3", ""};
    for (Xapian::docid id = 1; id <= 6; ++id) {
        CAPTURE(id);
        CHECK(stream.value_of(both.get_document(id)) == expected[id - 1]);
    }
}

}  // TEST_SUITE
