#include "term_codec.hpp"

#include "util/fnv1a.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace rasd::schema {
namespace {

constexpr std::size_t kYearBytes = 4;   // YYYY
constexpr std::size_t kMonthBytes = 6;  // YYYYMM
constexpr std::size_t kDateBytes = 8;   // YYYYMMDD
constexpr std::size_t kIsoDateBytes = 10;  // YYYY-MM-DD
constexpr char kOmegaColon = ':';
constexpr char kIsoSeparator = '-';

bool is_ascii_capital(char c) { return c >= 'A' && c <= 'Z'; }

bool is_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// `text` with `prefix` removed; "" if it does not start with it.
std::string after_prefix(std::string_view prefix, std::string_view text) {
    if (text.substr(0, prefix.size()) != prefix) return {};
    return std::string(text.substr(prefix.size()));
}

std::string concat(std::string_view a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b);
    return out;
}

}  // namespace

std::string boolean_term(std::string_view prefix, std::string_view value) {
    const bool needs_colon = prefix.size() > 1 && !value.empty() && is_ascii_capital(value.front());
    std::string term(prefix);
    if (needs_colon) term += kOmegaColon;
    term.append(value);
    return term;
}

std::string term_value(std::string_view prefix, std::string_view term) {
    if (term.substr(0, prefix.size()) != prefix) return {};
    std::string_view value = term.substr(prefix.size());
    if (prefix.size() > 1 && value.size() > 1 && value[0] == kOmegaColon && is_ascii_capital(value[1])) {
        value.remove_prefix(1);
    }
    return std::string(value);
}

std::string word_term_prefix(WordField field) {
    return field == WordField::Title ? concat(kStemPrefix, kTitlePrefix) : std::string(kStemPrefix);
}

std::string word_term(std::string_view word, WordField field) { return concat(word_term_prefix(field), word); }

std::string word_of_term(std::string_view term, WordField field) {
    return after_prefix(word_term_prefix(field), term);
}

std::string id_term(std::string_view article_id) { return concat(kIdPrefix, article_id); }
std::string id_of_term(std::string_view term) { return after_prefix(kIdPrefix, term); }

std::string place_term(std::string_view place_id) { return boolean_term(kPlacePrefix, place_id); }
std::string place_of_term(std::string_view term) { return term_value(kPlacePrefix, term); }

std::string topic_term(std::string_view topic_id) { return boolean_term(kTopicPrefix, topic_id); }
std::string topic_of_term(std::string_view term) { return term_value(kTopicPrefix, term); }

std::string source_term_value(std::string_view source_name) {
    return std::string(detail::utf8_prefix(fold_text(source_name), kMaxSourceTermBytes));
}
std::string source_term(std::string_view source_name) {
    return boolean_term(kSourcePrefix, source_term_value(source_name));
}
std::string source_of_term(std::string_view term) { return term_value(kSourcePrefix, term); }

std::string year_term(std::string_view yyyymmdd) { return concat(kYearPrefix, yyyymmdd.substr(0, kYearBytes)); }
std::string month_term(std::string_view yyyymmdd) { return concat(kMonthPrefix, yyyymmdd.substr(0, kMonthBytes)); }
std::string day_term(std::string_view yyyymmdd) { return concat(kDayPrefix, yyyymmdd); }
std::string year_of_term(std::string_view term) { return after_prefix(kYearPrefix, term); }
std::string month_of_term(std::string_view term) { return after_prefix(kMonthPrefix, term); }
std::string day_of_term(std::string_view term) { return after_prefix(kDayPrefix, term); }

std::string iso_date(std::string_view yyyymmdd) {
    if (yyyymmdd.size() != kDateBytes) return {};
    std::string iso = iso_month(yyyymmdd);
    iso += kIsoSeparator;
    iso.append(yyyymmdd.substr(kMonthBytes, 2));
    return iso;
}

std::string yyyymmdd_of_iso(std::string_view iso_date) {
    if (iso_date.size() != kIsoDateBytes || iso_date[4] != kIsoSeparator || iso_date[7] != kIsoSeparator) return {};
    std::string yyyymmdd;
    yyyymmdd.append(iso_date.substr(0, 4)).append(iso_date.substr(5, 2)).append(iso_date.substr(8, 2));
    return is_digits(yyyymmdd) ? yyyymmdd : std::string();
}

std::string iso_month(std::string_view yyyymmdd) {
    if (yyyymmdd.size() != kDateBytes) return {};
    std::string month(yyyymmdd.substr(0, kYearBytes));
    month += kIsoSeparator;
    month.append(yyyymmdd.substr(kYearBytes, 2));
    return month;
}

std::string date_value(std::string_view yyyymmdd) { return std::string(yyyymmdd); }
std::string date_of_value(std::string_view value) { return std::string(value); }

std::string topic_value(std::string_view topic_id) { return std::string(topic_id); }
std::string topic_of_value(std::string_view value) { return std::string(value); }
std::string country_value(std::string_view place_id) { return std::string(place_id); }
std::string country_of_value(std::string_view value) { return std::string(value); }
std::string city_value(std::string_view place_id) { return std::string(place_id); }
std::string city_of_value(std::string_view value) { return std::string(value); }
std::string source_value(std::string_view source_name) { return source_term_value(source_name); }
std::string source_of_value(std::string_view value) { return std::string(value); }

std::string year_value(std::string_view yyyymmdd) { return std::string(yyyymmdd.substr(0, kYearBytes)); }
std::string year_of_value(std::string_view value) { return std::string(value); }
std::string month_value(std::string_view yyyymmdd) { return iso_month(yyyymmdd); }
std::string month_of_value(std::string_view value) { return std::string(value); }

std::string story_term(std::string_view story_id) { return boolean_term(kStoryPrefix, story_id); }
std::string story_of_term(std::string_view term) { return term_value(kStoryPrefix, term); }

std::string band_term(std::uint64_t band_key) {
    constexpr std::string_view kHexDigits = "0123456789abcdef";
    constexpr unsigned kNibble = 4;
    constexpr unsigned kKeyBits = 64;
    std::string term(kBandPrefix);
    for (unsigned shift = kKeyBits; shift > 0; shift -= kNibble) term += kHexDigits[(band_key >> (shift - kNibble)) & 0xFU];
    return term;
}

std::string story_value(std::string_view story_id) { return std::string(story_id); }
std::string story_of_value(std::string_view value) { return std::string(value); }

std::string signature_value(std::span<const std::uint16_t> minhashes) {
    constexpr unsigned kByteBits = 8;
    std::string value;
    value.reserve(2 * minhashes.size());
    for (const std::uint16_t h : minhashes) {
        value += static_cast<char>(h >> kByteBits);
        value += static_cast<char>(h & 0xFFU);
    }
    return value;
}

bool signature_of_value(std::string_view value, std::span<std::uint16_t> minhashes) {
    constexpr unsigned kByteBits = 8;
    if (value.size() != 2 * minhashes.size()) return false;
    for (std::size_t i = 0; i < minhashes.size(); ++i) {
        minhashes[i] = static_cast<std::uint16_t>((static_cast<unsigned char>(value[2 * i]) << kByteBits) |
                                                  static_cast<unsigned char>(value[2 * i + 1]));
    }
    return true;
}

std::string id_value(std::string_view article_id) { return std::string(article_id); }
std::string id_of_value(std::string_view value) { return std::string(value); }

std::string date_id_value(std::string_view yyyymmdd, std::string_view article_id) {
    return concat(yyyymmdd.empty() ? std::string_view(kUndatedSortKey) : yyyymmdd, article_id);
}

DateAndId date_id_of_value(std::string_view value) {
    const std::string_view date = value.substr(0, kDateBytes);
    return {date == kUndatedSortKey ? std::string() : std::string(date), std::string(value.substr(date.size()))};
}

namespace {
// `text` as a decimal number; false when it is not one.
bool parse_decimal(std::string_view text, std::uint64_t& number) {
    if (text.empty()) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    return error == std::errc() && end == text.data() + text.size();
}
}  // namespace

std::string sequence_term(std::uint64_t sequence) { return concat(kSequencePrefix, std::to_string(sequence)); }

std::uint64_t sequence_of_term(std::string_view term) {
    std::uint64_t sequence = 0;
    if (term.substr(0, std::string_view(kSequencePrefix).size()) != kSequencePrefix ||
        !parse_decimal(term.substr(std::string_view(kSequencePrefix).size()), sequence)) {
        return 0;
    }
    return sequence;
}

std::string sequence_value(std::uint64_t sequence) {
    return Xapian::sortable_serialise(static_cast<double>(sequence));
}

std::uint64_t sequence_of_value(std::string_view value) {
    if (value.empty()) return 0;
    return static_cast<std::uint64_t>(Xapian::sortable_unserialise(std::string(value)));
}

namespace {

// A facets_value()'s members, indexed by FacetField.
template <typename Values>
auto facet_fields(Values& values) {
    auto fields = std::array{&values.topic, &values.countries[0], &values.countries[1], &values.countries[2],
                             &values.city, &values.source, &values.month};
    static_assert(fields.size() == kFacetFields && kCityField == 4 && kMonthField == 6);
    return fields;
}

}  // namespace

std::string facets_value(const FacetSlotValues& values) {
    static_assert(kMaxFacetFieldBytes == std::numeric_limits<unsigned char>::max());
    std::string value;
    bool any = false;
    for (const std::string* field : facet_fields(values)) {
        if (field->size() > kMaxFacetFieldBytes) {
            throw std::length_error("facet value of " + std::to_string(field->size()) + " bytes (at most " +
                                    std::to_string(kMaxFacetFieldBytes) + ")");
        }
        value += static_cast<char>(field->size());
        value += *field;
        any = any || !field->empty();
    }
    return any ? value : std::string();
}

std::array<std::string_view, kFacetFields> facet_fields_of_value(std::string_view value) {
    std::array<std::string_view, kFacetFields> fields;
    for (std::string_view& field : fields) {
        if (value.empty()) break;
        const auto size = static_cast<unsigned char>(value.front());
        value.remove_prefix(1);
        if (size > value.size()) break;
        field = value.substr(0, size);
        value.remove_prefix(size);
    }
    return fields;
}

FacetSlotValues facets_of_value(std::string_view value) {
    FacetSlotValues values;
    const auto fields = facet_fields_of_value(value);
    const auto members = facet_fields(values);
    for (std::size_t i = 0; i < kFacetFields; ++i) members[i]->assign(fields[i]);
    return values;
}

std::string content_digest_value(std::string_view document_data) {
    constexpr int kHexDigits = 16;
    char digits[kHexDigits + 1];
    std::snprintf(digits, sizeof digits, "%016llx",
                  static_cast<unsigned long long>(detail::fnv1a64(document_data)));  // NOLINT(*-vararg)
    return std::string(digits, kHexDigits);
}

std::string sequence_metadata(std::uint64_t sequence) { return std::to_string(sequence); }

std::uint64_t sequence_of_metadata(std::string_view value, std::string_view where) {
    std::uint64_t sequence = 0;
    if (value.empty()) return 0;
    if (!parse_decimal(value, sequence)) {
        throw DatabaseError(std::string(where) + ": " + kSequenceKey + " is '" + std::string(value) +
                            "', not a sequence number");
    }
    return sequence;
}

}  // namespace rasd::schema
