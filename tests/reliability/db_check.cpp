// Prints what a crash leaves behind: "articles=N ids=M duplicates=D" for a rasd database, where ids
// counts distinct Q (unique id) terms and duplicates the ids carried by more than one article.
// Exit 1 (with Xapian's message) if the database does not open.

#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rasd_db_check DB\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        std::size_t ids = 0, duplicates = 0;
        for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
            ++ids;
            if (it.get_termfreq() > 1) ++duplicates;
        }
        std::cout << "articles=" << db.get_doccount() << " ids=" << ids << " duplicates=" << duplicates << '\n';
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "rasd_db_check: " << argv[1] << ": " << e.get_description() << '\n';
        return 1;
    }
}
