#pragma once
// One value slot's values for a match spy, read from the slot's value stream. A count-only match
// shows its spies the matching articles in ascending document id order, so the stream only steps
// forward and decodes each chunk of values once, where Document::get_value looks its chunk up and
// decodes it from the start again for every article (bench/RESULTS.md, "Facets from one value
// slot"). An id below the last one asked for opens the stream again, so any order gives the
// right values. Over several shards a spy's document carries its shard's id, not the combined
// one, so there each value is read from the document itself.

#include <xapian.h>

#include <string>

namespace rasd::detail {

class SlotStream {
public:
    SlotStream(const Xapian::Database& database, Xapian::valueno slot);

    // The value of `document` (as a match spy is given it) in the slot; "" when it has none.
    [[nodiscard]] std::string value_of(const Xapian::Document& document);

private:
    Xapian::Database m_database;
    Xapian::valueno m_slot;
    bool m_one_database;  // else read from each document
    Xapian::ValueIterator m_at;  // default: the end of a stream
    Xapian::docid m_last_asked = 0;
    bool m_open = false;
};

}  // namespace rasd::detail
