// Embedding rasd: index three articles into a database, then search it.
// Usage: index_and_search DB_DIR
// Prints the ids of the hits for a query that spells its words differently from the articles.

#include <rasd/rasd.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: index_and_search DB_DIR\n";
        return 2;
    }
    try {
        {
            rasd::Indexer indexer(argv[1]);
            rasd::Article article;
            article.id = "ex-1";
            article.title = "ضبط سائق سيارة نقل يقود برعونة فى القاهرة";
            article.body = "ألقت الأجهزة الأمنية القبض على سائق سيارة نقل ظهر فى مقطع فيديو متداول.";
            article.date = "2019-03-14";
            indexer.add_or_replace(article);

            article.id = "ex-2";
            article.title = "البنك المركزي يثبت أسعار الفائدة";
            article.body = "قال مسئول مصرفى إن البنك المركزي أبقى على أسعار الفائدة دون تغيير.";
            article.date = "2021-06-17";
            indexer.add_or_replace(article);

            article.id = "ex-3";
            article.title = "افتتاح معرض بيروت للكتاب";
            article.body = "افتتح فى بيروت معرض الكتاب بمشاركة دور نشر من لبنان وفرنسا.";
            article.date = "2022-12-01";
            indexer.add_or_replace(article);
            indexer.commit();
        }
        rasd::Searcher searcher(argv[1]);
        // المسؤول is spelled مسئول in the article, مصرفي as مصرفى: analysis makes them meet.
        const rasd::SearchResults results = searcher.search("المسؤول المصرفي");
        for (const rasd::SearchHit& hit : results.hits) {
            std::cout << hit.rank << '\t' << hit.id << '\t' << hit.title << '\n';
        }
        return results.hits.empty() ? 1 : 0;
    } catch (const rasd::Error& e) {
        std::cerr << "index_and_search: error: " << e.what() << '\n';
        return 1;
    }
}
