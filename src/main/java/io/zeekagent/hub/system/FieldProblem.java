package io.zeekagent.hub.system;

/** One entry of a 400 problem's {@code errors} array: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {}
