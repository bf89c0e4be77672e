package io.berth.cli.format;

import io.berth.cli.format.TemplateNode.Action;
import io.berth.cli.format.TemplateNode.Command;
import io.berth.cli.format.TemplateNode.Field;
import io.berth.cli.format.TemplateNode.Function;
import io.berth.cli.format.TemplateNode.If;
import io.berth.cli.format.TemplateNode.Literal;
import io.berth.cli.format.TemplateNode.Operand;
import io.berth.cli.format.TemplateNode.Pipeline;
import io.berth.cli.format.TemplateNode.Range;
import io.berth.cli.format.TemplateNode.Sub;
import io.berth.cli.format.TemplateNode.Text;
import io.berth.cli.format.TemplateNode.Variable;
import io.berth.cli.format.TemplateNode.With;
import java.util.ArrayList;
import java.util.List;

/** Parses Go text/template syntax (the subset described on {@link Template}) into {@link TemplateNode}s. */
final class TemplateParser {
    private final String src;
    private int pos;
    /** Tokens of the action being parsed, and the index of the next one. */
    private List<Token> tokens;
    private int next;

    private record Token(Kind kind, String text, int start, int end) {
    }

    private enum Kind { FIELD, VARIABLE, IDENT, STRING, NUMBER, LPAREN, RPAREN, PIPE, DECLARE, ASSIGN, COMMA }

    /** What ended a list of nodes. */
    private record Ended(List<TemplateNode> nodes, String keyword, String rest) {
    }

    private TemplateParser(String src) {
        this.src = src;
    }

    static List<TemplateNode> parse(String src) {
        TemplateParser p = new TemplateParser(src);
        Ended e = p.list();
        if (e.keyword != null) {
            throw p.error("unexpected {{" + e.keyword + "}}");
        }
        return e.nodes;
    }

    /** Nodes up to the end of input or an {@code end}/{@code else} action. */
    private Ended list() {
        List<TemplateNode> nodes = new ArrayList<>();
        while (pos < src.length()) {
            int open = src.indexOf("{{", pos);
            if (open < 0) {
                nodes.add(new Text(src.substring(pos)));
                pos = src.length();
                break;
            }
            String text = src.substring(pos, open);
            boolean trimLeft = src.startsWith("{{- ", open) || src.startsWith("{{-\t", open)
                    || src.startsWith("{{-\n", open);
            if (trimLeft) {
                text = text.stripTrailing();
            }
            if (!text.isEmpty()) {
                nodes.add(new Text(text));
            }
            int close = closingOf(open);
            boolean trimRight = close - 2 > open && src.charAt(close - 1) == '-'
                    && Character.isWhitespace(src.charAt(close - 2));
            String body = src.substring(open + (trimLeft ? 3 : 2), trimRight ? close - 1 : close).strip();
            pos = close + 2;
            if (trimRight) {
                while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                    pos++;
                }
            }
            if (body.startsWith("/*")) {
                continue;
            }
            String keyword = body.split("[\\s(]", 2)[0];
            String rest = body.substring(keyword.length()).strip();
            switch (keyword) {
                case "end", "else" -> {
                    return new Ended(nodes, keyword, rest);
                }
                case "if" -> nodes.add(ifNode(rest));
                case "with" -> {
                    Pipeline p = pipeline(rest);
                    Ended b = block("with");
                    nodes.add(new With(p, b.nodes, b.keyword.equals("else") ? blockEnd("with").nodes : List.of()));
                }
                case "range" -> {
                    Pipeline p = pipeline(rest);
                    Ended b = block("range");
                    nodes.add(new Range(p, b.nodes, b.keyword.equals("else") ? blockEnd("range").nodes : List.of()));
                }
                case "define", "template", "block", "break", "continue" ->
                        throw error("{{" + keyword + "}} is not supported by berth's templates");
                default -> nodes.add(new Action(pipeline(body)));
            }
        }
        return new Ended(nodes, null, null);
    }

    private If ifNode(String condition) {
        Pipeline p = pipeline(condition);
        Ended b = block("if");
        if (b.keyword.equals("end")) {
            return new If(p, b.nodes, List.of());
        }
        if (b.rest.startsWith("if ") || b.rest.startsWith("if(")) {
            return new If(p, b.nodes, List.of(ifNode(b.rest.substring(2).strip())));
        }
        return new If(p, b.nodes, blockEnd("if").nodes);
    }

    private Ended block(String what) {
        Ended b = list();
        if (b.keyword == null) {
            throw error("unexpected EOF: {{" + what + "}} without {{end}}");
        }
        return b;
    }

    private Ended blockEnd(String what) {
        Ended b = block(what);
        if (!b.keyword.equals("end")) {
            throw error("expected {{end}} of {{" + what + "}}, found {{" + b.keyword + "}}");
        }
        return b;
    }

    private int closingOf(int open) {
        int i = open + 2;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '`') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' && c == '"' ? 2 : 1;
                }
                i = j + 1;
                continue;
            }
            if (src.startsWith("}}", i)) {
                return i;
            }
            i++;
        }
        throw error("unclosed action");
    }

    private Pipeline pipeline(String text) {
        tokens = lex(text);
        next = 0;
        Pipeline p = pipelineTokens(text, false);
        if (next < tokens.size()) {
            throw error("unexpected \"" + tokens.get(next).text + "\" in " + text);
        }
        return p;
    }

    private Pipeline pipelineTokens(String source, boolean inParens) {
        List<String> decls = new ArrayList<>();
        int save = next;
        while (next < tokens.size() && tokens.get(next).kind == Kind.VARIABLE) {
            decls.add(tokens.get(next).text);
            next++;
            if (next < tokens.size() && tokens.get(next).kind == Kind.COMMA) {
                next++;
                continue;
            }
            break;
        }
        if (!decls.isEmpty() && next < tokens.size()
                && (tokens.get(next).kind == Kind.DECLARE || tokens.get(next).kind == Kind.ASSIGN)) {
            next++;
        } else {
            decls.clear();
            next = save;
        }
        List<Command> commands = new ArrayList<>();
        List<Operand> operands = new ArrayList<>();
        while (next < tokens.size()) {
            Token t = tokens.get(next);
            if (t.kind == Kind.RPAREN && inParens) {
                break;
            }
            next++;
            if (t.kind == Kind.PIPE) {
                if (operands.isEmpty()) {
                    throw error("missing command before | in " + source);
                }
                commands.add(new Command(List.copyOf(operands)));
                operands.clear();
                continue;
            }
            operands.add(operand(t, source));
        }
        if (operands.isEmpty()) {
            throw error("missing value in {{" + source + "}}");
        }
        commands.add(new Command(List.copyOf(operands)));
        return new Pipeline(List.copyOf(decls), List.copyOf(commands), source);
    }

    private Operand operand(Token t, String source) {
        return switch (t.kind) {
            case FIELD -> new Field(chain(t.text.equals(".") ? List.of() : List.of(t.text.substring(1).split("\\."))));
            case VARIABLE -> {
                int dot = t.text.indexOf('.', 1);
                String name = dot < 0 ? t.text : t.text.substring(0, dot);
                List<String> names = dot < 0 ? List.of() : List.of(t.text.substring(dot + 1).split("\\."));
                yield new Variable(name, chain(names));
            }
            case STRING -> new Literal(t.text);
            case NUMBER -> new Literal(number(t.text));
            case IDENT -> switch (t.text) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "nil" -> new Literal(null);
                default -> new Function(t.text);
            };
            case LPAREN -> {
                Pipeline inner = pipelineTokens(source, true);
                if (next >= tokens.size() || tokens.get(next).kind != Kind.RPAREN) {
                    throw error("unclosed left paren in " + source);
                }
                Token close = tokens.get(next++);
                List<String> names = new ArrayList<>();
                while (next < tokens.size() && tokens.get(next).kind == Kind.FIELD
                        && tokens.get(next).start == close.end) {
                    names.addAll(List.of(tokens.get(next).text.substring(1).split("\\.")));
                    close = tokens.get(next++);
                }
                yield new Sub(inner, List.copyOf(names));
            }
            default -> throw error("unexpected \"" + t.text + "\" in " + source);
        };
    }

    private static List<String> chain(List<String> names) {
        return List.copyOf(names);
    }

    private static Object number(String text) {
        try {
            if (text.contains(".") || text.contains("e") || text.contains("E")) {
                return Double.parseDouble(text);
            }
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw new TemplateException("template: bad number syntax: " + text);
        }
    }

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length()) {
                        char e = s.charAt(i++);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        sb.append(d);
                    }
                }
                if (i >= s.length()) {
                    throw error("unterminated quoted string in " + s);
                }
                i++;
                out.add(new Token(Kind.STRING, sb.toString(), start, i));
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    throw error("unterminated raw quoted string in " + s);
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, end), start, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')' || c == '|' || c == ',' || c == '=') {
                Kind k = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '|' -> Kind.PIPE;
                    case ',' -> Kind.COMMA;
                    default -> Kind.ASSIGN;
                };
                i++;
                out.add(new Token(k, String.valueOf(c), start, i));
            } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                i += 2;
                out.add(new Token(Kind.DECLARE, ":=", start, i));
            } else if (c == '.' || c == '$') {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || (s.charAt(i) == '.' && i + 1 < s.length() && isIdentStart(s.charAt(i + 1))))) {
                    i++;
                }
                if (c == '.' && i > start + 1 && Character.isDigit(s.charAt(start + 1))) {
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i));
                } else {
                    out.add(new Token(c == '.' ? Kind.FIELD : Kind.VARIABLE, s.substring(start, i), start, i));
                }
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i + 1)))) {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i));
            } else if (isIdentStart(c)) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start, i));
            } else {
                throw error("unexpected \"" + c + "\" in " + s);
            }
        }
        return out;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private TemplateException error(String message) {
        return new TemplateException("template parsing error: template: :" + lineAt() + ": " + message);
    }

    private int lineAt() {
        int line = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
