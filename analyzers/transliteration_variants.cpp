#include "transliteration_variants.hpp"

#include "util/data_lines.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

namespace rasd::detail {

extern const std::string_view kVariantsArabicText;

VariantTable VariantTable::parse(std::string_view name, std::string_view text) {
    VariantTable table;
    StringMap<std::size_t> line_of;
    for (const DataLine& line : data_lines(name, text)) {
        // A '#' after the stems starts a comment (the counts the table keeps for each group).
        const std::vector<std::string_view> stems = split_trimmed(line.text.substr(0, line.text.find('#')), '|');
        if (stems.size() < 2) throw DataError(line.error("a variant group needs at least two stems separated by '|'"));
        for (std::string_view stem : stems) {
            if (stem.empty() || !has_arabic_letter(stem) || fold_text(stem) != stem ||
                stem.find(' ') != std::string_view::npos) {
                throw DataError(line.error("'" + std::string(stem) + "' is not a folded Arabic word"));
            }
            if (const auto [it, inserted] = line_of.emplace(std::string(stem), line.number); !inserted) {
                throw DataError(line.error("'" + std::string(stem) + "' is already on line " + std::to_string(it->second)));
            }
            if (stem != stems.front()) {
                table.m_canonical.emplace(std::string(stem), std::string(stems.front()));
                table.m_variants[std::string(stems.front())].emplace_back(stem);
            }
        }
    }
    return table;
}

const VariantTable& VariantTable::builtin() {
    static const VariantTable table = parse("variants_ar", kVariantsArabicText);
    return table;
}

std::string_view VariantTable::canonical(std::string_view stem) const {
    const auto it = m_canonical.find(stem);
    return it == m_canonical.end() ? stem : std::string_view(it->second);
}

const std::vector<std::string>& VariantTable::variants_of(std::string_view canonical) const {
    static const std::vector<std::string> kNone;
    const auto it = m_variants.find(canonical);
    return it == m_variants.end() ? kNone : it->second;
}

}  // namespace rasd::detail
