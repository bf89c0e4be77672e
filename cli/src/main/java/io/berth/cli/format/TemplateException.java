package io.berth.cli.format;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;

/** A template that cannot be parsed or executed; the message names the template and what went wrong. */
public final class TemplateException extends BerthException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(ErrorCategory.INVALID_ARGUMENT, "--format", message);
    }
}
