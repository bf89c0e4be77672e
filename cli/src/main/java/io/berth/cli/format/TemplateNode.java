package io.berth.cli.format;

import java.util.List;

/** The parsed form of a template: text, actions and the control structures around lists of nodes. */
sealed interface TemplateNode {
    /** Literal text. */
    record Text(String text) implements TemplateNode {
    }

    /** {@code {{pipeline}}}: its value is printed unless it declares variables. */
    record Action(Pipeline pipeline) implements TemplateNode {
    }

    /** {@code {{if p}}...{{else}}...{{end}}} ({@code else if} nests another If in {@code otherwise}). */
    record If(Pipeline condition, List<TemplateNode> then, List<TemplateNode> otherwise) implements TemplateNode {
    }

    /** {@code {{with p}}...{{else}}...{{end}}}: the body runs with dot set to the value when it is not empty. */
    record With(Pipeline value, List<TemplateNode> body, List<TemplateNode> otherwise) implements TemplateNode {
    }

    /** {@code {{range [$k, $v :=] p}}...{{else}}...{{end}}}. */
    record Range(Pipeline over, List<TemplateNode> body, List<TemplateNode> otherwise) implements TemplateNode {
    }

    /** A pipeline: optional variable declarations, then commands joined by {@code |}. */
    record Pipeline(List<String> declarations, List<Command> commands, String source) {
    }

    /** One command of a pipeline: a function call, a method-like field call, or one operand. */
    record Command(List<Operand> operands) {
    }

    /** An argument. */
    sealed interface Operand {
    }

    /** A literal: string, number, boolean or nil. */
    record Literal(Object value) implements Operand {
    }

    /** {@code .A.B} on dot ({@code names} empty for dot itself). */
    record Field(List<String> names) implements Operand {
    }

    /** {@code $x.A.B} ({@code $} is the root). */
    record Variable(String name, List<String> names) implements Operand {
    }

    /** A function by name ({@code json}, {@code index}...). */
    record Function(String name) implements Operand {
    }

    /** {@code (pipeline).A.B}. */
    record Sub(Pipeline pipeline, List<String> names) implements Operand {
    }
}
