#include "slot_stream.hpp"

namespace rasd::detail {

SlotStream::SlotStream(const Xapian::Database& database, Xapian::valueno slot)
    : m_database(database), m_slot(slot), m_one_database(database.size() == 1) {}

std::string SlotStream::value_of(const Xapian::Document& spied) {
    if (!m_one_database) return spied.get_value(m_slot);
    const Xapian::docid document = spied.get_docid();
    if (!m_open || document < m_last_asked) {
        m_at = m_database.valuestream_begin(m_slot);
        m_open = true;
    }
    m_last_asked = document;
    const Xapian::ValueIterator end;  // what valuestream_end() returns
    if (m_at == end) return {};
    if (m_at.get_docid() < document) m_at.skip_to(document);
    if (m_at == end || m_at.get_docid() != document) return {};
    return *m_at;
}

}  // namespace rasd::detail
