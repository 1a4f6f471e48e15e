// Lexer and recursive-descent parser for the query language (grammar in query_syntax.hpp):
//   or_expr   := and_expr ("OR" and_expr)*
//   and_expr  := not_expr ("AND" not_expr)*
//   not_expr  := juxtaposed ("NOT" juxtaposed)*
//   juxtaposed:= unary+                      (the default operator)
//   unary     := ["-" | "+"] (atom | "(" or_expr ")")

#include "query_syntax.hpp"

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

bool is_ascii(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

std::string canonical_field(std::string_view name) {
    const std::string folded = fold_text(name);
    for (const FieldName& f : kQueryFields) {
        if (folded == f.canonical || folded == fold_text(f.arabic)) return std::string(f.canonical);
    }
    return {};
}

std::string field_list() {
    std::string list;
    for (const FieldName& f : kQueryFields) list += std::string(list.empty() ? "" : ", ") + std::string(f.canonical) + ":";
    for (const FieldName& f : kQueryFields) list += ", " + std::string(f.arabic) + ":";
    return list;
}

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
        if (colon != std::string_view::npos && looks_like_field_name(chunk.substr(0, colon)) &&
            !chunk.substr(colon + 1).starts_with("//")) {
            const std::string_view name = chunk.substr(0, colon);
            QueryNode field;
            field.kind = Kind::Field;
            field.field = canonical_field(name);
            if (field.field.empty()) {
                // An Arabic word before a colon is usually punctuation in pasted text ("مسؤول
                // مصرفي: ..."): read it as words. A Latin one ("author:") looks like a field typo.
                if (!is_ascii(name)) return plain_atom(chunk);
                throw error_at(m_text, start, "unknown field '" + std::string(name) + ":'",
                               " (valid: " + field_list() + ")");
            }
            std::string_view value = chunk.substr(colon + 1);
            if (value.empty() && m_at < m_text.size() && quote_at(m_text, m_at)) {
                field.children.push_back(read_phrase(*quote_at(m_text, m_at)));  // place:"دار السلام"
            } else if (value.empty()) {
                throw error_at(m_text, start, "field '" + std::string(name) + ":'", " has no value");
            } else {
                field.children.push_back(plain_atom(value));
            }
            return field;
        }
        return plain_atom(chunk);
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

// A wildcard, alone or as a title: value, is expanded over the vocabulary (the cost the
// wildcard limit bounds); other fields read a value* literally.
bool expands(const QueryNode& atom) {
    if (atom.kind == Kind::Wildcard) return true;
    return atom.kind == Kind::Field && atom.field == "title" && atom.children.at(0).kind == Kind::Wildcard;
}

class Parser {
public:
    Parser(std::string_view text, std::vector<Token> tokens) : m_text(text), m_tokens(std::move(tokens)) {}

    QueryNode parse() {
        if (peek().type == Token::Type::End) return QueryNode{Kind::Default, Modifier::None, {}, {}, {}};
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
        wildcards += t.type == Token::Type::Atom && expands(t.atom);
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
