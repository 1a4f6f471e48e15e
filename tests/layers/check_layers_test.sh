#!/usr/bin/env bash
# scripts/check-layers.sh on small source trees made here: allowed includes pass; each kind of
# forbidden include fails with exit 1 and its exact FILE:LINE message; listed exceptions pass,
# and a listed exception that matches nothing fails.
#
# usage: check_layers_test.sh PATH/TO/check-layers.sh
set -euo pipefail

checker=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree
failures=0

# An empty tree with every folder the rule knows.
new_tree() {
    rm -rf "$tree"
    mkdir -p "$tree"/{util,analyzers,knowledge,archive,ingest,indexer,searcher,cli,include/rasd,scripts}
}

# write FILE LINE...: FILE in the tree, one argument a line.
write() {
    mkdir -p "$(dirname "$tree/$1")"
    printf '%s\n' "${@:2}" >"$tree/$1"
}

# expect NAME STATUS [STDOUT]: the checker on the tree exits with STATUS and prints exactly STDOUT
# (with STATUS 0, only that it passes is checked).
expect() {
    local name=$1 want_status=$2 want_output=${3:-} output status=0
    output=$(bash "$checker" "$tree" 2>"$work/stderr") || status=$?
    if [[ $status != "$want_status" ]]; then
        echo "FAIL $name: exit $status, expected $want_status; stdout: $output; stderr: $(cat "$work/stderr")"
        failures=$((failures + 1))
    elif [[ $want_status != 0 && $output != "$want_output" ]]; then
        echo "FAIL $name: printed"
        echo "$output"
        echo "expected"
        echo "$want_output"
        failures=$((failures + 1))
    else
        echo "ok   $name"
    fi
}

new_tree
write util/text.hpp '#pragma once' '#include <string_view>'
write analyzers/fold.cpp '#include "fold.hpp"' '#include "util/text.hpp"' '#include <unicode/uchar.h>' \
    '#include <rasd/error.hpp>'
write knowledge/dates.cpp '#include "dates.hpp"' '#include "analyzers/fold.hpp"' '#include "util/text.hpp"'
write archive/schema.hpp '#pragma once' '#include <xapian.h>'
write indexer/indexer.cpp '#include "archive/schema.hpp"' '#include "ingest/reader.hpp"' \
    '#include "knowledge/dates.hpp"' '#include <xapian.h>'
write indexer/rasd_index_main.cpp '#include "cli/cli_common.hpp"' '#include <rasd/indexer.hpp>' \
    '#include <boost/program_options.hpp>'
write searcher/rasd_search_main.cpp '#include "cli/cli_common.hpp"' '#include "util/text.hpp"'
write include/rasd/indexer.hpp '#pragma once' '#include <rasd/article.hpp>' '#include <string>'
expect "allowed includes pass" 0

new_tree
write knowledge/dates.cpp '#include "dates.hpp"' '' '#include "archive/schema.hpp"'
expect "knowledge may not use archive/" 1 "knowledge/dates.cpp:3: knowledge may not include archive/schema.hpp"

new_tree
write ingest/reader.cpp '// reads dumps' '#  include <xapian.h>'
expect "ingest may not include Xapian" 1 "ingest/reader.cpp:2: ingest may not include <xapian.h>"

new_tree
write util/text.hpp '#pragma once' '#include <unicode/utf8.h>'
expect "util may not include ICU" 1 "util/text.hpp:2: util may not include <unicode/utf8.h>"

new_tree
write indexer/indexer.cpp '#include "cli/progress_meter.hpp"'
write searcher/query.cpp '#include <indexer/article_document.hpp>'
expect "only the mains use cli/; searcher may not use indexer/" 1 \
    "indexer/indexer.cpp:1: indexer may not include cli/progress_meter.hpp
searcher/query.cpp:1: searcher may not include indexer/article_document.hpp"

new_tree
write indexer/rasd_index_main.cpp '#include "cli/cli_common.hpp"' '#include "article_preparer.hpp"'
write searcher/rasd_search_main.cpp '#include "archive/schema.hpp"' '#include <xapian.h>'
expect "the executables use only the public API, cli/ and util/" 1 \
    "indexer/rasd_index_main.cpp:2: rasd-index may not include indexer/article_preparer.hpp
searcher/rasd_search_main.cpp:1: rasd-search may not include archive/schema.hpp
searcher/rasd_search_main.cpp:2: rasd-search may not include <xapian.h>"

new_tree
write include/rasd/searcher.hpp '#pragma once' '#include "archive/schema.hpp"'
expect "public headers use only <rasd/...>" 1 \
    "include/rasd/searcher.hpp:2: include/rasd may not include archive/schema.hpp"

new_tree
write util/text.hpp '#pragma once' '#include <unicode/utf8.h>'
write scripts/layer-exceptions.txt '# known' 'util/text.hpp <unicode/utf8.h>  # to be undone'
expect "a listed exception passes" 0

write util/text.hpp '#pragma once'
expect "a listed exception that matches nothing fails" 1 \
    "scripts/layer-exceptions.txt:2: 'util/text.hpp <unicode/utf8.h>' is no longer included: remove the line"

if ((failures > 0)); then
    echo "$failures case(s) failed"
    exit 1
fi
