package dev.roadie.playbook;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Rewrites {@code System.exit(n)}, {@code Runtime.getRuntime().exit(n)} and {@code halt(n)} in a
 * playbook into a call that fails the step instead, so a playbook cannot end the runtime that is
 * recording it.
 */
final class ExitGuard extends CompilationCustomizer {
  private static final ClassNode GUARD = ClassHelper.make(ExitGuard.class);

  ExitGuard() {
    super(CompilePhase.SEMANTIC_ANALYSIS);
  }

  /** What the rewritten calls run. */
  public static Object refuse(Object code) {
    throw new PlaybookException(
        "the playbook called exit("
            + code
            + "); a playbook cannot end the runtime: fail the step with check or throw instead");
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    new ClassCodeExpressionTransformer() {
      @Override
      protected SourceUnit getSourceUnit() {
        return source;
      }

      @Override
      public Expression transform(Expression expression) {
        if (expression instanceof MethodCallExpression call && isExit(call)) {
          Expression code =
              call.getArguments() instanceof TupleExpression args
                      && !args.getExpressions().isEmpty()
                  ? transform(args.getExpression(0))
                  : org.codehaus.groovy.ast.expr.ConstantExpression.NULL;
          StaticMethodCallExpression refusal =
              new StaticMethodCallExpression(GUARD, "refuse", new ArgumentListExpression(code));
          refusal.setSourcePosition(call);
          return refusal;
        }
        if (expression instanceof MethodPointerExpression pointer && isExitPointer(pointer)) {
          MethodPointerExpression refusal =
              new MethodPointerExpression(
                  new ClassExpression(GUARD), new ConstantExpression("refuse"));
          refusal.setSourcePosition(pointer);
          return refusal;
        }
        if (expression instanceof ClosureExpression closure) {
          // A closure's code is not an expression of its own: visit it, or steps go unguarded.
          closure.getCode().visit(this);
          return closure;
        }
        return super.transform(expression);
      }
    }.visitClass(classNode);
  }

  private static boolean isExit(MethodCallExpression call) {
    String method = call.getMethodAsString();
    Expression receiver = call.getObjectExpression();
    if ("exit".equals(method) && isClass(receiver, "java.lang.System")) {
      return true;
    }
    return ("exit".equals(method) || "halt".equals(method)) && isRuntime(receiver);
  }

  private static boolean isExitPointer(MethodPointerExpression pointer) {
    String method = pointer.getMethodName().getText();
    Expression receiver = pointer.getExpression();
    return "exit".equals(method) && isClass(receiver, "java.lang.System")
        || ("exit".equals(method) || "halt".equals(method)) && isRuntime(receiver);
  }

  private static boolean isRuntime(Expression receiver) {
    if (receiver instanceof MethodCallExpression inner) {
      return "getRuntime".equals(inner.getMethodAsString())
          && isClass(inner.getObjectExpression(), "java.lang.Runtime");
    }
    if (receiver instanceof PropertyExpression property) {
      return "runtime".equals(property.getPropertyAsString())
          && isClass(property.getObjectExpression(), "java.lang.Runtime");
    }
    return false;
  }

  private static boolean isClass(Expression expression, String name) {
    return expression instanceof ClassExpression type && type.getType().getName().equals(name);
  }
}
