package io.platformsim.fleet.manifests;

/** A bad value at a field path inside one document; the reader adds file, document and line. */
final class FieldProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  FieldProblem(String field, String problem) {
    super(problem);
    this.field = field;
  }

  String field() {
    return field;
  }
}
