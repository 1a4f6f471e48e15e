# Script mode helper for rasd_embed_text(); the raw-string delimiter cannot occur in word lists.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace rasd::detail {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL} = R\"rasd_embed(${content})rasd_embed\";\n}\n")
