// Lexer and recursive-descent parser for the query language (grammar in query_syntax.hpp):
//   or_expr   := and_expr ("OR" and_expr)*
//   and_expr  := not_expr ("AND" not_expr)*
//   not_expr  := juxtaposed ("NOT" juxtaposed)*
//   juxtaposed:= unary+                      (the default operator)
//   unary     := ["-" | "+"] (atom | "(" or_expr ")")

#include "query_syntax.hpp"

#include "knowledge/date_parser.hpp"
#include "util/edit_distance.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <array>
#include <utility>

namespace rasd::detail {
namespace {

using Kind = QueryNode::Kind;
using Modifier = QueryNode::Modifier;

struct QuotePair {
    std::string_view open;
    std::string_view close;
};
constexpr std::array kQuotes = {
    QuotePair{"\"", "\""}, QuotePair{"«", "»"}, QuotePair{"“", "”"}, QuotePair{"„", "“"},
};

struct Token {
    enum class Type { LeftParen, RightParen, And, Or, Not, Atom, End };
    Type type = Type::End;
    Modifier modifier = Modifier::None;
    QueryNode atom;        // for Atom
    std::size_t byte = 0;  // where it starts; the column is computed only for an error message
};

// The 1-based column, in characters, of `byte`: linear in the query, so it is computed only for
// a message (per token it would make lexing quadratic).
std::size_t column_of(std::string_view text, std::size_t byte) {
    return 1 + count_code_points(text.substr(0, byte));
}

// The error for a problem that starts at `byte`: "WHAT at position COLUMN DETAIL".
QuerySyntaxError error_at(std::string_view text, std::size_t byte, const std::string& what,
                          const std::string& detail = {}) {
    const std::size_t column = column_of(text, byte);
    return QuerySyntaxError(what + " at position " + std::to_string(column) + detail, byte, column);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

const QuotePair* quote_at(std::string_view text, std::size_t at) {
    for (const QuotePair& q : kQuotes) {
        if (text.substr(at).starts_with(q.open)) return &q;
    }
    return nullptr;
}

// A field name is letters only (ASCII or Arabic); "10:30" and "https://" are words.
bool looks_like_field_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool arabic_byte = c >= 0x80;  // UTF-8 of non-ASCII letters; digits are ASCII here
        if (!ascii_letter && !arabic_byte) return false;
    }
    return true;
}

bool is_blank(std::string_view text) {
    for (char c : text) {
        if (!is_space(c)) return false;
    }
    return true;
}

// The Arabic definite article: المكان: is مكان:.
constexpr std::string_view kDefiniteArticle = "ال";

std::string canonical_field(std::string_view name) {
    const std::string folded = fold_text(name);
    for (const FieldName& f : kQueryFields) {
        const std::string arabic = fold_text(f.arabic);
        if (folded == f.canonical || folded == arabic || folded == std::string(kDefiniteArticle) + arabic) {
            return std::string(f.canonical);
        }
    }
    return {};
}

// "AND", "OR", "NOT": a date value never runs on over an operator.
bool is_operator(std::string_view chunk) { return chunk == "AND" || chunk == "OR" || chunk == "NOT"; }

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (true) {
            Token t = next();
            const bool end = t.type == Token::Type::End;
            out.push_back(std::move(t));
            if (end) return out;
        }
    }

private:
    Token next() {
        while (m_at < m_text.size() && is_space(m_text[m_at])) ++m_at;
        Token token;
        token.byte = m_at;
        if (m_at >= m_text.size()) return token;

        // A leading - or + binds to what follows directly: -word, -"phrase", -(group).
        if ((m_text[m_at] == '-' || m_text[m_at] == '+') && m_at + 1 < m_text.size() && !is_space(m_text[m_at + 1])) {
            token.modifier = m_text[m_at] == '-' ? Modifier::Excluded : Modifier::Required;
            ++m_at;
        }
        if (m_text[m_at] == '(') {
            ++m_at;
            token.type = Token::Type::LeftParen;
            return token;
        }
        if (m_text[m_at] == ')') {
            ++m_at;
            token.type = Token::Type::RightParen;
            return token;
        }
        token.type = Token::Type::Atom;
        if (const QuotePair* quote = quote_at(m_text, m_at)) {
            token.atom = read_phrase(*quote);
            return token;
        }
        const std::size_t start = m_at;
        while (m_at < m_text.size() && !is_space(m_text[m_at]) && m_text[m_at] != '(' && m_text[m_at] != ')' &&
               !quote_at(m_text, m_at)) {
            ++m_at;
        }
        const std::string_view chunk = m_text.substr(start, m_at - start);
        if (token.modifier == Modifier::None) {
            if (chunk == "AND") return operator_token(Token::Type::And, token.byte);
            if (chunk == "OR") return operator_token(Token::Type::Or, token.byte);
            if (chunk == "NOT") return operator_token(Token::Type::Not, token.byte);
        }
        token.atom = read_atom(chunk, start);
        return token;
    }

    static Token operator_token(Token::Type type, std::size_t byte) {
        Token t;
        t.type = type;
        t.byte = byte;
        return t;
    }

    QueryNode read_phrase(const QuotePair& quote) {
        const std::size_t open_at = m_at;
        m_at += quote.open.size();
        const std::size_t close = m_text.find(quote.close, m_at);
        if (close == std::string_view::npos) {
            throw error_at(m_text, open_at, "unbalanced quotes: the " + std::string(quote.open), " is never closed");
        }
        QueryNode node;
        node.kind = Kind::Phrase;
        node.text = std::string(m_text.substr(m_at, close - m_at));
        m_at = close + quote.close.size();
        return node;
    }

    QueryNode read_atom(std::string_view chunk, std::size_t start) {
        const std::size_t colon = chunk.find(':');
        if (colon == std::string_view::npos || !looks_like_field_name(chunk.substr(0, colon)) ||
            chunk.substr(colon + 1).starts_with("//")) {
            return plain_atom(chunk);
        }
        const std::string_view name = chunk.substr(0, colon);
        QueryNode field;
        field.kind = Kind::Field;
        field.field = canonical_field(name);
        if (field.field.empty()) return words_of_unknown_field(chunk, colon);
        if (field.field == "date") {
            field.children.push_back(read_date_value(start + colon + 1, start, name));
            return field;
        }
        const std::string_view value = chunk.substr(colon + 1);
        if (value.empty() && m_at < m_text.size() && quote_at(m_text, m_at)) {
            QueryNode phrase = read_phrase(*quote_at(m_text, m_at));  // place:"دار السلام"
            if (is_blank(phrase.text)) throw no_value(start, name);   // place:""
            field.children.push_back(std::move(phrase));
        } else if (value.empty()) {
            throw no_value(start, name);
        } else {
            field.children.push_back(plain_atom(value));
        }
        return field;
    }

    QuerySyntaxError no_value(std::size_t start, std::string_view name) const {
        return error_at(m_text, start, "field '" + std::string(name) + ":'", " has no value");
    }

    // A name that is no field: "CNN: ..." pasted from a headline, "مصرفي: ..." from running
    // text, "author:x". Its words are searched as text, as Xapian's QueryParser reads an
    // unknown prefix, and the name is kept for --explain.
    static QueryNode words_of_unknown_field(std::string_view chunk, std::size_t colon) {
        QueryNode name;
        name.kind = Kind::Word;
        name.text = std::string(chunk.substr(0, colon + 1));
        name.not_a_field = std::string(chunk.substr(0, colon));
        const std::string_view value = chunk.substr(colon + 1);
        if (value.empty()) return name;
        QueryNode words;
        words.kind = Kind::Default;
        words.children.push_back(std::move(name));
        words.children.push_back(plain_atom(value));
        return words;
    }

    // One run of text with no space in it, its quoted parts unquoted and joined to the rest:
    // "مارس 2018".."يونيو 2018" reads as مارس 2018..يونيو 2018. Stops at a space or a bracket.
    std::string read_glued() {
        std::string text;
        while (m_at < m_text.size() && !is_space(m_text[m_at]) && m_text[m_at] != '(' && m_text[m_at] != ')') {
            if (const QuotePair* quote = quote_at(m_text, m_at)) {
                text += read_phrase(*quote).text;
            } else {
                text += m_text[m_at++];
            }
        }
        return text;
    }

    // The value of date: starting at `value_at`. A value that is not yet a readable date or
    // range runs on over the next space-separated parts until it is one, so that month names
    // need no quotes (date:مارس 2018..يونيو 2018), and a range whose ".." stands between
    // spaces is one value. A value that never becomes readable stays as typed: the query
    // builder then says that it cannot read it, rather than searching its parts as words.
    QueryNode read_date_value(std::size_t value_at, std::size_t field_at, std::string_view name) {
        struct Reading {
            std::string text;   // the value up to and including this part
            std::string part;   // this part
            std::size_t end;    // where this part ends in the query
        };
        m_at = value_at;
        std::vector<Reading> readings;
        std::string first = read_glued();
        if (is_blank(first)) throw no_value(field_at, name);
        readings.push_back({first, first, m_at});
        while (readings.size() <= kMaxDateValueParts) {
            std::size_t at = m_at;
            while (at < m_text.size() && is_space(m_text[at])) ++at;
            if (at >= m_text.size() || m_text[at] == '(' || m_text[at] == ')') break;
            m_at = at;
            std::string part = read_glued();
            if (is_operator(part)) break;
            readings.push_back({readings.back().text + " " + part, part, m_at});
        }
        auto continues_range = [&](std::size_t k) {
            return k + 1 < readings.size() && (readings[k + 1].part.starts_with("..") || readings[k].text.ends_with(".."));
        };
        // A Hijri date with a day its month lacks ("30 صفر 1436") is a date, wrongly written: the
        // value ends there and the error says what is wrong with it.
        auto is_date = [](const std::string& text) {
            return is_readable_date_range(text) || !hijri_range_problem(text).empty();
        };
        std::size_t chosen = readings.size();
        for (std::size_t k = 0; k < readings.size() && chosen == readings.size(); ++k) {
            if (!continues_range(k) && is_date(readings[k].text)) chosen = k;
        }
        if (chosen == readings.size()) {
            // Nothing reads: keep what was typed, with a '..' that follows it after a space (and
            // the part after a lone '..'), so the error names the range, not just its start.
            chosen = 0;
            if (readings.size() > 1 && readings[1].part.starts_with("..")) {
                chosen = readings[1].part == ".." && readings.size() > 2 ? 2 : 1;
            }
        }
        m_at = readings[chosen].end;
        if (const std::string problem = hijri_range_problem(readings[chosen].text); !problem.empty()) {
            throw error_at(m_text, value_at, "invalid Hijri date '" + readings[chosen].text + "'", ": " + problem);
        }
        QueryNode value;
        value.text = readings[chosen].text;
        value.kind = value.text.find(' ') == std::string::npos ? Kind::Word : Kind::Phrase;
        return value;
    }

    static QueryNode plain_atom(std::string_view chunk) {
        QueryNode node;
        if (chunk.size() > 1 && chunk.back() == '*') {
            node.kind = Kind::Wildcard;
            node.text = std::string(chunk.substr(0, chunk.size() - 1));
        } else {
            node.kind = Kind::Word;
            node.text = std::string(chunk);
        }
        return node;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

// The wildcards of an atom that are expanded over the vocabulary (the cost the wildcard limit
// bounds): alone, as a title: value, or after a name that is no field ("author:x*"); other
// fields read a value* literally.
std::size_t expanded_wildcards(const QueryNode& atom) {
    if (atom.kind == Kind::Wildcard) return 1;
    if (atom.kind == Kind::Field) return atom.field == "title" && atom.children.at(0).kind == Kind::Wildcard ? 1 : 0;
    std::size_t count = 0;
    for (const QueryNode& child : atom.children) count += expanded_wildcards(child);
    return count;
}

class Parser {
public:
    Parser(std::string_view text, std::vector<Token> tokens) : m_text(text), m_tokens(std::move(tokens)) {}

    QueryNode parse() {
        if (peek().type == Token::Type::End) {
            QueryNode empty;
            empty.kind = Kind::Default;
            return empty;
        }
        QueryNode node = or_expr();
        if (peek().type == Token::Type::RightParen) {
            throw error_at(m_text, peek().byte, "unbalanced brackets: the ')'", " has no '('");
        }
        return node;
    }

private:
    const Token& peek() const { return m_tokens[m_next]; }
    Token take() { return m_tokens[m_next++]; }

    static const char* name_of(Token::Type t) {
        switch (t) {
            case Token::Type::And: return "AND";
            case Token::Type::Or: return "OR";
            case Token::Type::Not: return "NOT";
            default: return "?";
        }
    }

    bool starts_operand() const {
        const Token::Type t = peek().type;
        return t == Token::Type::Atom || t == Token::Type::LeftParen;
    }

    void expect_operand_after(const Token& op) {
        if (!starts_operand()) {
            throw error_at(m_text, op.byte, std::string("'") + name_of(op.type) + "'", " has nothing after it");
        }
    }

    QueryNode binary(Kind kind, QueryNode left, QueryNode right) {
        QueryNode node;
        node.kind = kind;
        node.children.push_back(std::move(left));
        node.children.push_back(std::move(right));
        return node;
    }

    QueryNode or_expr() {
        QueryNode left = and_expr();
        while (peek().type == Token::Type::Or) {
            const Token op = take();
            expect_operand_after(op);
            left = binary(Kind::Or, std::move(left), and_expr());
        }
        return left;
    }

    QueryNode and_expr() {
        QueryNode left = not_expr();
        while (peek().type == Token::Type::And) {
            const Token op = take();
            if (peek().type == Token::Type::Not) {  // "a AND NOT b" reads as "a NOT b"
                const Token not_op = take();
                expect_operand_after(not_op);
                left = binary(Kind::AndNot, std::move(left), juxtaposed());
                continue;
            }
            expect_operand_after(op);
            left = binary(Kind::And, std::move(left), not_expr());
        }
        return left;
    }

    QueryNode not_expr() {
        QueryNode left = juxtaposed();
        while (peek().type == Token::Type::Not) {
            const Token op = take();
            expect_operand_after(op);
            left = binary(Kind::AndNot, std::move(left), juxtaposed());
        }
        return left;
    }

    QueryNode juxtaposed() {
        QueryNode list;
        list.kind = Kind::Default;
        while (true) {
            const Token& t = peek();
            if (t.type == Token::Type::Not && list.children.empty()) {
                // A leading NOT excludes what follows: "NOT رياضة" is clearly "-رياضة".
                const Token op = take();
                expect_operand_after(op);
                QueryNode excluded = unary();
                excluded.modifier = Modifier::Excluded;
                list.children.push_back(std::move(excluded));
                continue;
            }
            if (t.type == Token::Type::And || t.type == Token::Type::Or || t.type == Token::Type::Not) {
                if (list.children.empty()) {
                    throw error_at(m_text, t.byte, std::string("'") + name_of(t.type) + "'", " has nothing before it");
                }
                break;
            }
            if (!starts_operand()) break;
            list.children.push_back(unary());
        }
        if (list.children.size() == 1 && list.children[0].modifier == Modifier::None) {
            return std::move(list.children[0]);
        }
        return list;
    }

    QueryNode unary() {
        Token t = take();
        if (t.type == Token::Type::LeftParen) {
            if (++m_depth > kMaxQueryNesting) {
                throw error_at(m_text, t.byte, "brackets nested too deep",
                               " (at most " + std::to_string(kMaxQueryNesting) + " levels)");
            }
            if (peek().type == Token::Type::RightParen) {
                throw error_at(m_text, t.byte, "empty brackets");
            }
            if (peek().type == Token::Type::End) {
                throw error_at(m_text, t.byte, "unbalanced brackets: the '('", " is never closed");
            }
            QueryNode inner = or_expr();
            if (peek().type != Token::Type::RightParen) {
                throw error_at(m_text, t.byte, "unbalanced brackets: the '('", " is never closed");
            }
            take();
            --m_depth;
            inner.modifier = t.modifier;
            return inner;
        }
        QueryNode atom = std::move(t.atom);
        atom.modifier = t.modifier;
        return atom;
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_next = 0;
    std::size_t m_depth = 0;
};

}  // namespace

QueryNode parse_query_syntax(std::string_view query) {
    if (query.size() > kMaxQueryBytes) {
        throw QuerySyntaxError("query too long: " + std::to_string(query.size()) + " bytes (at most " +
                               std::to_string(kMaxQueryBytes) + ")");
    }
    std::vector<Token> tokens = Lexer(query).tokens();
    std::size_t atoms = 0;
    std::size_t wildcards = 0;
    for (const Token& t : tokens) {
        atoms += t.type == Token::Type::Atom;
        if (t.type == Token::Type::Atom) wildcards += expanded_wildcards(t.atom);
    }
    if (atoms > kMaxQueryAtoms) {
        throw QuerySyntaxError("query too long: " + std::to_string(atoms) + " words (at most " +
                               std::to_string(kMaxQueryAtoms) + ")");
    }
    if (wildcards > kMaxQueryWildcards) {
        throw QuerySyntaxError("too many wildcards: " + std::to_string(wildcards) + " (at most " +
                               std::to_string(kMaxQueryWildcards) + ")");
    }
    return Parser(query, std::move(tokens)).parse();
}

std::string field_name_near(std::string_view name) {
    constexpr std::size_t kShortName = 4;  // code points; one edit at most for these
    const std::u32string typed = to_code_points(fold_text(name));
    const std::size_t max_edits = typed.size() <= kShortName ? 1 : 2;
    std::string best;
    std::size_t best_edits = max_edits + 1;
    for (const FieldName& f : kQueryFields) {
        for (const std::string_view candidate : {f.canonical, f.arabic}) {
            const std::size_t edits = bounded_edit_distance(typed, to_code_points(fold_text(candidate)), max_edits);
            if (edits < best_edits) {
                best_edits = edits;
                best = std::string(candidate);
            }
        }
    }
    return best;
}

std::string to_string(const QueryNode& node) {
    std::string prefix = node.modifier == Modifier::Excluded ? "-" : node.modifier == Modifier::Required ? "+" : "";
    switch (node.kind) {
        case Kind::Word: return prefix + node.text;
        case Kind::Phrase: return prefix + "\"" + node.text + "\"";
        case Kind::Wildcard: return prefix + node.text + "*";
        case Kind::Field: return prefix + node.field + ":" + to_string(node.children.at(0));
        case Kind::And:
        case Kind::Or:
        case Kind::AndNot:
        case Kind::Default: {
            std::string out = prefix + "(" +
                              (node.kind == Kind::And ? "AND" : node.kind == Kind::Or ? "OR" : node.kind == Kind::AndNot ? "NOT" : "DEFAULT");
            for (const QueryNode& child : node.children) out += " " + to_string(child);
            return out + ")";
        }
    }
    return prefix;
}

}  // namespace rasd::detail
