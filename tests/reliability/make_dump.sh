#!/usr/bin/env bash
# Writes N synthetic Arabic news articles as JSON lines to stdout, deterministically from SEED:
# ids art-000001.., dates, places and topics that rasd resolves, bodies of 40-120 words drawn from
# a fixed vocabulary. For reliability tests that need volume, not meaning.
# Usage: make_dump.sh N SEED
set -euo pipefail
n=$1 seed=$2
awk -v n="$n" -v seed="$seed" 'BEGIN {
    srand(seed)
    split("الحكومة الوزارة المواطنين سائق سيارة نقل القاهرة الإسكندرية الأمن الشرطة المحكمة الاقتصاد البنك الأسعار المدرسة الطلاب المستشفى الأطباء المباراة الفريق الأهلي الزمالك الطريق الحادث المرور الفيديو مواقع التواصل الاجتماعي الداخلية ضبط متهم النيابة التحقيق المشروع الاستثمار التصدير الجامعة الامتحانات الثقافة المعرض الكتاب المهرجان الفيلم", words, " ")
    nw = length(words)
    split("القاهرة|الجيزة|الإسكندرية|دار السلام|مدينة نصر|أسوان|بيروت|دبي|تونس|الرياض", places, "|")
    split("security|traffic|economy|sports|health|education|culture|society", topics, "|")
    for (i = 1; i <= n; i++) {
        len = 40 + int(rand() * 80)
        body = ""
        for (j = 0; j < len; j++) body = body (j ? " " : "") words[1 + int(rand() * nw)]
        title = words[1 + int(rand() * nw)] " " words[1 + int(rand() * nw)] " " words[1 + int(rand() * nw)]
        printf("{\"id\":\"art-%06d\",\"title\":\"%s\",\"body\":\"%s\",\"date\":\"%04d-%02d-%02d\",\"place\":\"%s\",\"topic\":\"%s\",\"source\":\"الرصد\"}\n",
               i, title, body, 2015 + int(rand() * 11), 1 + int(rand() * 12), 1 + int(rand() * 28),
               places[1 + int(rand() * 10)], topics[1 + int(rand() * 8)])
    }
}'
