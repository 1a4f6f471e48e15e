#include "xapian_term_generator.hpp"

namespace rasd::bench {

Xapian::TermGenerator make_arabic_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("arabic"));
    return tg;
}

Xapian::Document xapian_document(Xapian::TermGenerator& tg, const rasd::Article& a, const std::string& id_term) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(a.title);
    if (!a.abstract.empty()) {
        tg.increase_termpos();
        tg.index_text(a.abstract);
    }
    tg.increase_termpos();
    tg.index_text(a.body);
    doc.add_boolean_term(id_term);
    return doc;
}

}  // namespace rasd::bench
