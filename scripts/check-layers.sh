#!/usr/bin/env bash
# The layer rule of docs/ARCHITECTURE.md, checked on every #include of the layers' sources: a
# folder includes only from the folders below it that it is allowed to use, Xapian stays out of
# util/, analyzers/, knowledge/ and ingest/, ICU stays out of util/, and the executables (and
# server/, the whole of rasd-serve) see only the public API (<rasd/...>), cli/ and util/, as an
# embedding program would.
#
# usage: scripts/check-layers.sh [ROOT]    ROOT: the source tree (by default, this script's)
#
# Prints each forbidden include as FILE:LINE: LAYER may not include WHAT and exits 1 if there
# is one, 0 if there is none, 2 on a usage error. Known breaks that are still to be undone are
# listed in ROOT/scripts/layer-exceptions.txt; they are reported on stderr but do not fail, and
# a line there that no longer matches an include fails, so the list can only shrink.
set -euo pipefail
export LC_ALL=C

if (($# > 1)); then
    echo "usage: $0 [ROOT]" >&2
    exit 2
fi
root=${1:-"$(dirname "$0")/.."}
if [[ ! -d $root ]]; then
    echo "check-layers: $root is not a directory" >&2
    exit 2
fi
cd "$root"

# The checked folders, lowest first, and what each may include besides itself, <rasd/...> and
# outside libraries. The mains are checked as the executables they build (rasd-index,
# rasd-search, rasd-watch), which may not use their own folder; server/ is rasd-serve's own
# folder, held to the same rule; include/rasd/ is the installed API.
layers=(util analyzers knowledge archive ingest indexer searcher watcher cli server)
declare -A may_use=(
    [util]=""
    [analyzers]="util"
    [knowledge]="util analyzers"
    [archive]="util analyzers"
    [ingest]="util"
    [indexer]="util analyzers knowledge archive ingest"
    [searcher]="util analyzers knowledge archive"
    [watcher]="util analyzers knowledge archive searcher"
    [cli]="util"
    [rasd-index]="util cli"
    [rasd-search]="util cli"
    [server]="util cli"
    [rasd-watch]="util cli"
    [include/rasd]=""
)
declare -A executable_of=(
    [indexer/rasd_index_main.cpp]=rasd-index
    [searcher/rasd_search_main.cpp]=rasd-search
    [watcher/rasd_watch_main.cpp]=rasd-watch
)

# Succeeds if the outside library header HEADER (as written in <...>) is kept out of LAYER:
# Xapian lives behind archive/, indexer/ and searcher/; util/ is plain C++; the public API
# shows neither Xapian nor ICU.
library_forbidden() {
    local layer=$1 header=$2
    case $header in
    xapian.h | xapian/*) [[ " util analyzers knowledge ingest rasd-index rasd-search rasd-watch server include/rasd " == *" $layer "* ]] ;;
    unicode/*) [[ " util include/rasd " == *" $layer "* ]] ;;
    *) return 1 ;;
    esac
}

# Succeeds if NAME, the first folder of an include path, is a folder of this source tree (and
# not an outside library's, such as boost/ or unicode/).
is_project_folder() {
    local name=$1 layer
    for layer in "${layers[@]}"; do [[ $name == "$layer" ]] && return 0; done
    [[ -d $name && $name != rasd ]]
}

exceptions_file=scripts/layer-exceptions.txt
declare -A excepted=()  # "FILE WHAT" -> line of exceptions_file
declare -A exception_used=()
if [[ -f $exceptions_file ]]; then
    number=0
    while IFS= read -r entry || [[ -n $entry ]]; do
        number=$((number + 1))
        entry=${entry%%#*}
        read -r excepted_file excepted_what extra <<<"$entry" || true
        [[ -z ${excepted_file:-} ]] && continue
        if [[ -z ${excepted_what:-} || -n ${extra:-} ]]; then
            echo "$exceptions_file:$number: expected 'FILE INCLUDED', got '$entry'" >&2
            exit 2
        fi
        excepted["$excepted_file $excepted_what"]=$number
    done <"$exceptions_file"
fi

violations=0
known=0
files=0

# Reports that FILE (checked as LAYER) includes WHAT at LINE, unless it is a listed exception.
report() {
    local file=$1 line=$2 layer=$3 what=$4
    local message="$file:$line: $layer may not include $what"
    if [[ -n ${excepted["$file $what"]:-} ]]; then
        exception_used["$file $what"]=1
        known=$((known + 1))
        echo "$message (listed in $exceptions_file)" >&2
    else
        violations=$((violations + 1))
        echo "$message"
    fi
}

include_line='^([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*([<"])([^>"]+)[>"]'

check_file() {
    local file=$1 folder=${1%%/*} layer own
    if [[ -n ${executable_of[$file]:-} ]]; then
        layer=${executable_of[$file]}
        own=""  # a main may not use the rest of its folder
    elif [[ $file == include/rasd/* ]]; then
        layer=include/rasd
        own=include
    else
        layer=$folder
        own=$folder
    fi
    files=$((files + 1))

    local match line delimiter path target first
    while IFS= read -r match; do
        [[ $match =~ $include_line ]] || continue
        line=${BASH_REMATCH[1]}
        delimiter=${BASH_REMATCH[2]}
        path=${BASH_REMATCH[3]}
        if [[ $delimiter == '"' && $path != */* ]]; then
            target="${file%/*}/$path"  # "file.hpp": the including file's own folder
        elif is_project_folder "${path%%/*}"; then
            target=$path
        else
            # An outside library (<xapian.h>, <unicode/...>, <boost/...>) or the public API.
            [[ ${path%%/*} == rasd ]] && continue
            if library_forbidden "$layer" "$path"; then report "$file" "$line" "$layer" "<$path>"; fi
            continue
        fi
        first=${target%%/*}
        [[ -n $own && $first == "$own" ]] && continue
        [[ " ${may_use[$layer]} " == *" $first "* ]] && continue
        report "$file" "$line" "$layer" "$target"
    done < <(grep -n -E '^[[:space:]]*#[[:space:]]*include' "$file" || true)
}

while IFS= read -r file; do
    check_file "$file"
done < <(for folder in "${layers[@]}" include/rasd; do
    [[ -d $folder ]] || continue
    find "$folder" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.hpp.in' \)
done | sort)

stale_lines=()  # "NUMBER FILE WHAT" of the exceptions that matched no include
for key in "${!excepted[@]}"; do
    [[ -n ${exception_used[$key]:-} ]] || stale_lines+=("${excepted[$key]} $key")
done
stale=${#stale_lines[@]}
if ((stale > 0)); then
    printf '%s\n' "${stale_lines[@]}" | sort -n | while read -r number excepted_file excepted_what; do
        echo "$exceptions_file:$number: '$excepted_file $excepted_what' is no longer included: remove the line"
    done
fi

if ((violations > 0 || stale > 0)); then
    echo "check-layers: $violations forbidden include(s), $stale stale exception(s); docs/ARCHITECTURE.md says what each folder may use" >&2
    exit 1
fi
echo "check-layers: the includes of $files files follow the layer rule ($known listed exception(s))"
